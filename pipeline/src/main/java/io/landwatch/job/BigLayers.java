package io.landwatch.job;

import io.landwatch.config.LayerSpec;
import io.landwatch.judge.PatchInputs;
import io.landwatch.overlay.BigLayerReader;
import io.landwatch.overlay.ParcelHits;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The parcels of farmland, basic farmland and the red line that touch each patch. */
record BigLayers(ParcelHits farmland, ParcelHits basicFarmland, ParcelHits ecologicalRedline) {

  /** Streams the three layers past the patch index, each by its own thread with its own reader. */
  static BigLayers stream(OverlayRequest request, BigLayerReader reader) {
    var job = request.job();
    var index = request.index();
    int readers = reader.concurrent() ? Math.max(1, Math.min(job.threads(), 3)) : 1;
    ExecutorService scans = Executors.newFixedThreadPool(readers);
    BigLayers big;
    // opened here, read there: a layer's source and CRS are set up on this thread, whose GDAL CRS
    // database is open (a new thread opens its own), each read starting as soon as its layer is
    // open; a layer whose read never starts is released
    List<BigLayerReader.Opened> opened = new ArrayList<>();
    try {
      List<Future<ParcelHits>> reads = new ArrayList<>();
      for (LayerSpec spec : java.util.Arrays.asList(job.farmland(), job.basicFarmland(), job.ecologicalRedline())) {
        BigLayerReader.Opened layer = reader.open(spec, request.index(), request.working(), request.quarantine(),
            request.repairs());
        opened.add(layer);
        reads.add(scans.submit(layer::read));
      }
      big = new BigLayers(await(reads.get(0)), await(reads.get(1)), await(reads.get(2)));
    } finally {
      opened.forEach(BigLayerReader.Opened::close);
      scans.shutdownNow();
    }
    count(request, job.farmland(), big.farmland);
    count(request, job.basicFarmland(), big.basicFarmland);
    count(request, job.ecologicalRedline(), big.ecologicalRedline);
    return big;
  }

  private static void count(OverlayRequest request, LayerSpec spec, ParcelHits hits) {
    if (spec != null) {
      request.layerCounted(spec, hits.records(), hits.candidates(), hits.hits());
    }
  }

  /** Patch i's inputs: the small layers' candidates and the parcels the stream found for it. */
  PatchInputs inputs(OverlayRequest request, int i) {
    PatchInputs small = request.smallInputs(i);
    return new PatchInputs(small.patch(), small.approvals(), farmland.of(i), basicFarmland.of(i),
        ecologicalRedline.of(i), small.villages());
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
