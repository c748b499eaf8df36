package io.landwatch.write;

import io.landwatch.LandwatchException;
import io.landwatch.store.Ledger;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

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
        try (XlsxWriter wb = XlsxWriter.to(os)) {
          for (Ledger.Sheet s : sheets) {
            XlsxWriter.Sheet sheet = wb.sheet(s.name(), XlsxWriter.Layout.plain());
            sheet.header(s.columns());
            for (List<Object> values : s.rows()) {
              sheet.row(java.util.stream.IntStream.range(0, values.size())
                  .mapToObj(i -> Xlsx.value(values.get(i), Xlsx.isDateColumn(s.columns().get(i)))).toList());
            }
          }
        }
      });
    } else {
      throw LandwatchException.invalidInput("The ledger file must end in .csv or .xlsx, got " + out);
    }
  }
}
