package io.landwatch.write;

import io.landwatch.plan.Task;
import java.util.List;
import java.util.Map;

/** tasks.xlsx: one sheet per township, headers in Chinese (configurable), rows in route order. */
public final class TaskXlsx {
  private TaskXlsx() {}

  public static void write(java.nio.file.Path target, Map<String, List<Task>> byTownship, Map<String, String> labels) {
    List<String> names = TaskColumns.names();
    List<String> headers = names.stream().map(n -> labels.getOrDefault(n, n)).toList();
    XlsxWriter.Layout layout = XlsxWriter.Layout.plain().widths(Xlsx.widths(names.size(), 14)).frozen(0, 1);
    AtomicFile.write(target, out -> {
      try (XlsxWriter wb = XlsxWriter.to(out)) {
        if (byTownship.isEmpty()) {
          wb.sheet("tasks", layout).header(headers);
        }
        for (var e : byTownship.entrySet()) {
          XlsxWriter.Sheet sheet = wb.sheet(sheetName(e.getKey()), layout);
          sheet.header(headers);
          for (Task t : e.getValue().stream().sorted(java.util.Comparator.comparingInt(Task::townshipSeq)).toList()) {
            List<Object> values = TaskColumns.values(t);
            sheet.row(java.util.stream.IntStream.range(0, values.size())
                .mapToObj(i -> Xlsx.value(values.get(i), Xlsx.isDateColumn(names.get(i)))).toList());
          }
        }
      }
    });
  }

  /** Excel sheet names: at most 31 characters, none of []:*?/\. */
  static String sheetName(String township) {
    String s = township.replaceAll("[\\[\\]:*?/\\\\]", "_");
    return s.length() > 31 ? s.substring(0, 31) : s;
  }
}
