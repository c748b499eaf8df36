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
    return (spec, patches, working, q, r) ->
        new ParcelScanner(patches, working, q, r, progressSeconds, cacheDir).scan(spec, patches.size());
  }

  /** Whether layers may be read concurrently (each call then runs on its own thread). */
  default boolean concurrent() {
    return true;
  }
}
