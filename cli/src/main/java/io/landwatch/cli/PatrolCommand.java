package io.landwatch.cli;

import io.landwatch.config.JobConfig;
import io.landwatch.job.PatrolImport;
import io.landwatch.store.CaseStore;
import io.landwatch.store.PatrolSync;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code landwatch patrol import FILE --job JOB.yaml}: the patrol log (巡查记录) into the case store. */
@Command(name = "patrol", mixinStandardHelpOptions = true, description = "Patrol records (巡查记录).",
    subcommands = PatrolCommand.Import.class)
final class PatrolCommand {
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import a patrol log (CSV or XLSX): patrolled_on, inspector, village and/or track (a GPX"
          + " file), findings (empty when nothing was found), leads. Patrols that found nothing are kept too:"
          + " `status --coverage` counts them. A file with a rejected row applies nothing unless --partial."
          + " See docs/FIELD.md.")
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Option(names = "--job", required = true, description = "The job whose village grid places the patrols"
        + " and whose case store keeps them.")
    Path job;

    @Mixin
    ImportOptions options;

    @Override
    public Integer call() {
      JobConfig j = StoreOption.jobWithStore(job, "patrols");
      PatrolSync.Report r;
      try (CaseStore store = CaseStore.open(j.store())) {
        r = PatrolImport.run(j, store, file, options.encoding, options.partial, options.day());
      }
      return options.finish(file, r.rows(), r.applied(), r.rejected(), String.format(
          "%d patrols applied, %d already imported, %d rejected", r.applied(), r.already(), r.rejected()));
    }
  }
}
