package io.landwatch.store;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * Pairs the suspected patches of a run with the cases of the store, one to one, so that the
 * outcome depends on the data and never on the order of runs or of records:
 * <ol>
 *   <li>a patch takes the case it opened (case id = patch id);</li>
 *   <li>then the case it was last judged into (the case's latest patch id);</li>
 *   <li>then, among the cases still free, the one it overlaps most, by at least half of the
 *       smaller of the two; pairs are taken greedily by overlap share, ties by case status (not
 *       closed first), patch id and case id;</li>
 *   <li>any other patch opens a case.</li>
 * </ol>
 * A case is claimed by at most one patch per run: two patches of one run never fight over a case
 * (which made re-runs swap the case between them for ever).
 */
public final class CaseMatcher {
  /** A patch to place: id and geometry in the working CRS (metres). */
  public record PatchShape(String id, Geometry geometry) {}

  /** A case as the matcher sees it: geometry in the working CRS. */
  public record CaseShape(String caseId, String patchId, boolean closed, Geometry geometry) {}

  /** Overlap share at or above which a patch continues a case. */
  public static final double MIN_SHARE = 0.5;

  private CaseMatcher() {}

  /** patch id → the case id it continues; patches absent from the map open new cases. */
  public static Map<String, String> match(List<PatchShape> patches, List<CaseShape> cases) {
    Map<String, String> out = new HashMap<>();
    Set<String> claimed = new HashSet<>();
    Map<String, CaseShape> byCaseId = new HashMap<>();
    Map<String, CaseShape> byLatestPatch = new HashMap<>();
    for (CaseShape c : cases) {
      byCaseId.put(c.caseId(), c);
      byLatestPatch.merge(c.patchId(), c, (a, b) -> a.caseId().compareTo(b.caseId()) <= 0 ? a : b);
    }
    for (PatchShape p : patches) {
      CaseShape c = byCaseId.get(p.id());
      if (c != null) {
        out.put(p.id(), c.caseId());
        claimed.add(c.caseId());
      }
    }
    for (PatchShape p : patches) {
      CaseShape c = byLatestPatch.get(p.id());
      if (!out.containsKey(p.id()) && c != null && !claimed.contains(c.caseId())) {
        out.put(p.id(), c.caseId());
        claimed.add(c.caseId());
      }
    }
    STRtree index = new STRtree();
    for (CaseShape c : cases) {
      if (!claimed.contains(c.caseId()) && c.geometry() != null && !c.geometry().isEmpty()) {
        index.insert(c.geometry().getEnvelopeInternal(), c);
      }
    }
    List<Candidate> candidates = new ArrayList<>();
    for (PatchShape p : patches) {
      if (out.containsKey(p.id())) {
        continue;
      }
      for (Object o : index.query(p.geometry().getEnvelopeInternal())) {
        CaseShape c = (CaseShape) o;
        double share = share(p.geometry(), c.geometry());
        if (share >= MIN_SHARE) {
          candidates.add(new Candidate(p.id(), c, share));
        }
      }
    }
    candidates.sort(Comparator.comparingDouble((Candidate x) -> -x.share())
        .thenComparing(x -> x.target().closed())
        .thenComparing(Candidate::patchId)
        .thenComparing(x -> x.target().caseId()));
    for (Candidate x : candidates) {
      if (!out.containsKey(x.patchId()) && claimed.add(x.target().caseId())) {
        out.put(x.patchId(), x.target().caseId());
      }
    }
    return out;
  }

  /**
   * Overlap as a share of the smaller area, rounded to 1e-9 so that floating-point noise in
   * another working CRS cannot reorder two equal shares.
   */
  static double share(Geometry a, Geometry b) {
    if (!a.intersects(b)) {
      return 0;
    }
    double smaller = Math.min(a.getArea(), b.getArea());
    if (smaller <= 0) {
      return 0;
    }
    return Math.round(a.intersection(b).getArea() / smaller * 1e9) / 1e9;
  }

  private record Candidate(String patchId, CaseShape target, double share) {}
}
