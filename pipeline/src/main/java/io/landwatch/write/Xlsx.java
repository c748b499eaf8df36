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
    // POI logs through Log4j's API; without a Log4j core it would complain on stderr. Set here,
    // where POI is first used, not at start-up: the Spark engine brings a Log4j of its own.
    System.setProperty("log4j2.loggerContextFactory", "org.apache.logging.log4j.simple.SimpleLoggerContextFactory");
    System.setProperty("log4j2.simplelogLevel", "OFF");
    System.setProperty("log4j2.statusLoggerLevel", "OFF");
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
