package io.landwatch.cli;

import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.JobRunner;
import io.landwatch.job.RunResult;
import io.landwatch.model.LayerCount;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * {@code landwatch run JOB.yaml}: judge every patch and write the outputs. Built with picocli's
 * programmatic API, not annotations: see {@link Main}.
 */
final class RunCommand implements Callable<Integer> {
  private final CommandSpec spec = CommandSpec.wrapWithoutInspection(this);

  private RunCommand() {
    spec.name("run").usageMessage().description("Judge every change patch of a job and write patches.geojson,"
        + " suspected.geojson, patches.csv, quarantine.csv, summary.json and manifest.json.");
    Main.standardHelpOptions(spec);
    spec.addPositional(PositionalParamSpec.builder().paramLabel("JOB.yaml").type(Path.class).arity("1")
        .required(true).build());
    spec.addOption(option("--out", Path.class, "<out>", "Output folder (overrides output.dir of the job file)."));
    spec.addOption(option("--threads", Integer.class, "<threads>",
        "Worker threads for the judgment (default: all cores)."));
    spec.addOption(option("--as-of", LocalDate.class, "<asOf>",
        "Run date for task due dates (default: today), e.g. 2023-07-01."));
    spec.addOption(OptionSpec.builder("--no-store").type(boolean.class).initialValue(false)
        .description("Keep no case store and write no tasks.").build());
    spec.addOption(OptionSpec.builder("--engine").type(String.class).paramLabel("<engine>").defaultValue("local")
        .description("local (default) or spark (Apache Spark + Sedona).").build());
    spec.addOption(option("--master", String.class, "<master>",
        "Spark master URL for --engine spark (default local[*])."));
  }

  /** The command, for {@link CommandLine#addSubcommand}. */
  static CommandSpec spec() {
    return new RunCommand().spec;
  }

  private static OptionSpec option(String name, Class<?> type, String label, String description) {
    return OptionSpec.builder(name).type(type).paramLabel(label).description(description).build();
  }

  private <T> T value(String option) {
    return spec.findOption(option).getValue();
  }

  @Override
  public Integer call() {
    Path jobFile = spec.positionalParameters().get(0).getValue();
    Path out = value("--out");
    Integer threads = value("--threads");
    LocalDate asOf = value("--as-of");
    boolean noStore = value("--no-store");
    String engine = value("--engine");
    String master = value("--master");
    JobConfig job = JobConfigLoader.load(jobFile);
    if (out != null) {
      job = job.withOutputDir(out.toAbsolutePath().normalize());
    }
    if (threads != null) {
      if (threads < 1) {
        throw new CommandLine.ParameterException(spec.commandLine(),
            "--threads must be at least 1, got " + threads);
      }
      job = job.withThreads(threads);
    }
    if (noStore) {
      job = job.withStore(null);
    }
    LocalDate day = asOf == null ? LocalDate.now() : asOf;
    RunResult r = switch (engine) {
      case "local" -> JobRunner.run(job, day);
      case "spark" -> SparkEngine.run(job, day, master);
      default -> throw new io.landwatch.LandwatchException(io.landwatch.ExitCode.USAGE,
          "--engine must be local or spark, got '" + engine + "'");
    };
    System.out.printf("%-22s %10s %10s %12s%n", "layer", "records", "used", "quarantined");
    for (LayerCount c : r.counts()) {
      System.out.printf("%-22s %10d %10d %12d%n", c.layer(), c.recordsIn(), c.used(), c.quarantined());
    }
    long suspected = r.results().stream().filter(x -> x.suspected()).count();
    System.out.printf("%nJudged %d patches: %d approved, %d suspected illegal, %d referral candidates.%n",
        r.results().size(), r.results().size() - suspected, suspected,
        r.results().stream().filter(x -> x.referral()).count());
    if (!r.repairs().table().isEmpty()) {
      System.out.println("Geometry repairs: " + r.repairs().table());
    }
    if (!r.quarantine().table().isEmpty()) {
      System.out.println("Quarantined: " + r.quarantine().table());
    }
    if (r.cases() != null) {
      System.out.printf("Case store %s: %d new cases, %d updated, %d reopened; %d patrol tasks.%n",
          job.store(), r.cases().newCases(), r.cases().updatedCases(), r.cases().reopenedCases(),
          r.plan().tasks().size());
      var n = r.cases().nightly();
      if (n.followUps() + n.laterApprovals() + n.escalated() + n.routed() + n.parts() > 0) {
        System.out.printf("Nightly checks: %d follow-up tasks, %d later-approval suggestions, %d escalated,"
            + " %d routed, %d split pieces joined.%n", n.followUps(), n.laterApprovals(), n.escalated(), n.routed(),
            n.parts());
      }
      System.out.println(n.deadlineLine());
    }
    for (String w : r.warnings()) {
      System.out.println("WARNING: " + w);
    }
    System.out.println("Outputs in " + job.outputDir() + ":");
    Path outDir = job.outputDir();
    r.outputs().forEach(p -> System.out.println("  " + outDir.relativize(p)));
    return 0;
  }
}
