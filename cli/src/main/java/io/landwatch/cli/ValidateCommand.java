package io.landwatch.cli;

import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.JobValidator;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code landwatch validate JOB.yaml}: check a job without running it. */
@Command(name = "validate", mixinStandardHelpOptions = true,
    description = "Check a job without running it: files open, fields exist, CRSs resolve, dates"
        + " parse; counts per layer and geometry problems by category. Exits non-zero when the job"
        + " cannot run.")
final class ValidateCommand implements Callable<Integer> {
  @Parameters(paramLabel = "JOB.yaml")
  Path jobFile;

  @Override
  public Integer call() {
    JobConfig job = JobConfigLoader.load(jobFile);
    JobValidator.Report report = JobValidator.validate(job);
    PrintStream out = System.out;
    out.println("Job " + job.name() + " (" + job.jobFile() + ")");
    for (JobValidator.LayerCheck c : report.layers()) {
      out.println();
      out.println("inputs." + c.layer() + ": " + c.path());
      if (c.problem() != null) {
        out.println("  PROBLEM: " + c.problem());
        continue;
      }
      out.println("  format " + c.driver() + ", CRS " + c.crs() + ", encoding " + c.encoding());
      out.println("  records: " + c.records());
      c.repairs().forEach((k, v) -> out.println("  repair " + k + ": " + v));
      c.quarantine().forEach((k, v) -> out.println("  quarantine " + k + ": " + v));
      c.warnings().forEach(w -> out.println("  WARNING: " + w));
    }
    out.println();
    if (report.ok()) {
      out.println("OK: the job can run.");
      return 0;
    }
    long n = report.layers().stream().filter(l -> l.problem() != null).count();
    System.err.println("landwatch: the job cannot run: " + n + " layer(s) have a problem (listed above).");
    return report.exitCode().code();
  }
}
