package io.landwatch.cli;

import io.landwatch.samples.SampleCounty;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code landwatch samples DIR}: write the synthetic sample county. */
@Command(name = "samples", mixinStandardHelpOptions = true,
    description = "Write a synthetic county (patches, approvals, farmland, basic farmland, red line,"
        + " villages) and a job.yaml for it. Deterministic for a seed.")
final class SamplesCommand implements Callable<Integer> {
  @Parameters(paramLabel = "DIR")
  Path dir;

  @Option(names = "--seed", defaultValue = "20230420", description = "Random seed (default ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--scale", defaultValue = "1", description = "Multiplies the farmland parcel count (default ${DEFAULT-VALUE}).")
  int scale;

  @Override
  public Integer call() {
    SampleCounty.Written w = SampleCounty.write(dir, seed, scale);
    System.out.println("Wrote the sample county to " + dir.toAbsolutePath() + "; its job file is " + w.jobFile());
    return 0;
  }
}
