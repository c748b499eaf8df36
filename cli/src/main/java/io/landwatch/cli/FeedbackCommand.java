package io.landwatch.cli;

import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.SiteJudge;
import io.landwatch.store.CaseStore;
import io.landwatch.store.FeedbackImport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    ImportOptions options;

    @Override
    public Integer call() {
      Path storePath = where.existing();
      FeedbackImport.Report r;
      try (CaseStore store = CaseStore.open(storePath)) {
        LocalDate day = options.day();
        r = FeedbackImport.run(store, file, options.encoding, options.partial, day, where.rules(), where.job == null
            ? null : SiteJudge.outlines(JobConfigLoader.load(where.job), day));
      }
      long already = r.rows().stream().filter(o -> o.outcome().equals("already applied")).count();
      return options.finish(file, r.rows(), r.applied(), r.rejected(), String.format(
          "%d rows applied, %d already applied before, %d rejected", r.applied(), already, r.rejected()));
    }
  }
}
