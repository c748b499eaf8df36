package io.landwatch.overlay;

import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.RepairReport;

/**
 * How an engine finds, for one big layer (farmland, basic farmland, red line), the records that
 * touch each patch. The single-machine engine streams the layer through GDAL
 * ({@link ParcelScanner}); the distributed engine runs a partitioned spatial join. Either way the
 * records it returns are prepared and tested by the same core code.
 */
@FunctionalInterface
public interface BigLayerReader {
  /**
   * @param spec the layer, or null when the job has none (no hits)
   * @param patches the patch index
   * @param working the overlay CRS
   */
  ParcelHits read(LayerSpec spec, PatchIndex patches, Crs working, Quarantine quarantine, RepairReport repairs);

  /** Streams through GDAL on this machine, logging progress every {@code progressSeconds}. */
  static BigLayerReader streaming(int progressSeconds) {
    return streaming(progressSeconds, null);
  }

  /** As {@link #streaming(int)}, keeping envelope caches in {@code cacheDir} (null: none). */
  static BigLayerReader streaming(int progressSeconds, java.nio.file.Path cacheDir) {
    return new BigLayerReader() {
      @Override
      public ParcelHits read(LayerSpec spec, PatchIndex patches, Crs working, Quarantine q, RepairReport r) {
        return new ParcelScanner(patches, working, q, r, progressSeconds, cacheDir).scan(spec, patches.size());
      }

      @Override
      public Opened open(LayerSpec spec, PatchIndex patches, Crs working, Quarantine q, RepairReport r) {
        return new ParcelScanner(patches, working, q, r, progressSeconds, cacheDir).open(spec, patches.size());
      }
    };
  }

  /**
   * Opens a layer on the calling thread for a read on another. The streaming reader opens the
   * source and identifies its CRS here, where GDAL's CRS database is already open (each new
   * thread opens its own: ~20 ms); the default does all of the read later.
   */
  default Opened open(LayerSpec spec, PatchIndex patches, Crs working, Quarantine quarantine, RepairReport repairs) {
    return Opened.of(() -> read(spec, patches, working, quarantine, repairs));
  }

  /** Whether layers may be read concurrently (each call then runs on its own thread). */
  default boolean concurrent() {
    return true;
  }

  /**
   * An opened layer: {@link #read} runs once, on any one thread, and releases the layer;
   * {@link #close} releases a layer whose read never started (and does nothing otherwise).
   */
  interface Opened extends AutoCloseable {
    ParcelHits read();

    @Override
    void close();

    /** A read that holds nothing until it runs. */
    static Opened of(java.util.function.Supplier<ParcelHits> read) {
      return of(read, () -> { });
    }

    /** {@code read}, then {@code release}; {@code release} alone when closed unread. */
    static Opened of(java.util.function.Supplier<ParcelHits> read, Runnable release) {
      java.util.concurrent.atomic.AtomicBoolean started = new java.util.concurrent.atomic.AtomicBoolean();
      return new Opened() {
        @Override
        public ParcelHits read() {
          if (!started.compareAndSet(false, true)) {
            throw new IllegalStateException("a layer is read once");
          }
          try {
            return read.get();
          } finally {
            release.run();
          }
        }

        @Override
        public void close() {
          if (started.compareAndSet(false, true)) {
            release.run();
          }
        }
      };
    }
  }
}
