package io.landwatch.job;

import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.report.Period;
import io.landwatch.report.PdfPrinter;
import io.landwatch.report.ReportData;
import io.landwatch.report.ReportHtml;
import io.landwatch.store.CaseStore;
import io.landwatch.write.AtomicFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code landwatch report}: the period report from the job's case store and village grid, as
 * HTML and, printed by headless Chromium, PDF.
 */
public final class ReportRunner {
  private ReportRunner() {}

  /** The files written and the report's data. */
  public record Written(List<Path> files, ReportData data) {}

  /**
   * @param out the folder to write into (created when absent)
   * @param pdf also print the PDF
   */
  public static Written period(JobConfig job, Period period, LocalDate asOf, Path out, boolean pdf) {
    if (job.store() == null || !Files.isRegularFile(job.store())) {
      throw LandwatchException.invalidInput("The job's case store " + job.store() + " does not exist yet: it is made"
          + " by the first `landwatch run` of the job.");
    }
    ReportData data;
    try (CaseStore store = CaseStore.open(job.store())) {
      data = ReportData.of(store, job.rules(), job.name(), period, asOf);
    }
    var villages = job.villages() == null ? List.<io.landwatch.model.Village>of() : VillageGrid.read(job);
    List<Path> files = new ArrayList<>();
    Path html = out.resolve("report-" + period.label() + ".html");
    String page = ReportHtml.render(data, villages);
    AtomicFile.write(html, os -> os.write(page.getBytes(StandardCharsets.UTF_8)));
    files.add(html);
    if (pdf) {
      Path file = out.resolve("report-" + period.label() + ".pdf");
      PdfPrinter.print(html, file);
      files.add(file);
    }
    return new Written(files, data);
  }
}
