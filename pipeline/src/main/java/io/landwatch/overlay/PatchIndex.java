package io.landwatch.overlay;

import io.landwatch.geo.Reprojector;
import io.landwatch.model.Patch;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * The small side of the overlay: the patches, prepared for fast predicates, with an envelope
 * index in any layer's own CRS (so a streamed parcel is tested before it is converted).
 */
public final class PatchIndex {
  private final List<Patch> patches;
  private final List<PreparedGeometry> prepared;

  public PatchIndex(List<Patch> patches) {
    this.patches = List.copyOf(patches);
    this.prepared = new ArrayList<>(patches.size());
    for (Patch p : patches) {
      prepared.add(PreparedGeometryFactory.prepare(p.geometry()));
    }
  }

  public int size() {
    return patches.size();
  }

  public Patch patch(int i) {
    return patches.get(i);
  }

  public PreparedGeometry prepared(int i) {
    return prepared.get(i);
  }

  /**
   * The patch envelopes in another CRS, indexed. Envelopes come from the repaired patch
   * reprojected into that CRS, widened by {@code margin} (in that CRS's units) because a straight
   * edge in one CRS is slightly curved in another.
   */
  public PatchEnvelopes envelopesIn(Reprojector workingToLayer, double margin) {
    return new PatchEnvelopes(envelopeList(workingToLayer, margin));
  }

  /** Patch i's envelope in another CRS, widened by {@code margin}, at index i. */
  public List<Envelope> envelopeList(Reprojector workingToLayer, double margin) {
    List<Envelope> envelopes = new ArrayList<>(patches.size());
    for (Patch p : patches) {
      Envelope e = new Envelope(workingToLayer.apply(p.geometry()).getEnvelopeInternal());
      e.expandBy(margin);
      envelopes.add(e);
    }
    return envelopes;
  }
}
