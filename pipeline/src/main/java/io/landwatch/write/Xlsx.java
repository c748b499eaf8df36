package io.landwatch.write;

import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** What every XLSX writer of landwatch shares: a workbook with POI's logging quiet, and bold header rows. */
final class Xlsx {
  static {
    // POI logs through Log4j's API; without a Log4j core it would complain on stderr ("could not
    // find a logging provider"), so the API's simple logger stands in, silent. Where a Log4j core
    // is on the class path (the Spark engine brings one) it is left alone: forcing the simple
    // logger there breaks Spark's own logging.
    if (!onClassPath("org.apache.logging.log4j.core.LoggerContext")) {
      System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
      System.setProperty("log4j2.simplelogLevel", "OFF");
      System.setProperty("log4j2.statusLoggerLevel", "OFF");
    }
  }

  private static boolean onClassPath(String className) {
    try {
      Class.forName(className, false, Xlsx.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  private Xlsx() {}

  static XSSFWorkbook workbook() {
    return new XSSFWorkbook();
  }

  static CellStyle bold(XSSFWorkbook wb) {
    CellStyle bold = wb.createCellStyle();
    Font f = wb.createFont();
    f.setBold(true);
    bold.setFont(f);
    return bold;
  }

  /** Row 0 of {@code sheet}: the headers, in {@code style}. */
  static void header(Sheet sheet, CellStyle style, List<String> headers) {
    Row head = sheet.createRow(0);
    for (int i = 0; i < headers.size(); i++) {
      Cell c = head.createCell(i);
      c.setCellValue(headers.get(i));
      c.setCellStyle(style);
    }
  }

  /** A cell style that shows a date as 2023-07-05. */
  static CellStyle dateStyle(XSSFWorkbook wb) {
    CellStyle date = wb.createCellStyle();
    date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
    return date;
  }

  /**
   * A value into a cell as what it is: numbers as numbers, dates (and ISO date text of a date
   * column) as Excel dates, anything else, ids included, as text.
   */
  static void put(Cell c, Object v, boolean dateColumn, CellStyle date) {
    if (v == null) {
      return;
    }
    if (v instanceof Number n) {
      c.setCellValue(n.doubleValue());
    } else if (v instanceof java.time.LocalDate d) {
      c.setCellValue(d);
      c.setCellStyle(date);
    } else if (dateColumn && v instanceof String s && s.matches("\\d{4}-\\d{2}-\\d{2}")) {
      c.setCellValue(java.time.LocalDate.parse(s));
      c.setCellStyle(date);
    } else {
      c.setCellValue(v.toString());
    }
  }

  /** Columns that hold days: opened_on, due_on, on, service_date, rectify_by, ... */
  static boolean isDateColumn(String name) {
    return name.endsWith("_on") || name.equals("on") || name.endsWith("_date") || name.equals("rectify_by");
  }
}
