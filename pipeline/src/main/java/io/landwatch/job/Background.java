package io.landwatch.job;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writers that can run beside the others (a workbook through POI takes as long as every other
 * output together): started here, awaited by {@link #close()}, their failure rethrown as it was.
 */
final class Background implements AutoCloseable {
  private final ExecutorService pool = Executors.newSingleThreadExecutor(r -> {
    Thread t = new Thread(r, "landwatch-writer");
    t.setDaemon(true);
    return t;
  });
  private final List<Future<?>> started = new ArrayList<>();

  /** Starts a writer; its time is logged (what the run's tail waits for). */
  void run(String what, Runnable writer) {
    started.add(pool.submit(() -> {
      long t0 = System.nanoTime();
      writer.run();
      RunState.LOG.info(String.format(java.util.Locale.ROOT, "%s written in %.2f s", what, (System.nanoTime() - t0) / 1e9));
    }));
  }

  /** Waits for every writer; the first failure is thrown. */
  @Override
  public void close() {
    try {
      for (Future<?> f : started) {
        BigLayers.await(f);
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
