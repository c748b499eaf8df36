package io.landwatch.job;

import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchJudge;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.Patch;
import io.landwatch.overlay.PatchIndex;
import io.landwatch.util.ProgressLog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/** Judges every patch on its own, on all the job's threads; results sorted by patch id. */
final class ParallelJudge {
  private ParallelJudge() {}

  static List<PatchResult> judge(RunState run, PatchIndex index, SmallLayers small, BigLayers big,
      Reprojector toLonLat) {
    Candidates candidates = new Candidates(small, big);
    PatchJudge judge = new PatchJudge(run.job.rules(), toLonLat);
    ProgressLog progress = new ProgressLog("judge", index.size(), run.job.progressSeconds());
    PatchResult[] out = new PatchResult[index.size()];
    ForkJoinPool pool = new ForkJoinPool(run.job.threads());
    try {
      BigLayers.await(pool.submit(() -> IntStream.range(0, index.size()).parallel().forEach(i -> {
        Patch p = index.patch(i);
        try {
          out[i] = judge.judge(candidates.of(i, p));
        } catch (PatchJudge.JudgeFailure e) {
          run.quarantine.add(run.job.patches().name(), p.record(), p.id(), "overlay_failed", e.getMessage());
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
    results.sort(Comparator.comparing(r -> r.patch().id()));
    return results;
  }
}
