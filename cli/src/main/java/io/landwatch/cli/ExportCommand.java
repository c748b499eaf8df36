package io.landwatch.cli;

import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.ExportRunner;
import io.landwatch.report.Department;
import io.landwatch.report.Period;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code landwatch export --for police --period 2023-Q3 --job JOB.yaml}: what a department receives. */
@Command(name = "export", mixinStandardHelpOptions = true,
    description = "What a department receives, as XLSX and CSV: police (referral candidates and referred cases),"
        + " court (enforcement applications due or overdue), permits and utilities (cases under a stop order),"
        + " public (decided cases, nothing personal), joint-meeting (major cases, referrals awaiting an answer,"
        + " overdue items; also HTML and PDF). See docs/REPORTS.md.")
final class ExportCommand implements Callable<Integer> {
  @Option(names = "--for", required = true, description = "police, court, permits, utilities, public or joint-meeting.")
  String department;

  @Option(names = "--job", required = true, description = "The job whose case store is exported.")
  Path job;

  @Option(names = "--period", required = true, description = "A quarter (2023-Q2), a month (2023-06) or a year (2023).")
  String period;

  @Option(names = "--out", description = "Folder for the files (default: reports/ beside the job file).")
  Path out;

  @Option(names = "--as-of", description = "The day of the export (default: today).")
  LocalDate asOf;

  @Option(names = "--no-pdf", description = "The joint-meeting pack as HTML only.")
  boolean noPdf;

  @Override
  public Integer call() {
    Department d = Department.parse(department);
    if (d == null) {
      throw LandwatchException.invalidInput("--for '" + department + "' is not a department; use " + Department.help()
          + ".");
    }
    JobConfig j = JobConfigLoader.load(job);
    Path dir = out != null ? out : job.toAbsolutePath().getParent().resolve("reports");
    var w = ExportRunner.export(j, d, Period.parse(period), asOf == null ? LocalDate.now() : asOf, dir, !noPdf);
    w.tables().forEach(t -> System.out.println(t.title() + ": " + t.rows().size() + " rows"));
    w.files().forEach(f -> System.out.println("  " + f));
    return 0;
  }
}
