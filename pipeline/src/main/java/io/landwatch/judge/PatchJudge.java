package io.landwatch.judge;

import io.landwatch.config.Rules;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import io.landwatch.model.Village;
import io.landwatch.prepare.Reprojector;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Judges one patch: which approvals are valid for it, what part is unapproved, how much of that
 * lies on farmland, basic farmland and the ecological red line, and what follows (verdict,
 * priority, referral, village). Every layer is a set: overlapping polygons are unioned before
 * measuring, so no area counts twice. Thread-safe; the same code serves both engines.
 */
public final class PatchJudge {
  /** Snap-rounding grid of the fallback overlay: 0.1 mm in the metric working CRS. */
  private static final org.locationtech.jts.geom.PrecisionModel SNAP = new org.locationtech.jts.geom.PrecisionModel(10_000);
  private final Rules rules;
  private final Reprojector toLonLat;
  private final GeometryFactory factory;

  /**
   * @param rules thresholds
   * @param toLonLat working CRS → CGCS2000 lon/lat, for ellipsoidal areas
   */
  public PatchJudge(Rules rules, Reprojector toLonLat) {
    this.rules = rules;
    this.toLonLat = toLonLat;
    this.factory = new GeometryFactory();
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
    // Whole layers are unioned and overlaid with P or U directly. Clipping them to P first
    // creates pieces whose edges run almost along P's, a case where OverlayNG can return a
    // wrong (even self-crossing) result: see regression/difference-with-clipped-approval-*.wkt.
    Geometry u = covering.isEmpty() ? p : difference(p, union(covering));
    Geometry farmUnion = union(touching(in.farmland(), pp));
    Geometry basicUnion = union(touching(in.basicFarmland(), pp));
    Geometry patchFarm = intersection(p, farmUnion);
    Geometry farm = u == p ? patchFarm : intersection(u, farmUnion);
    Geometry basic = intersection(u, basicUnion);
    Geometry other = difference(farm, basicUnion);
    Geometry eco = intersection(u, union(touching(in.ecological(), pp)));

    double area = area(p);
    double unapproved = u == p ? area : area(u);
    double farmland = area(farm);
    double basicFarmland = area(basic);
    double otherFarmland = area(other);
    double ecological = area(eco);
    double patchFarmland = area(patchFarm);
    for (double a : new double[] {area, unapproved, farmland, basicFarmland, otherFarmland, ecological, patchFarmland}) {
      if (!Double.isFinite(a)) {
        throw new IllegalStateException("an area is not a number (broken coordinates)");
      }
    }

    double tol = rules.toleranceM2();
    Verdict verdict = unapproved <= tol ? Verdict.APPROVED : Verdict.SUSPECTED_ILLEGAL;
    String priority = null;
    boolean referral = false;
    if (verdict == Verdict.SUSPECTED_ILLEGAL) {
      priority = basicFarmland > tol || ecological > tol ? "P1" : farmland > tol ? "P2" : "P3";
      referral = Units.mu(basicFarmland) >= rules.referralBasicFarmlandMu()
          || Units.mu(otherFarmland) >= rules.referralOtherFarmlandMu();
    }
    Village v = village(pp, p, in.villages());
    return new PatchResult(patch, verdict, area, area - unapproved, unapproved, farmland,
        basicFarmland, otherFarmland, ecological, patchFarmland,
        v == null ? null : v.township(), v == null ? null : v.village(),
        v == null ? null : v.inspector(), v == null ? null : v.phone(),
        priority, referral, List.copyOf(ids), u);
  }

  private boolean counts(Approval a) {
    return rules.approvalKinds().isEmpty() || a.kind() != null && rules.approvalKinds().contains(a.kind());
  }

  /** The village overlapping P most; ties go to the smaller village name. */
  private Village village(PreparedGeometry pp, Geometry p, List<Village> villages) {
    Village best = null;
    double bestArea = 0;
    for (Village v : villages) {
      if (!pp.intersects(v.geometry())) {
        continue;
      }
      double a = area(intersection(p, v.geometry()));
      if (a <= 0) {
        continue;
      }
      if (best == null || a > bestArea || a == bestArea && v.village().compareTo(best.village()) < 0) {
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

  private Geometry union(List<Geometry> geoms) {
    if (geoms.isEmpty()) {
      return factory.createPolygon();
    }
    if (geoms.size() == 1) {
      return geoms.get(0);
    }
    Geometry u = polygonal(OverlayNGRobust.union(geoms, factory));
    if (u.isValid()) {
      return u;
    }
    return polygonal(org.locationtech.jts.operation.overlayng.UnaryUnionNG.union(geoms, factory, SNAP));
  }

  private Geometry intersection(Geometry a, Geometry b) {
    if (a.isEmpty() || b.isEmpty()) {
      return factory.createPolygon();
    }
    return overlay(a, b, OverlayNG.INTERSECTION);
  }

  private Geometry difference(Geometry a, Geometry b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a;
    }
    return overlay(a, b, OverlayNG.DIFFERENCE);
  }

  /**
   * OverlayNGRobust, checked: a result that is not valid is recomputed with snap-rounding to
   * 0.1 mm (the working CRS is metric), which cannot produce an invalid result.
   */
  private Geometry overlay(Geometry a, Geometry b, int op) {
    Geometry r = polygonal(OverlayNGRobust.overlay(a, b, op));
    if (r.isValid()) {
      return r;
    }
    return polygonal(OverlayNG.overlay(a, b, op, SNAP));
  }

  /** Only the areal part of an overlay result: touching edges and points have no area. */
  private Geometry polygonal(Geometry g) {
    if (g instanceof Polygon || g instanceof org.locationtech.jts.geom.MultiPolygon) {
      return g;
    }
    List<Polygon> polys = new ArrayList<>();
    PolygonExtracter.getPolygons(g, polys);
    return polys.size() == 1 ? polys.get(0) : factory.createMultiPolygon(polys.toArray(new Polygon[0]));
  }
}
