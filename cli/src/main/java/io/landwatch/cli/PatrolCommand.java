package io.landwatch.cli;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.PatrolImport;
import io.landwatch.store.CaseStore;
import io.landwatch.store.PatrolSync;
import io.landwatch.store.RowOutcome;
import io.landwatch.write.ImportReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
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

    @Option(names = "--partial", description = "Apply the valid rows even when others are rejected.")
    boolean partial;

    @Option(names = "--report", description = "Report file (default: FILE.report.csv).")
    Path report;

    @Option(names = "--encoding", description = "Charset of a CSV file that is not UTF-8, e.g. GBK.")
    String encoding;

    @Option(names = "--today", description = "Today's date (default: today): patrols dated later are refused.")
    LocalDate today;

    @Override
    public Integer call() {
      JobConfig j = JobConfigLoader.load(job);
      if (j.store() == null) {
        throw LandwatchException.invalidJob("Job file " + job + " keeps no case store (store: none); patrols"
            + " need one.");
      }
      PatrolSync.Report r;
      try (CaseStore store = CaseStore.open(j.store())) {
        r = PatrolImport.run(j, store, file, encoding, partial, today == null ? LocalDate.now() : today);
      }
      Path out = report != null ? report : file.resolveSibling(file.getFileName() + ".report.csv");
      ImportReport.write(out, r.rows());
      r.rows().stream().filter(RowOutcome::rejected)
          .forEach(o -> System.out.println("row " + o.row() + " (" + o.id() + "): rejected: " + o.reason()));
      System.out.printf("%d patrols applied, %d already imported, %d rejected; report in %s%n", r.applied(),
          r.already(), r.rejected(), out);
      if (r.rejected() > 0 && (!partial || r.applied() == 0)) {
        System.err.println("landwatch: " + (partial ? "no patrol could be applied" : "nothing was applied because "
            + r.rejected() + " row(s) were rejected; fix them, or import with --partial to apply the others") + ".");
        return ExitCode.REJECTED.code();
      }
      return 0;
    }
  }
}
