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
    LocalDate d = dateColumn && v instanceof String s ? isoDate(s) : null;
    return d != null ? d : v.toString();
  }

  /**
   * The day of a text written 2023-07-05, or null for any other text. (Not LocalDate.parse or a
   * regex: a workbook calls this for every cell of a date column, in a JVM that is seconds old.)
   */
  static LocalDate isoDate(String s) {
    if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
      return null;
    }
    for (int i : new int[] {0, 1, 2, 3, 5, 6, 8, 9}) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return null;
      }
    }
    return LocalDate.of(Integer.parseInt(s, 0, 4, 10), Integer.parseInt(s, 5, 7, 10), Integer.parseInt(s, 8, 10, 10));
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
