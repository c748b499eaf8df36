package io.landwatch.write;

import java.time.LocalDate;

/** What landwatch's workbooks share beyond {@link XlsxWriter}: how a value of a typed column is written. */
final class Xlsx {
  private Xlsx() {}

  /**
   * A value as what it is: numbers as numbers, dates (and ISO date text of a date column) as
   * Excel dates, anything else, ids included, as text.
   */
  static Object value(Object v, boolean dateColumn) {
    if (v == null || v instanceof Number || v instanceof LocalDate) {
      return v;
    }
    if (dateColumn && v instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      return LocalDate.parse(s);
    }
    return v.toString();
  }

  /** Columns that hold days: opened_on, due_on, on, service_date, rectify_by, ... */
  static boolean isDateColumn(String name) {
    return name.endsWith("_on") || name.equals("on") || name.endsWith("_date") || name.equals("rectify_by");
  }

  /** {@code n} column widths of {@code chars} characters. */
  static double[] widths(int n, double chars) {
    double[] w = new double[n];
    java.util.Arrays.fill(w, chars);
    return w;
  }
}
