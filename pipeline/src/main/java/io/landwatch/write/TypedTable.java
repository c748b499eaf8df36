package io.landwatch.write;

import java.util.List;

/**
 * A table whose columns know their type, so that each format stores each value as what it is: ids
 * as text (a 14-digit JCBH must never become 1.40524E+13), dates as dates, areas as numbers.
 *
 * @param name the sheet's name (Chinese for people)
 * @param title a title line printed above the table (print setup header), or null
 * @param columns the columns, in order
 * @param rows the rows: per column a String, LocalDate, Number or null
 */
public record TypedTable(String name, String title, List<Column> columns, List<List<Object>> rows) {

  /** How a column is stored. */
  public enum Kind { ID, TEXT, DATE, NUMBER, INTEGER }

  /**
   * @param header the header people read (Chinese)
   * @param kind how its values are stored
   * @param width the column width in characters
   */
  public record Column(String header, Kind kind, int width) {}

  public static Column id(String header) {
    return new Column(header, Kind.ID, 17);
  }

  public static Column text(String header, int width) {
    return new Column(header, Kind.TEXT, width);
  }

  public static Column date(String header) {
    return new Column(header, Kind.DATE, 12);
  }

  public static Column number(String header) {
    return new Column(header, Kind.NUMBER, 12);
  }

  public static Column integer(String header) {
    return new Column(header, Kind.INTEGER, 8);
  }

  public List<String> headers() {
    return columns.stream().map(Column::header).toList();
  }
}
