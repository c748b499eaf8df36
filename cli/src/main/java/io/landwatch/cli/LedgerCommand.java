package io.landwatch.cli;

import io.landwatch.LandwatchException;
import io.landwatch.store.CaseStore;
import io.landwatch.store.Ledger;
import io.landwatch.write.AtomicFile;
import io.landwatch.write.CsvWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code landwatch ledger}: the patrol ledger of a period. */
@Command(name = "ledger", mixinStandardHelpOptions = true,
    description = "Write the patrol ledger (巡查台账): every case and its history in the period.")
final class LedgerCommand implements Callable<Integer> {
  @Mixin
  StoreOption where;

  @Option(names = "--township", description = "Only this township.")
  String township;

  @Option(names = "--from", description = "First day (inclusive), e.g. 2023-07-01.")
  LocalDate from;

  @Option(names = "--to", description = "Last day (inclusive).")
  LocalDate to;

  @Option(names = "--out", required = true, description = "FILE.csv or FILE.xlsx")
  Path out;

  @Override
  public Integer call() {
    List<Map<String, Object>> rows;
    try (CaseStore store = CaseStore.open(where.existing())) {
      rows = Ledger.rows(store, township, from, to);
    }
    String name = out.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
    if (name.endsWith(".csv")) {
      CsvWriter.table(out, Ledger.COLUMNS, sink -> {
        for (Map<String, Object> r : rows) {
          sink.row(Ledger.COLUMNS.stream().map(c -> r.get(c) == null ? "" : r.get(c).toString()).toList());
        }
      });
    } else if (name.endsWith(".xlsx")) {
      AtomicFile.write(out, os -> {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
          var sheet = wb.createSheet("巡查台账");
          var head = sheet.createRow(0);
          for (int i = 0; i < Ledger.COLUMNS.size(); i++) {
            head.createCell(i).setCellValue(Ledger.COLUMNS.get(i));
          }
          int n = 1;
          for (Map<String, Object> r : rows) {
            var row = sheet.createRow(n++);
            for (int i = 0; i < Ledger.COLUMNS.size(); i++) {
              Object v = r.get(Ledger.COLUMNS.get(i));
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
      throw LandwatchException.invalidInput("--out must end in .csv or .xlsx, got " + out);
    }
    System.out.println("Wrote " + rows.size() + " ledger rows to " + out);
    return 0;
  }
}
