package io.landwatch.job;

import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.overlay.BigLayerReader;
import io.landwatch.overlay.ParcelHits;
import io.landwatch.overlay.PatchIndex;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The parcels of farmland, basic farmland and the red line that touch each patch. */
record BigLayers(ParcelHits farmland, ParcelHits basicFarmland, ParcelHits ecologicalRedline) {

  /** Streams the three layers past the patch index, each by its own thread with its own reader. */
  static BigLayers stream(RunState run, BigLayerReader reader, PatchIndex index, Crs working) {
    var job = run.job;
    int readers = reader.concurrent() ? Math.max(1, Math.min(job.threads(), 3)) : 1;
    ExecutorService scans = Executors.newFixedThreadPool(readers);
    BigLayers big;
    try {
      Future<ParcelHits> f = scans.submit(() -> reader.read(job.farmland(), index, working, run.quarantine, run.repairs));
      Future<ParcelHits> b = scans.submit(() -> reader.read(job.basicFarmland(), index, working, run.quarantine, run.repairs));
      Future<ParcelHits> e = scans.submit(() -> reader.read(job.ecologicalRedline(), index, working, run.quarantine, run.repairs));
      big = new BigLayers(await(f), await(b), await(e));
    } finally {
      scans.shutdownNow();
    }
    count(run, job.farmland(), big.farmland);
    count(run, job.basicFarmland(), big.basicFarmland);
    count(run, job.ecologicalRedline(), big.ecologicalRedline);
    return big;
  }

  private static void count(RunState run, LayerSpec spec, ParcelHits hits) {
    if (spec != null) {
      RunState.LOG.info(String.format("%s: %,d records, %,d envelope candidates, %,d patch-parcel intersections",
          spec.name(), hits.records(), hits.candidates(), hits.hits()));
      run.counts.add(run.count(spec, hits.records(), hits.records() - run.quarantine.count(spec.name())));
    }
  }

  /** The value of a finished task; its RuntimeException rethrown as is. */
  static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }
}
