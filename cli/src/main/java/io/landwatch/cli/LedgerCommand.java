package io.landwatch.cli;

import io.landwatch.store.CaseStore;
import io.landwatch.store.Ledger;
import io.landwatch.write.LedgerWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
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

  @Option(names = "--as-of", description = "The day current deadlines are counted from (default: today).")
  LocalDate asOf;

  @Option(names = "--out", required = true, description = "FILE.csv or FILE.xlsx")
  Path out;

  @Override
  public Integer call() {
    List<Ledger.Sheet> book;
    try (CaseStore store = CaseStore.open(where.existing())) {
      book = Ledger.book(store, township, from, to, where.rules().cases(), asOf == null ? LocalDate.now() : asOf);
    }
    LedgerWriter.write(out, book);
    System.out.println("Wrote " + book.get(0).rows().size() + " ledger rows to " + out + (out.toString().endsWith(".xlsx")
        ? " (with " + book.get(1).rows().size() + " case steps, " + book.get(2).rows().size() + " leads, the counts by"
        + " channel and the patrol log)" : ""));
    return 0;
  }
}
