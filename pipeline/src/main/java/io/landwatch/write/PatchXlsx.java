package io.landwatch.write;

import io.landwatch.judge.PatchResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * patches.xlsx: the rows of patches.csv for Excel users. Opened in Excel, patches.csv turns a
 * 14-digit JCBH into 1.40524E+13 and loses it on save; here every id is a text cell, areas are
 * numbers, dates are Excel dates, and the sheet has a filter and a frozen header.
 */
public final class PatchXlsx {
  private PatchXlsx() {}

  public static void write(Path target, List<PatchResult> results) {
    write(target, results, false);
  }

  /** patches.xlsx, with Chinese headers and verdict/referral values when {@code chinese}. */
  public static void write(Path target, List<PatchResult> results, boolean chinese) {
    Set<String> sourceFields = PatchProperties.sourceFields(results);
    List<String> header = PatchProperties.columns(sourceFields);
    double[] widths = Xlsx.widths(header.size(), 14);
    widths[0] = 18;
    AtomicFile.write(target, out -> {
      try (XlsxWriter wb = XlsxWriter.to(out)) {
        XlsxWriter.Sheet sheet = wb.sheet("patches", XlsxWriter.Layout.plain().widths(widths).frozen(1, 1).filtered());
        sheet.header(header.stream().map(h -> PatchLabels.header(h, chinese)).toList());
        List<Object> row = new ArrayList<>(header.size());
        for (PatchResult r : results) {
          row.clear();
          for (Map.Entry<String, Object> e : PatchProperties.of(r).entrySet()) {
            row.add(value(e.getKey(), e.getValue(), chinese));
          }
          for (String s : sourceFields) {
            row.add(value(s, r.patch().source().get(s), false));
          }
          sheet.row(row);
        }
      }
    });
  }

  /** Numbers as numbers, the judgment's dates as dates, everything else (ids first) as text. */
  private static Object value(String name, Object v, boolean chinese) {
    if (v == null) {
      return null;
    }
    if (v instanceof PatchProperties.Decimal d) {
      return Double.parseDouble(d.text());
    } else if (v instanceof Boolean b) {
      return chinese ? PatchLabels.value(name, b.toString(), true) : b;
    } else if (v instanceof Number x) {
      return x.doubleValue();
    } else if ((name.equals("before_date") || name.equals("after_date")) && v instanceof String s && !s.isEmpty()) {
      LocalDate d = Xlsx.isoDate(s);
      return d != null ? d : LocalDate.parse(s);
    }
    return PatchLabels.value(name, CsvWriter.cell(v), chinese);
  }
}
