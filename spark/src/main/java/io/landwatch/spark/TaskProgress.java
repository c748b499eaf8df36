package io.landwatch.spark;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerStageSubmitted;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * Logs the progress of the executors' work at a steady interval, as the single-machine stages
 * do: tasks finished of the tasks submitted so far, percent and rate.
 */
final class TaskProgress extends SparkListener implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("landwatch");
  private final SparkSession spark;
  private final String what;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private final AtomicLong submitted = new AtomicLong();
  private final AtomicLong done = new AtomicLong();
  private volatile long nextDue;

  private TaskProgress(SparkSession spark, String what, int intervalSeconds) {
    this.spark = spark;
    this.what = what;
    this.intervalNanos = intervalSeconds * 1_000_000_000L;
    this.nextDue = start + intervalNanos;
  }

  /** Starts logging every {@code intervalSeconds} until closed. */
  static TaskProgress start(SparkSession spark, String what, int intervalSeconds) {
    TaskProgress p = new TaskProgress(spark, what, intervalSeconds);
    spark.sparkContext().addSparkListener(p);
    return p;
  }

  @Override
  public void onStageSubmitted(SparkListenerStageSubmitted stage) {
    submitted.addAndGet(stage.stageInfo().numTasks());
  }

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    long n = done.incrementAndGet();
    long now = System.nanoTime();
    if (now >= nextDue) {
      nextDue = now + intervalNanos;
      long of = Math.max(n, submitted.get());
      LOG.info(String.format(Locale.ROOT, "%s: %,d of %,d tasks submitted so far done (%.0f%%), %.1f tasks/s, %.0f s",
          what, n, of, 100.0 * n / of, n / ((now - start) / 1e9), (now - start) / 1e9));
    }
  }

  @Override
  public void close() {
    spark.sparkContext().removeSparkListener(this);
  }
}
