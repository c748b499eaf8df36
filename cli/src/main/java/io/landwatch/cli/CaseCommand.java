package io.landwatch.cli;

import io.landwatch.store.CaseStore;
import io.landwatch.store.CaseUpdate;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code landwatch case update FILE}: steps of cases' legal lives into the case store. */
@Command(name = "case", mixinStandardHelpOptions = true, description = "The legal life of cases.",
    subcommands = CaseCommand.Update.class)
final class CaseCommand {
  @Command(name = "update", mixinStandardHelpOptions = true,
      description = "Import case steps (CSV or XLSX, English or Chinese headers): verified_illegal / verified_legal,"
          + " stopped, filed (case number), decided (decision number, service date, fine, orders, rectification"
          + " deadline), executed, closed; and referrals to police, procuratorate, court or discipline commission"
          + " with their answer and outcome. An impossible step is rejected with the case's stage and the allowed"
          + " next steps; a file with a rejected row applies nothing unless --partial. See docs/LIFECYCLE.md.")
  static final class Update implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Mixin
    StoreOption where;

    @Mixin
    ImportOptions options;

    @Override
    public Integer call() {
      CaseUpdate.Report r;
      try (CaseStore store = CaseStore.open(where.existing())) {
        r = CaseUpdate.run(store, file, options.encoding, options.partial, options.day());
      }
      return options.finish(file, r.rows(), r.applied(), r.rejected(), String.format(
          "%d steps applied, %d already applied before, %d rejected", r.applied(), r.already(), r.rejected()));
    }
  }
}
