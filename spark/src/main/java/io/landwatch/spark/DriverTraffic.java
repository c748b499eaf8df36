package io.landwatch.spark;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;
import org.apache.spark.sql.SparkSession;

/**
 * What the executors' tasks returned to the driver while the patches were judged, as Spark
 * counts it (each finished task's result size), with the rows the engine collected. It is what
 * shows that no parcel geometry reaches the driver: it grows with the patches, not the parcels.
 */
public final class DriverTraffic {
  private final AtomicLong bytes = new AtomicLong();
  private final AtomicLong tasks = new AtomicLong();
  private volatile long rows;
  private SparkListener listener;
  private Runnable onCollected = () -> { };

  /** Starts counting on this session's tasks. */
  void start(SparkSession spark) {
    bytes.set(0);
    tasks.set(0);
    listener = new SparkListener() {
      @Override
      public void onTaskEnd(SparkListenerTaskEnd end) {
        if (end.taskMetrics() != null) {
          bytes.addAndGet(end.taskMetrics().resultSize());
          tasks.incrementAndGet();
        }
      }
    };
    spark.sparkContext().addSparkListener(listener);
  }

  /** Runs {@code action} when the engine holds every result the executors returned (e.g. to sample the heap). */
  void onCollected(Runnable action) {
    this.onCollected = action;
  }

  /** Stops counting once the listener bus has delivered every finished task's event. */
  void stop(SparkSession spark, long collectedRows) {
    this.rows = collectedRows;
    onCollected.run();
    try {
      spark.sparkContext().listenerBus().waitUntilEmpty(60_000);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("Spark's listener bus did not drain in 60 s", e);
    }
    spark.sparkContext().removeSparkListener(listener);
  }

  /** Bytes of task results received by the driver. */
  public long bytes() {
    return bytes.get();
  }

  /** Rows the engine collected: one per patch, plus the notes (quarantined records, repair and layer counts). */
  public long rows() {
    return rows;
  }

  public long tasks() {
    return tasks.get();
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%,d rows (patch results and notes without geometry), %,.1f KiB of task results from %,d tasks",
        rows, bytes.get() / 1024.0, tasks.get());
  }
}
