package io.landwatch.job;

import io.landwatch.judge.PatchJudge;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.Patch;
import io.landwatch.util.ProgressLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * Judges every patch on its own, on all the job's threads. The patches are handed out one at a
 * time, those touching the most parcels first: a county's largest patch can cost as much as a
 * hundred small ones, and started last it would leave the other threads idle while it is judged.
 */
final class ParallelJudge {
  private ParallelJudge() {}

  static List<PatchResult> judge(OverlayRequest request, BigLayers big) {
    var index = request.index();
    PatchJudge judge = new PatchJudge(request.job().rules(), request.toLonLat());
    ProgressLog progress = new ProgressLog("judge", index.size(), request.job().progressSeconds());
    PatchResult[] out = new PatchResult[index.size()];
    int[] order = IntStream.range(0, index.size()).boxed()
        .sorted(Comparator.comparingInt((Integer i) -> -parcels(big, i)).thenComparingInt(i -> i))
        .mapToInt(Integer::intValue).toArray();
    AtomicInteger next = new AtomicInteger();
    Runnable worker = () -> {
      for (int k = next.getAndIncrement(); k < order.length; k = next.getAndIncrement()) {
        int i = order[k];
        Patch p = index.patch(i);
        try {
          out[i] = judge.judge(big.inputs(request, i));
        } catch (PatchJudge.JudgeFailure e) {
          request.overlayFailed(p, e.getMessage());
        }
        progress.step();
      }
    };
    int threads = Math.max(1, Math.min(request.threads(), order.length));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> running = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        running.add(pool.submit(worker));
      }
      running.forEach(BigLayers::await);
    } finally {
      pool.shutdownNow();
    }
    progress.done();
    List<PatchResult> results = new ArrayList<>();
    for (PatchResult r : out) {
      if (r != null) {
        results.add(r);
      }
    }
    return results;
  }

  private static int parcels(BigLayers big, int i) {
    return big.farmland().of(i).size() + big.basicFarmland().of(i).size() + big.ecologicalRedline().of(i).size();
  }
}
