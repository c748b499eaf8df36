package io.landwatch.judge;

import io.landwatch.config.Rules;
import io.landwatch.geo.EllipsoidalArea;
import io.landwatch.geo.GeometryTransform;
import io.landwatch.geo.Units;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import io.landwatch.model.Priority;
import io.landwatch.model.Village;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * Judges one patch: which approvals are valid for it, what part is unapproved, how much of that
 * lies on farmland, basic farmland and the ecological red line, and what follows (verdict,
 * priority, referral, village). Every layer is a set: overlapping polygons count once. Layers are
 * measured as {@link Pieces} with disjoint interiors, whole parcels overlaid with P or U directly:
 * clipping parcels to P first creates edges running almost along P's, where OverlayNG can go
 * wrong (regression/difference-with-clipped-approval-went-invalid.wkt). Thread-safe; the same
 * code serves both engines.
 */
public final class PatchJudge {
  private final Rules rules;
  private final GeometryTransform toLonLat;
  private final RobustOverlay overlay = new RobustOverlay(new GeometryFactory());

  /**
   * @param rules thresholds
   * @param toLonLat working CRS → CGCS2000 lon/lat, for ellipsoidal areas
   */
  public PatchJudge(Rules rules, GeometryTransform toLonLat) {
    this.rules = rules;
    this.toLonLat = toLonLat;
  }

  /** Raised when the overlay of a patch cannot be computed even with robust overlay. */
  public static final class JudgeFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public JudgeFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }

  public PatchResult judge(PatchInputs in) {
    try {
      return judgeUnchecked(in);
    } catch (RuntimeException e) {
      throw new JudgeFailure("the overlay of patch " + in.patch().id() + " failed: " + e, e);
    }
  }

  private PatchResult judgeUnchecked(PatchInputs in) {
    Patch patch = in.patch();
    Geometry p = patch.geometry();
    PreparedGeometry pp = PreparedGeometryFactory.prepare(p);

    List<Geometry> covering = new ArrayList<>();
    TreeSet<String> ids = new TreeSet<>();
    for (Approval a : in.approvals()) {
      if (counts(a) && a.validOn(patch.afterDate()) && pp.intersects(a.geometry())) {
        ids.add(a.id());
        covering.add(a.geometry());
      }
    }
    Geometry u = covering.isEmpty() ? p : overlay.difference(p, overlay.union(covering));
    PreparedGeometry pu = u == p ? pp : PreparedGeometryFactory.prepare(u);

    List<Geometry> farmPieces = Pieces.of(touching(in.farmland(), pp), overlay);
    List<Geometry> basicPieces = Pieces.of(touching(in.basicFarmland(), pp), overlay);
    List<Geometry> ecoPieces = Pieces.of(touching(in.ecological(), pp), overlay);
    List<Geometry> farmInU = within(u, pu, farmPieces);

    double area = area(p);
    double unapproved = u == p ? area : area(u);
    double patchFarmland = u == p ? sumArea(farmInU) : sumArea(within(p, pp, farmPieces));
    double farmland = sumArea(farmInU);
    double basicFarmland = sumArea(within(u, pu, basicPieces));
    double otherFarmland = farmland - farmlandOnBasic(farmInU, basicPieces);
    double ecological = sumArea(within(u, pu, ecoPieces));
    for (double a : new double[] {area, unapproved, farmland, basicFarmland, otherFarmland, ecological, patchFarmland}) {
      if (!Double.isFinite(a)) {
        throw new IllegalStateException("an area is not a number (broken coordinates)");
      }
    }

    double tol = rules.toleranceM2();
    Verdict verdict = unapproved <= tol ? Verdict.APPROVED : Verdict.SUSPECTED_ILLEGAL;
    Priority priority = null;
    boolean referral = false;
    if (verdict == Verdict.SUSPECTED_ILLEGAL) {
      priority = basicFarmland > tol || ecological > tol ? Priority.P1 : farmland > tol ? Priority.P2 : Priority.P3;
      referral = Units.mu(basicFarmland) >= rules.referralBasicFarmlandMu()
          || Units.mu(otherFarmland) >= rules.referralOtherFarmlandMu();
    }
    Village v = village(pp, p, in.villages());
    return new PatchResult(patch, verdict, area, area - unapproved, unapproved, farmland,
        basicFarmland, Math.max(0, otherFarmland), ecological, patchFarmland,
        v == null ? null : v.township(), v == null ? null : v.village(),
        v == null ? null : v.inspector(), v == null ? null : v.phone(),
        priority, referral, List.copyOf(ids), u);
  }

  private boolean counts(Approval a) {
    return rules.approvalCounts(a.kind());
  }

  /**
   * Overlaps closer than this (m²) are a tie: the area is reported to 0.01 m², and a patch split
   * exactly in half on a pixel grid differs between its halves only by the map projection's noise.
   */
  static final double VILLAGE_TIE_M2 = 0.01;

  /** The village overlapping P most; ties (within {@link #VILLAGE_TIE_M2}) go to the smaller village name. */
  private Village village(PreparedGeometry pp, Geometry p, List<Village> villages) {
    Village best = null;
    double bestArea = 0;
    for (Village v : villages) {
      if (!pp.intersects(v.geometry())) {
        continue;
      }
      double a = area(overlay.intersection(p, v.geometry()));
      if (a <= 0) {
        continue;
      }
      boolean tie = best != null && Math.abs(a - bestArea) < VILLAGE_TIE_M2;
      if (best == null || !tie && a > bestArea || tie && v.village().compareTo(best.village()) < 0) {
        best = v;
        bestArea = a;
      }
    }
    return best;
  }

  /** Ellipsoidal area in m² of a geometry in the working CRS. */
  public double area(Geometry working) {
    return working.isEmpty() ? 0 : EllipsoidalArea.of(toLonLat.apply(working));
  }

  private double sumArea(List<Geometry> pieces) {
    double s = 0;
    for (Geometry g : pieces) {
      s += area(g);
    }
    return s;
  }

  /**
   * |⋃farm ∩ ⋃basic| for farm pieces already inside U. A basic-farmland parcel that is the same
   * polygon as a farmland parcel (common: 永久基本农田 is drawn from the survey parcels) costs no
   * overlay.
   */
  private double farmlandOnBasic(List<Geometry> farmInU, List<Geometry> basicPieces) {
    double sum = 0;
    for (Geometry f : farmInU) {
      Geometry same = null;
      for (Geometry b : basicPieces) {
        if (b.getEnvelopeInternal().equals(f.getEnvelopeInternal()) && b.equalsExact(f)) {
          same = b;
          break;
        }
      }
      sum += same != null ? area(f) : sumArea(within(f, PreparedGeometryFactory.prepare(f), basicPieces));
    }
    return sum;
  }

  /** X ∩ each piece, skipping the overlay where X covers the piece or misses it. */
  private List<Geometry> within(Geometry x, PreparedGeometry px, List<Geometry> pieces) {
    List<Geometry> out = new ArrayList<>(pieces.size());
    for (Geometry piece : pieces) {
      if (!px.intersects(piece)) {
        continue;
      }
      Geometry g = px.covers(piece) ? piece : overlay.intersection(piece, x);
      if (!g.isEmpty()) {
        out.add(g);
      }
    }
    return out;
  }

  /** The geometries that intersect P: only they can contribute. */
  private static List<Geometry> touching(List<Geometry> geoms, PreparedGeometry pp) {
    List<Geometry> out = new ArrayList<>();
    for (Geometry g : geoms) {
      if (pp.intersects(g)) {
        out.add(g);
      }
    }
    return out;
  }
}
