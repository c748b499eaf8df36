package io.landwatch.spark;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.JobRunner;
import io.landwatch.job.RunResult;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.sedona.spark.SedonaContext;
import org.apache.spark.sql.SparkSession;

/**
 * The distributed engine: the same job on Apache Spark + Sedona. Big layers are read by Sedona,
 * paired with the patches by a partitioned spatial join and every patch is judged on the
 * executors by the core's code ({@link ExecutorJudge}); the driver reads the small layers, and
 * writes the outputs and the case store from the patch results.
 *
 * <pre>
 * spark-submit --class io.landwatch.spark.SparkMain landwatch-spark.jar run JOB.yaml [--out DIR]
 * ./landwatch run JOB.yaml --engine spark [--master local[2]]
 * </pre>
 */
public final class SparkMain {
  private SparkMain() {}

  /** Copies the local output folder's contents to a Hadoop file system URI. */
  static void copyOut(SparkSession spark, Path local, String uri) {
    try {
      org.apache.hadoop.fs.Path target = new org.apache.hadoop.fs.Path(uri);
      org.apache.hadoop.fs.FileSystem fs = target.getFileSystem(spark.sparkContext().hadoopConfiguration());
      fs.mkdirs(target);
      try (var files = java.nio.file.Files.list(local)) {
        for (Path f : files.toList()) {
          fs.copyFromLocalFile(false, true, new org.apache.hadoop.fs.Path(f.toUri()), target);
        }
      }
    } catch (java.io.IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot copy the outputs to " + uri + ": " + e.getMessage());
    }
  }

  public static void main(String[] args) {
    try {
      if (args.length < 2 || !args[0].equals("run")) {
        throw new LandwatchException(ExitCode.USAGE, "usage: run JOB.yaml [--master URL] [--out DIR]"
            + " [--as-of DATE] [--no-store] [--allow-broadcast]");
      }
      JobConfig job = JobConfigLoader.load(Path.of(args[1]));
      String master = null;
      LocalDate asOf = LocalDate.now();
      boolean broadcast = false;
      String remoteOut = null;
      for (int i = 2; i < args.length; i++) {
        switch (args[i]) {
          case "--master" -> master = args[++i];
          case "--out" -> {
            String out = args[++i];
            if (isUri(out)) {
              remoteOut = out;
              job = job.withOutputDir(java.nio.file.Files.createTempDirectory("landwatch-out-"));
            } else {
              job = job.withOutputDir(Path.of(out).toAbsolutePath().normalize());
            }
          }
          case "--as-of" -> asOf = LocalDate.parse(args[++i]);
          case "--no-store" -> job = job.withStore(null);
          case "--allow-broadcast" -> broadcast = true;
          default -> throw new LandwatchException(ExitCode.USAGE, "unknown option " + args[i]);
        }
      }
      DriverTraffic traffic = new DriverTraffic();
      try (DriverHeap heap = DriverHeap.watch()) {
        traffic.onCollected(heap::sample);
        RunResult r = run(job, asOf, master, broadcast, remoteOut, traffic);
        System.out.printf("Judged %d patches with the Spark engine; outputs in %s%n", r.results().size(),
            remoteOut != null ? remoteOut : job.outputDir());
        System.out.printf(java.util.Locale.ROOT, "driver: peak live heap %d bytes; received %d bytes of task results,"
            + " %d rows%n", heap.peakBytes(), traffic.bytes(), traffic.rows());
      }
    } catch (LandwatchException e) {
      System.err.println("landwatch: " + e.getMessage());
      System.exit(e.exitCode().code());
    } catch (java.io.IOException e) {
      System.err.println("landwatch: cannot create a temporary output folder: " + e.getMessage());
      System.exit(ExitCode.OUTPUT.code());
    }
  }

  static boolean isUri(String s) {
    return s.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*");
  }

  /**
   * Runs a job on Spark.
   *
   * @param master Spark master URL, or null to take it from spark-submit (local[*] when none)
   * @param allowBroadcast let Sedona broadcast the small side of joins; off, the join is
   *     partitioned (what a province-sized layer needs)
   */
  public static RunResult run(JobConfig job, LocalDate asOf, String master, boolean allowBroadcast) {
    return run(job, asOf, master, allowBroadcast, null);
  }

  /**
   * As {@link #run(JobConfig, LocalDate, String, boolean)}, then copies the output folder to
   * {@code remoteOut} (any Hadoop file system URI: hdfs://, s3a://, file://) when not null.
   */
  public static RunResult run(JobConfig job, LocalDate asOf, String master, boolean allowBroadcast, String remoteOut) {
    return run(job, asOf, master, allowBroadcast, remoteOut, new DriverTraffic());
  }

  /** As {@link #run(JobConfig, LocalDate, String, boolean, String)}, counting what reaches the driver into {@code traffic}. */
  public static RunResult run(JobConfig job, LocalDate asOf, String master, boolean allowBroadcast, String remoteOut,
      DriverTraffic traffic) {
    SparkSession.Builder b = SparkSession.builder().appName("landwatch " + job.name())
        .config("spark.ui.enabled", "false")
        .config("sedona.join.gridtype", "kdbtree");
    if (!allowBroadcast) {
      b.config("sedona.join.autoBroadcastJoinThreshold", "-1").config("spark.sql.autoBroadcastJoinThreshold", "-1");
    }
    if (master != null) {
      b.master(master);
    } else if (System.getProperty("spark.master") == null) {
      b.master("local[*]");
    }
    SparkSession spark = SedonaContext.create(b.getOrCreate());
    Path copies = null;
    try {
      JobConfig local = job;
      if (job.layers().stream().anyMatch(l -> l.remote() && !isBig(job, l))) {
        copies = java.nio.file.Files.createTempDirectory("landwatch-inputs-");
        local = RemoteInputs.localize(spark, job, copies);
      }
      RunResult r = JobRunner.run(local, asOf, new ExecutorJudge(spark, traffic));
      GeoParquetOutput.write(spark, r.results(), job.outputDir().resolve("patches.parquet"), r.working());
      if (remoteOut != null) {
        copyOut(spark, job.outputDir(), remoteOut);
      }
      return r;
    } catch (java.io.IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot create a local folder for the remote inputs: " + e.getMessage());
    } finally {
      spark.stop();
      if (copies != null) {
        io.landwatch.util.Folders.deleteQuietly(copies);
      }
    }
  }

  private static boolean isBig(JobConfig job, io.landwatch.config.LayerSpec l) {
    return l == job.farmland() || l == job.basicFarmland() || l == job.ecologicalRedline();
  }
}
