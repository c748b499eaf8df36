package io.landwatch.cli;

import io.landwatch.ExitCode;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.SiteJudge;
import io.landwatch.store.CaseStore;
import io.landwatch.store.FeedbackImport;
import io.landwatch.write.ImportReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code landwatch feedback import FILE}: field results back into the case store. */
@Command(name = "feedback", mixinStandardHelpOptions = true, description = "Field results from the patrols.",
    subcommands = FeedbackCommand.Import.class)
final class FeedbackCommand {
  @Command(name = "import", mixinStandardHelpOptions = true,
      description = "Import a feedback file (CSV with or without BOM, or XLSX) with columns task_id (or"
          + " patch_id), result, action, checked_on, inspector, note, photos (files or a zip), outline (a measured"
          + " outline: GeoJSON, KML, GPX, Shapefile; needs --job). Chinese headers and values as tasks.xlsx"
          + " hands them out are accepted. Every row is checked; a file with a rejected row applies nothing unless"
          + " --partial. A report is written beside the file. See docs/FIELD.md.")
  static final class Import implements Callable<Integer> {
    @Parameters(paramLabel = "FILE")
    Path file;

    @Mixin
    StoreOption where;

    @Option(names = "--partial", description = "Apply the valid rows even when others are rejected.")
    boolean partial;

    @Option(names = "--report", description = "Report file (default: FILE.report.csv).")
    Path report;

    @Option(names = "--encoding", description = "Charset of a CSV file that is not UTF-8, e.g. GBK.")
    String encoding;

    @Option(names = "--today", description = "Today's date for the 'not in the future' check (default: today).")
    LocalDate today;

    @Override
    public Integer call() {
      Path storePath = where.existing();
      FeedbackImport.Report r;
      try (CaseStore store = CaseStore.open(storePath)) {
        LocalDate day = today == null ? LocalDate.now() : today;
        r = FeedbackImport.run(store, file, encoding, partial, day, where.rules(), where.job == null ? null
            : SiteJudge.outlines(JobConfigLoader.load(where.job), day));
      }
      Path out = report != null ? report : file.resolveSibling(file.getFileName() + ".report.csv");
      ImportReport.write(out, r.rows());
      r.rows().stream().filter(o -> o.reason() != null && o.outcome().equals("rejected"))
          .forEach(o -> System.out.println("row " + o.row() + " (" + o.id() + "): rejected: " + o.reason()));
      long already = r.rows().stream().filter(o -> o.outcome().equals("already applied")).count();
      System.out.printf("%d rows applied, %d already applied before, %d rejected; report in %s%n",
          r.applied(), already, r.rejected(), out);
      if (partial && r.rejected() > 0 && r.applied() == 0) {
        System.err.println("landwatch: no row could be applied: all " + r.rejected() + " row(s) with"
            + " changes were rejected; see the report.");
        return ExitCode.REJECTED.code();
      }
      if (r.rejected() > 0 && !partial) {
        System.err.println("landwatch: nothing was applied because " + r.rejected() + " row(s) were rejected;"
            + " fix them, or import with --partial to apply the others.");
        return ExitCode.REJECTED.code();
      }
      return 0;
    }
  }

}
