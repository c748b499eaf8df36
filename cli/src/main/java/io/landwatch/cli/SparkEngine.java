package io.landwatch.cli;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.job.RunResult;
import java.lang.reflect.InvocationTargetException;
import java.time.LocalDate;

/**
 * Calls the Spark engine (module spark) when it is on the classpath: the CLI itself does not
 * depend on Spark, so the default engine never needs it.
 */
final class SparkEngine {
  private SparkEngine() {}

  static RunResult run(JobConfig job, LocalDate day, String master) {
    try {
      Class<?> c = Class.forName("io.landwatch.spark.SparkMain");
      return (RunResult) c.getMethod("run", JobConfig.class, LocalDate.class, String.class, boolean.class)
          .invoke(null, job, day, master, false);
    } catch (ClassNotFoundException | NoClassDefFoundError e) {
      throw new LandwatchException(ExitCode.ENVIRONMENT, "The Spark engine is not on the classpath. Build it"
          + " (mvn -DskipTests package builds spark/target/landwatch-spark.jar) and run through ./landwatch,"
          + " which adds Spark and Sedona for --engine spark, or use spark-submit --class"
          + " io.landwatch.spark.SparkMain spark/target/landwatch-spark.jar run JOB.yaml.");
    } catch (InvocationTargetException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }
}
