package io.landwatch.job;

import io.landwatch.judge.PatchJudge;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.Patch;
import io.landwatch.util.ProgressLog;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** Judges every patch on its own, on all the job's threads. */
final class ParallelJudge {
  private ParallelJudge() {}

  static List<PatchResult> judge(OverlayRequest request, BigLayers big) {
    var index = request.index();
    PatchJudge judge = new PatchJudge(request.job().rules(), request.toLonLat());
    ProgressLog progress = new ProgressLog("judge", index.size(), request.job().progressSeconds());
    PatchResult[] out = new PatchResult[index.size()];
    ForkJoinPool pool = new ForkJoinPool(request.threads());
    try {
      BigLayers.await(pool.submit(() -> IntStream.range(0, index.size()).parallel().forEach(i -> {
        Patch p = index.patch(i);
        try {
          out[i] = judge.judge(big.inputs(request, i));
        } catch (PatchJudge.JudgeFailure e) {
          request.overlayFailed(p, e.getMessage());
        }
        progress.step();
      })));
    } finally {
      pool.shutdown();
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
}
