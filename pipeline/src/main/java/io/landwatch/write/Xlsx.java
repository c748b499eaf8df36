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
}
