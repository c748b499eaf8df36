package io.landwatch.cli;

import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.config.Rules;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the case store is: given directly, or the one of a job. */
final class StoreOption {
  @Option(names = "--store", description = "The case store (GeoPackage).")
  Path store;

  @Option(names = "--job", description = "A job file: its case store is used (default landwatch.gpkg beside it).")
  Path job;

  Path resolve() {
    if (store != null) {
      return store;
    }
    if (job != null) {
      JobConfig j = JobConfigLoader.load(job);
      if (j.store() == null) {
        throw LandwatchException.invalidJob("Job file " + job + " keeps no case store (store: none).");
      }
      return j.store();
    }
    Path here = Path.of("landwatch.gpkg");
    if (here.toFile().exists()) {
      return here;
    }
    throw LandwatchException.invalidInput("No case store given: use --store FILE.gpkg or --job JOB.yaml"
        + " (a run keeps its store in landwatch.gpkg beside the job file).");
  }

  /** The job's rules when a job is given, else the defaults. */
  Rules rules() {
    return job == null ? Rules.defaults() : JobConfigLoader.load(job).rules();
  }

  Path existing() {
    Path p = resolve();
    if (!p.toFile().isFile()) {
      throw LandwatchException.invalidInput("The case store " + p + " does not exist yet: it is made by"
          + " the first `landwatch run` of the job.");
    }
    return p;
  }

  /** A job whose case store an import writes: its config, or an error when it keeps none. */
  static JobConfig jobWithStore(Path job, String what) {
    JobConfig j = JobConfigLoader.load(job);
    if (j.store() == null) {
      throw LandwatchException.invalidJob("Job file " + job + " keeps no case store (store: none); " + what
          + " need one.");
    }
    return j;
  }
}
