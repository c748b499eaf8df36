package io.landwatch.write;

import io.landwatch.LandwatchException;
import io.landwatch.store.Ledger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The patrol ledger as CSV (UTF-8 with BOM: the case sheet, 巡查台账) or XLSX (every sheet: cases,
 * leads, counts by channel, patrol log), by the file's extension.
 */
public final class LedgerWriter {
  private LedgerWriter() {}

  public static void write(Path out, List<Ledger.Sheet> sheets) {
    String name = out.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".csv")) {
      Ledger.Sheet first = sheets.get(0);
      CsvWriter.table(out, first.columns(), sink -> {
        for (List<Object> values : first.rows()) {
          sink.row(values.stream().map(v -> v == null ? "" : v.toString()).toList());
        }
      });
    } else if (name.endsWith(".xlsx")) {
      AtomicFile.write(out, os -> {
        try (XSSFWorkbook wb = Xlsx.workbook()) {
          var bold = Xlsx.bold(wb);
          var date = Xlsx.dateStyle(wb);
          for (Ledger.Sheet s : sheets) {
            var sheet = wb.createSheet(s.name());
            Xlsx.header(sheet, bold, s.columns());
            int n = 1;
            for (List<Object> values : s.rows()) {
              var row = sheet.createRow(n++);
              for (int i = 0; i < values.size(); i++) {
                Xlsx.put(row.createCell(i), values.get(i), Xlsx.isDateColumn(s.columns().get(i)), date);
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
