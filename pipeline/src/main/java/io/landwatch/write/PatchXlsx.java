package io.landwatch.write;

import io.landwatch.judge.PatchResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

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
    AtomicFile.write(target, out -> {
      try (XSSFWorkbook wb = Xlsx.workbook()) {
        Sheet sheet = wb.createSheet("patches");
        CellStyle bold = Xlsx.bold(wb);
        CellStyle date = wb.createCellStyle();
        date.setDataFormat(wb.getCreationHelper().createDataFormat().getFormat("yyyy-mm-dd"));
        Xlsx.header(sheet, bold, header.stream().map(h -> PatchLabels.header(h, chinese)).toList());
        for (int i = 0; i < header.size(); i++) {
          sheet.setColumnWidth(i, (i == 0 ? 18 : 14) * 256);
        }
        int n = 1;
        for (PatchResult r : results) {
          Row row = sheet.createRow(n++);
          int i = 0;
          for (Map.Entry<String, Object> e : PatchProperties.of(r).entrySet()) {
            put(row.createCell(i++), e.getKey(), e.getValue(), date, chinese);
          }
          for (String s : sourceFields) {
            Object v = r.patch().source().get(s);
            put(row.createCell(i++), s, v, date, false);
          }
        }
        sheet.createFreezePane(1, 1);
        sheet.setAutoFilter(new CellRangeAddress(0, Math.max(1, results.size()), 0, header.size() - 1));
        wb.write(out);
      }
    });
  }

  /** Numbers as numbers, the judgment's dates as dates, everything else (ids first) as text. */
  private static void put(Cell c, String name, Object v, CellStyle date, boolean chinese) {
    if (v == null) {
      return;
    }
    if (v instanceof PatchProperties.Decimal d) {
      c.setCellValue(Double.parseDouble(d.text()));
    } else if (v instanceof Boolean b) {
      if (chinese) {
        c.setCellValue(PatchLabels.value(name, b.toString(), true));
      } else {
        c.setCellValue(b);
      }
    } else if (v instanceof Number x) {
      c.setCellValue(x.doubleValue());
    } else if ((name.equals("before_date") || name.equals("after_date")) && v instanceof String s && !s.isEmpty()) {
      c.setCellValue(LocalDate.parse(s));
      c.setCellStyle(date);
    } else {
      c.setCellValue(PatchLabels.value(name, CsvWriter.cell(v), chinese));
    }
  }
}
