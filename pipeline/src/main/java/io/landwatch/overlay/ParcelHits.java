package io.landwatch.overlay;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The parcels of one streamed layer that touch each patch: index i holds the parcels whose
 * geometry intersects patch i. Memory is bounded by the parcels that touch a patch.
 */
public final class ParcelHits {
  private final List<List<Geometry>> perPatch;
  private long records;
  private long candidates;
  private long hits;

  public ParcelHits(int patches) {
    perPatch = new ArrayList<>(patches);
    for (int i = 0; i < patches; i++) {
      perPatch.add(new ArrayList<>());
    }
  }

  /** An empty result for a layer the job does not have. */
  public static ParcelHits none(int patches) {
    return new ParcelHits(patches);
  }

  public synchronized void add(int patch, Geometry parcel) {
    perPatch.get(patch).add(parcel);
    hits++;
  }

  public synchronized void counted(long recordsSeen, long envelopeCandidates) {
    records += recordsSeen;
    candidates += envelopeCandidates;
  }

  public List<Geometry> of(int patch) {
    return perPatch.get(patch);
  }

  /** Records read from the layer (after its where: filter). */
  public long records() {
    return records;
  }

  /** Records whose envelope touched a patch envelope. */
  public long candidates() {
    return candidates;
  }

  /** (patch, parcel) pairs whose geometries intersect. */
  public long hits() {
    return hits;
  }
}
