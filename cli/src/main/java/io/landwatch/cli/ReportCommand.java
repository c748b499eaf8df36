package io.landwatch.cli;

import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.ReportRunner;
import io.landwatch.report.Period;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code landwatch report --job JOB.yaml --period 2023-Q2}: the period report, HTML and PDF. */
@Command(name = "report", mixinStandardHelpOptions = true,
    description = "The period report from the case store: overview map, counts per township and village, the"
        + " accountability ratio, trend, referral list. One self-contained HTML file and its PDF (printed by"
        + " headless Chromium). See docs/REPORTS.md.")
final class ReportCommand implements Callable<Integer> {
  @Option(names = "--job", required = true, description = "The job whose case store and villages the report reads.")
  Path job;

  @Option(names = "--period", required = true, description = "A quarter (2023-Q2), a month (2023-06) or a year (2023).")
  String period;

  @Option(names = "--out", description = "Folder for the report (default: reports/ beside the job file).")
  Path out;

  @Option(names = "--as-of", description = "The day the report is made on (default: today): overdue tasks are"
      + " counted up to it.")
  LocalDate asOf;

  @Option(names = "--no-pdf", description = "Write the HTML only.")
  boolean noPdf;

  @Override
  public Integer call() {
    JobConfig j = JobConfigLoader.load(job);
    Path dir = out != null ? out : job.toAbsolutePath().getParent().resolve("reports");
    var w = ReportRunner.period(j, Period.parse(period), asOf == null ? LocalDate.now() : asOf, dir, !noPdf);
    var t = w.data().total();
    System.out.printf("%s %s: %d cases opened, %d confirmed illegal (%.2f 亩), %d closed%n", j.name(),
        w.data().period().label(), t.opened(), t.confirmed(), t.confirmedMu(), t.closed());
    w.files().forEach(f -> System.out.println("  " + f));
    return 0;
  }
}
