package io.landwatch.job;

import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.report.Department;
import io.landwatch.report.Exports;
import io.landwatch.report.PdfPrinter;
import io.landwatch.report.Period;
import io.landwatch.report.TablesHtml;
import io.landwatch.store.CaseStore;
import io.landwatch.write.AtomicFile;
import io.landwatch.write.TypedTable;
import io.landwatch.write.TypedTableWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code landwatch export --for DEPT}: what a department receives, as XLSX and CSV (one CSV per
 * table); the joint-meeting pack also as HTML and PDF.
 */
public final class ExportRunner {
  private static final List<String> JOINT_PARTS = List.of("major", "awaiting", "overdue");

  private ExportRunner() {}

  /** The files written and the tables. */
  public record Written(List<Path> files, List<TypedTable> tables) {}

  public static Written export(JobConfig job, Department d, Period period, LocalDate asOf, Path out, boolean pdf) {
    if (job.store() == null || !Files.isRegularFile(job.store())) {
      throw LandwatchException.invalidInput("The job's case store " + job.store() + " does not exist yet: it is made"
          + " by the first `landwatch run` of the job.");
    }
    List<TypedTable> tables;
    try (CaseStore store = CaseStore.open(job.store())) {
      tables = Exports.of(d, store, job.rules().cases(), period, asOf);
    }
    String stem = d.code() + "-" + period.label();
    List<Path> files = new ArrayList<>();
    Path xlsx = out.resolve(stem + ".xlsx");
    TypedTableWriter.xlsx(xlsx, tables);
    files.add(xlsx);
    for (int i = 0; i < tables.size(); i++) {
      Path csv = out.resolve(tables.size() == 1 ? stem + ".csv" : stem + "-" + JOINT_PARTS.get(i) + ".csv");
      TypedTableWriter.csv(csv, tables.get(i));
      files.add(csv);
    }
    if (d == Department.JOINT_MEETING) {
      Path html = out.resolve(stem + ".html");
      String page = TablesHtml.render(job.name() + " " + d.title(), period.chinese() + "（" + period.from() + " 至 "
          + period.to() + "）· 截至 " + (asOf.isBefore(period.to()) ? asOf : period.to()), tables);
      AtomicFile.write(html, os -> os.write(page.getBytes(StandardCharsets.UTF_8)));
      files.add(html);
      if (pdf) {
        Path file = out.resolve(stem + ".pdf");
        PdfPrinter.print(html, file);
        files.add(file);
      }
    }
    return new Written(files, tables);
  }
}
