package io.landwatch.job;

import io.landwatch.judge.PatchInputs;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import io.landwatch.model.Village;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/** What a shape is judged against: approvals and villages by envelope, parcels the stream found for it. */
final class Candidates {
  private final STRtree approvals = new STRtree();
  private final STRtree villages = new STRtree();
  private final BigLayers big;

  Candidates(SmallLayers small, BigLayers big) {
    small.approvals().forEach(a -> approvals.insert(a.geometry().getEnvelopeInternal(), a));
    small.villages().forEach(v -> villages.insert(v.geometry().getEnvelopeInternal(), v));
    approvals.build();
    villages.build();
    this.big = big;
  }

  /** The inputs of the patch at index i of the index the big layers were streamed past. */
  @SuppressWarnings("unchecked")
  PatchInputs of(int i, Patch p) {
    Envelope env = p.geometry().getEnvelopeInternal();
    List<Approval> a = approvals.query(env);
    List<Village> v = villages.query(env);
    // the order approvals are unioned in must not depend on the tree
    a.sort(Comparator.comparing(Approval::id).thenComparing(Approval::layer).thenComparingLong(Approval::record));
    return new PatchInputs(p, a, big.farmland().of(i), big.basicFarmland().of(i), big.ecologicalRedline().of(i), v);
  }
}
