package io.landwatch.write;

import io.landwatch.plan.Task;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** tasks.xlsx: one sheet per township, headers in Chinese (configurable), rows in route order. */
public final class TaskXlsx {
  private TaskXlsx() {}

  public static void write(java.nio.file.Path target, Map<String, List<Task>> byTownship, Map<String, String> labels) {
    AtomicFile.write(target, out -> {
      try (XSSFWorkbook wb = Xlsx.workbook()) {
        CellStyle bold = Xlsx.bold(wb);
        List<String> names = TaskColumns.names();
        List<String> headers = names.stream().map(n -> labels.getOrDefault(n, n)).toList();
        var date = Xlsx.dateStyle(wb);
        for (var e : byTownship.entrySet()) {
          Sheet sheet = wb.createSheet(sheetName(e.getKey()));
          Xlsx.header(sheet, bold, headers);
          int r = 1;
          for (Task t : e.getValue().stream().sorted(java.util.Comparator.comparingInt(Task::townshipSeq)).toList()) {
            Row row = sheet.createRow(r++);
            List<Object> values = TaskColumns.values(t);
            for (int i = 0; i < values.size(); i++) {
              Xlsx.put(row.createCell(i), values.get(i), Xlsx.isDateColumn(names.get(i)), date);
            }
          }
          sheet.createFreezePane(0, 1);
          for (int i = 0; i < names.size(); i++) {
            sheet.setColumnWidth(i, 14 * 256);
          }
        }
        wb.write(out);
      }
    });
  }

  /** Excel sheet names: at most 31 characters, none of []:*?/\. */
  static String sheetName(String township) {
    String s = township.replaceAll("[\\[\\]:*?/\\\\]", "_");
    return s.length() > 31 ? s.substring(0, 31) : s;
  }
}
