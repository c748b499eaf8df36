package io.landwatch.job;

import io.landwatch.judge.PatchResult;
import io.landwatch.overlay.BigLayerReader;
import java.util.List;

/**
 * How the patches meet the big layers and are judged: streamed and judged on this machine, or
 * joined and judged on a cluster's executors. Either way each patch is judged by the core's
 * {@link io.landwatch.judge.PatchJudge} on the same inputs.
 */
@FunctionalInterface
public interface OverlayEngine {
  /**
   * Judges every patch of the request. A patch whose overlay fails is quarantined through
   * {@link OverlayRequest#overlayFailed}; each big layer's counts are reported through
   * {@link OverlayRequest#layerCounted}.
   *
   * @return the results, in any order
   */
  List<PatchResult> judge(OverlayRequest request);

  /** Big layers read by {@code reader} (streamed, or joined by Spark), then every patch judged here on the job's threads. */
  static OverlayEngine local(BigLayerReader reader) {
    return request -> {
      BigLayers big = BigLayers.stream(request, reader);
      request.stage("stream big layers");
      List<PatchResult> results = ParallelJudge.judge(request, big);
      request.stage("judge");
      return results;
    };
  }
}
