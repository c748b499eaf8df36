package io.landwatch.write;

import io.landwatch.LandwatchException;
import io.landwatch.store.Ledger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** The patrol ledger as CSV (UTF-8 with BOM) or XLSX (sheet 巡查台账), by the file's extension. */
public final class LedgerWriter {
  private LedgerWriter() {}

  public static void write(Path out, List<Ledger.Line> lines) {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      CsvWriter.table(out, Ledger.COLUMNS, sink -> {
        for (Ledger.Line l : lines) {
          sink.row(l.values().stream().map(v -> v == null ? "" : v.toString()).toList());
        }
      });
    } else if (name.endsWith(".xlsx")) {
      AtomicFile.write(out, os -> {
        try (XSSFWorkbook wb = Xlsx.workbook()) {
          var sheet = wb.createSheet("巡查台账");
          var head = sheet.createRow(0);
          for (int i = 0; i < Ledger.COLUMNS.size(); i++) {
            head.createCell(i).setCellValue(Ledger.COLUMNS.get(i));
          }
          int n = 1;
          for (Ledger.Line l : lines) {
            var row = sheet.createRow(n++);
            List<Object> values = l.values();
            for (int i = 0; i < values.size(); i++) {
              Object v = values.get(i);
              if (v instanceof Number x) {
                row.createCell(i).setCellValue(x.doubleValue());
              } else if (v != null) {
                row.createCell(i).setCellValue(v.toString());
              }
            }
          }
          wb.write(os);
        }
      });
    } else {
      throw LandwatchException.invalidInput("The ledger file must end in .csv or .xlsx, got " + out);
    }
  }
}
