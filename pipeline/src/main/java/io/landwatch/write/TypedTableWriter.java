package io.landwatch.write;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Writes {@link TypedTable}s as XLSX (one sheet each: ids as text cells, dates as Excel dates,
 * numbers as numbers; bold frozen header, column widths, autofilter, landscape A4 fitted to the page
 * width with the header repeated) and as CSV (UTF-8 with BOM, dates ISO).
 */
public final class TypedTableWriter {
  private TypedTableWriter() {}

  public static void xlsx(Path target, List<TypedTable> tables) {
    AtomicFile.write(target, os -> {
      try (XSSFWorkbook wb = Xlsx.workbook()) {
        CellStyle bold = Xlsx.bold(wb);
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        CellStyle text = wb.createCellStyle();
        text.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("@"));
        CellStyle number = wb.createCellStyle();
        number.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("0.00"));
        for (TypedTable t : tables) {
          XSSFSheet sheet = wb.createSheet(t.name());
          Xlsx.header(sheet, bold, t.headers());
          int r = 1;
          for (List<Object> values : t.rows()) {
            Row row = sheet.createRow(r++);
            for (int i = 0; i < values.size(); i++) {
              put(row.createCell(i), t.columns().get(i).kind(), values.get(i), date, text, number);
            }
          }
          for (int i = 0; i < t.columns().size(); i++) {
            sheet.setColumnWidth(i, Math.min(255, t.columns().get(i).width()) * 256);
          }
          sheet.createFreezePane(0, 1);
          if (!t.columns().isEmpty()) {
            sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, t.rows().size()), 0, t.columns().size() - 1));
          }
          PrintSetup ps = sheet.getPrintSetup();
          ps.setLandscape(true);
          ps.setPaperSize(PrintSetup.A4_PAPERSIZE);
          ps.setFitWidth((short) 1);
          ps.setFitHeight((short) 0);
          sheet.setFitToPage(true);
          sheet.setRepeatingRows(CellRangeAddress.valueOf("1:1"));
          if (t.title() != null) {
            sheet.getHeader().setCenter(t.title());
          }
          sheet.getFooter().setCenter("第 &P 页 / 共 &N 页");
        }
        wb.write(os);
      }
    });
  }

  private static void put(Cell c, TypedTable.Kind kind, Object v, CellStyle date, CellStyle text, CellStyle number) {
    if (v == null) {
      return;
    }
    switch (kind) {
      case DATE -> {
        c.setCellValue((LocalDate) v);
        c.setCellStyle(date);
      }
      case NUMBER -> {
        c.setCellValue(((Number) v).doubleValue());
        c.setCellStyle(number);
      }
      case INTEGER -> c.setCellValue(((Number) v).doubleValue());
      case ID -> {
        c.setCellValue(v.toString());
        c.setCellStyle(text);
      }
      default -> c.setCellValue(v.toString());
    }
  }

  public static void csv(Path target, TypedTable t) {
    CsvWriter.table(target, t.headers(), sink -> {
      for (List<Object> values : t.rows()) {
        sink.row(values.stream().map(v -> v == null ? "" : v.toString()).toList());
      }
    });
  }
}
