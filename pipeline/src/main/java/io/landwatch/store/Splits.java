package io.landwatch.store;

import io.landwatch.geo.Units;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.Patch;
import io.landwatch.model.Priority;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Lineage for a later batch that splits a patch into several: the pieces a one-to-one matching
 * leaves over, each lying at least half inside an open case whose own patch is no longer
 * delivered, join that case as parts instead of opening cases of their own, so its evidence and
 * history are not repeated. A case's judgment is then the sum over its pieces (split pieces are
 * disjoint, so the sums are exact areas of their union).
 */
final class Splits {
  private Splits() {}

  /**
   * Case id → the leftover patches that are parts of it.
   *
   * @param leftover suspected patches the matching left without a case
   * @param cases the store's cases, geometry in the working CRS
   * @param delivered the ids of every patch of this run
   */
  static Map<String, List<PatchResult>> parts(List<PatchResult> leftover, List<CaseMatcher.CaseShape> cases,
      Set<String> delivered) {
    Map<String, List<PatchResult>> out = new TreeMap<>();
    for (PatchResult r : leftover) {
      Geometry p = r.patch().geometry();
      CaseMatcher.CaseShape best = null;
      double bestShare = 0;
      for (CaseMatcher.CaseShape c : cases) {
        if (c.closed() || c.geometry() == null || delivered.contains(c.caseId())
            || !c.geometry().getEnvelopeInternal().intersects(p.getEnvelopeInternal())) {
          continue;
        }
        double share = OverlayNGRobust.overlay(p, c.geometry(), org.locationtech.jts.operation.overlayng.OverlayNG.INTERSECTION)
            .getArea() / p.getArea();
        if (share >= CaseMatcher.MIN_SHARE && (share > bestShare || share == bestShare && c.caseId().compareTo(best.caseId()) < 0)) {
          best = c;
          bestShare = share;
        }
      }
      if (best != null) {
        out.computeIfAbsent(best.caseId(), k -> new ArrayList<>()).add(r);
      }
    }
    out.values().forEach(l -> l.sort(Comparator.comparing(x -> x.patch().id())));
    return out;
  }

  /** One judgment for a case made of several disjoint pieces: areas summed, the first piece's place. */
  static PatchResult combine(PatchResult primary, List<PatchResult> parts, io.landwatch.config.Rules rules) {
    if (parts.isEmpty()) {
      return primary;
    }
    List<PatchResult> all = new ArrayList<>();
    all.add(primary);
    all.addAll(parts);
    double area = 0;
    double approved = 0;
    double unapproved = 0;
    double farm = 0;
    double basic = 0;
    double other = 0;
    double eco = 0;
    double patchFarm = 0;
    Priority priority = null;
    TreeSet<String> approvals = new TreeSet<>();
    List<Geometry> shapes = new ArrayList<>();
    List<Geometry> u = new ArrayList<>();
    for (PatchResult r : all) {
      area += r.areaM2();
      approved += r.approvedM2();
      unapproved += r.unapprovedM2();
      farm += r.farmlandM2();
      basic += r.basicFarmlandM2();
      other += r.otherFarmlandM2();
      eco += r.ecologicalM2();
      patchFarm += r.patchFarmlandM2();
      if (r.priority() != null && (priority == null || r.priority().compareTo(priority) < 0)) {
        priority = r.priority();
      }
      approvals.addAll(r.approvals());
      shapes.add(r.patch().geometry());
      u.add(r.unapproved());
    }
    boolean referral = Units.mu(basic) >= rules.referralBasicFarmlandMu() || Units.mu(other) >= rules.referralOtherFarmlandMu();
    Geometry union = OverlayNGRobust.union(shapes);
    Patch p = primary.patch();
    return new PatchResult(new Patch(p.id(), p.record(), union, p.afterDate(), p.beforeDate(), p.source()),
        primary.verdict(), area, approved, unapproved, farm, basic, other, eco, patchFarm, primary.township(),
        primary.village(), primary.inspector(), primary.phone(), priority, referral, List.copyOf(approvals),
        OverlayNGRobust.union(u));
  }
}
