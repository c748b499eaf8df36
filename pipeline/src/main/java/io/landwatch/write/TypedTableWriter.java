package io.landwatch.write;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link TypedTable}s as XLSX (one sheet each: ids as text cells, dates as Excel dates,
 * numbers as numbers; bold frozen header, column widths, autofilter, landscape A4 fitted to the page
 * width with the header repeated) and as CSV (UTF-8 with BOM, dates ISO).
 */
public final class TypedTableWriter {
  private TypedTableWriter() {}

  public static void xlsx(Path target, List<TypedTable> tables) {
    AtomicFile.write(target, os -> {
      try (XlsxWriter wb = XlsxWriter.to(os)) {
        for (TypedTable t : tables) {
          double[] widths = t.columns().stream().mapToDouble(c -> Math.min(255, c.width())).toArray();
          XlsxWriter.Layout layout = XlsxWriter.Layout.plain().widths(widths).frozen(0, 1)
              .printed(t.title(), "第 &P 页 / 共 &N 页");
          XlsxWriter.Sheet sheet = wb.sheet(t.name(), t.columns().isEmpty() ? layout : layout.filtered());
          sheet.header(t.headers());
          List<Object> row = new ArrayList<>();
          for (List<Object> values : t.rows()) {
            row.clear();
            for (int i = 0; i < values.size(); i++) {
              row.add(value(t.columns().get(i).kind(), values.get(i)));
            }
            sheet.row(row);
          }
        }
      }
    });
  }

  private static Object value(TypedTable.Kind kind, Object v) {
    if (v == null) {
      return null;
    }
    return switch (kind) {
      case DATE -> v;
      case NUMBER -> new XlsxWriter.Cell(((Number) v).doubleValue(), XlsxWriter.Style.DECIMAL2);
      case INTEGER -> ((Number) v).doubleValue();
      case ID -> new XlsxWriter.Cell(v.toString(), XlsxWriter.Style.TEXT);
      default -> v.toString();
    };
  }

  public static void csv(Path target, TypedTable t) {
    CsvWriter.table(target, t.headers(), sink -> {
      for (List<Object> values : t.rows()) {
        sink.row(values.stream().map(v -> v == null ? "" : v.toString()).toList());
      }
    });
  }
}
