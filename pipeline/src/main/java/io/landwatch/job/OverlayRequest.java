package io.landwatch.job;

import io.landwatch.config.JobConfig;
import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchInputs;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import io.landwatch.model.Village;
import io.landwatch.overlay.PatchIndex;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.RepairReport;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * What an {@link OverlayEngine} is given: the job, the patch index, each patch's candidates from
 * the small layers (approvals and villages by envelope), the working CRS, and where the run
 * collects quarantined records, repairs, layer counts and stage times.
 */
public final class OverlayRequest {
  private final RunState run;
  private final PatchIndex index;
  private final Crs working;
  private final Reprojector toLonLat;
  private final STRtree approvals = new STRtree();
  private final STRtree villages = new STRtree();

  OverlayRequest(RunState run, PatchIndex index, SmallLayers small, Crs working, Reprojector toLonLat) {
    this.run = run;
    this.index = index;
    this.working = working;
    this.toLonLat = toLonLat;
    small.approvals().forEach(a -> approvals.insert(a.geometry().getEnvelopeInternal(), a));
    small.villages().forEach(v -> villages.insert(v.geometry().getEnvelopeInternal(), v));
    approvals.build();
    villages.build();
  }

  public JobConfig job() {
    return run.job;
  }

  public PatchIndex index() {
    return index;
  }

  public Crs working() {
    return working;
  }

  /** Working CRS → CGCS2000 lon/lat, for ellipsoidal areas. */
  public Reprojector toLonLat() {
    return toLonLat;
  }

  public Quarantine quarantine() {
    return run.quarantine;
  }

  public RepairReport repairs() {
    return run.repairs;
  }

  /**
   * Patch i's inputs from the small layers, with the big layers' lists empty: the approvals
   * (sorted, so that the order they are unioned in does not depend on the tree) and villages
   * whose envelopes touch it.
   */
  @SuppressWarnings("unchecked")
  public PatchInputs smallInputs(int i) {
    Patch p = index.patch(i);
    Envelope env = p.geometry().getEnvelopeInternal();
    List<Approval> a = approvals.query(env);
    List<Village> v = villages.query(env);
    a.sort(Comparator.comparing(Approval::id).thenComparing(Approval::layer).thenComparingLong(Approval::record));
    return new PatchInputs(p, a, List.of(), List.of(), List.of(), v);
  }

  /** Quarantines a patch whose overlay failed even with robust overlay. */
  public void overlayFailed(Patch p, String message) {
    run.quarantine.add(run.job.patches().name(), p.record(), p.id(), "overlay_failed", message);
  }

  /** Logs a big layer's counts and adds its record balance to the run's (records in = used + quarantined). */
  public void layerCounted(LayerSpec spec, long records, long candidates, long hits) {
    RunState.LOG.info(String.format("%s: %,d records, %,d envelope candidates, %,d patch-parcel intersections",
        spec.name(), records, candidates, hits));
    synchronized (run.counts) {
      run.counts.add(run.count(spec, records, records - run.quarantine.count(spec.name())));
    }
  }

  /** Closes a stage of the run (logged with its wall time). */
  public void stage(String name) {
    run.stage(name);
  }

  /** The job's threads and progress interval. */
  public int threads() {
    return run.job.threads();
  }
}
