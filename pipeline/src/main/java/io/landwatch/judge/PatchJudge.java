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
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;

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
  /** Villages are few and shared by many patches: each prepared once per judge. */
  private final java.util.Map<Village, PreparedGeometry> preparedVillages =
      java.util.Collections.synchronizedMap(new IdentityHashMap<>());

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
    Geometry approved = covering.isEmpty() ? null : overlay.union(covering);
    Geometry u = approved == null ? p : overlay.difference(p, approved);
    Clip inP = Clip.of(p);
    Clip inU = u == p ? inP : u.isEmpty() ? null : approved.isEmpty() ? Clip.of(u) : Clip.difference(u, inP, approved);

    List<Geometry> farmPieces = Pieces.of(near(in.farmland(), p), overlay);
    List<Geometry> basicPieces = Pieces.of(near(in.basicFarmland(), p), overlay);
    List<Geometry> ecoPieces = Pieces.of(near(in.ecological(), p), overlay);
    basicPieces = sameAsFarm(basicPieces, farmPieces);
    // P first: U takes P's clip of every piece away from the approvals
    List<Geometry> farmInP = u == p ? null : within(inP, farmPieces);
    List<Geometry> farmInU = within(inU, farmPieces);

    Areas areas = new Areas();
    double area = areas.of(p);
    double unapproved = u == p ? area : areas.of(u);
    double patchFarmland = areas.sum(u == p ? farmInU : farmInP);
    double farmland = areas.sum(farmInU);
    double basicFarmland = areas.sum(within(inU, basicPieces));
    double otherFarmland = farmlandOffBasic(inU, farmPieces, basicPieces, areas);
    double ecological = areas.sum(within(inU, ecoPieces));
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
    Village v = village(pp, p, area, in.villages());
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

  /**
   * The village overlapping P most; ties (within {@link #VILLAGE_TIE_M2}) go to the smaller village
   * name. A village that covers P overlaps it by P's area, without an overlay.
   */
  private Village village(PreparedGeometry pp, Geometry p, double pArea, List<Village> villages) {
    Village best = null;
    double bestArea = 0;
    for (Village v : villages) {
      if (!pp.intersects(v.geometry())) {
        continue;
      }
      double a = preparedVillages.computeIfAbsent(v, k -> PreparedGeometryFactory.prepare(k.geometry())).covers(p)
          ? pArea : area(overlay.intersection(p, v.geometry()));
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

  /** The areas of one patch's geometries, each measured once (a piece is summed in several totals). */
  private final class Areas {
    private final IdentityHashMap<Geometry, Double> measured = new IdentityHashMap<>();

    double of(Geometry g) {
      return measured.computeIfAbsent(g, PatchJudge.this::area);
    }

    double sum(List<Geometry> pieces) {
      double s = 0;
      for (Geometry g : pieces) {
        s += of(g);
      }
      return s;
    }
  }

  /**
   * |U ∩ ⋃farm ∖ ⋃basic|, the farmland off basic farmland. A farm piece that one basic piece
   * covers, or that is the same polygon up to {@link #SAME_SHAPE_M} (永久基本农田 is drawn from the
   * survey parcels, usually in another CRS, so its vertices come back from reprojection a few
   * nanometres off), has none. Each other piece f near U adds |U ∩ f| − |U ∩ f ∩ ⋃basic|, with f
   * cut by the basic pieces its envelope meets; both parts are clipped to U in one overlay each.
   */
  private double farmlandOffBasic(Clip inU, List<Geometry> farmPieces, List<Geometry> basicPieces, Areas areas) {
    if (inU == null || farmPieces.isEmpty()) {
      return 0;
    }
    STRtree index = new STRtree();
    for (int i = 0; i < basicPieces.size(); i++) {
      index.insert(basicPieces.get(i).getEnvelopeInternal(), i);
    }
    Map<Geometry, PreparedGeometry> prepared = new IdentityHashMap<>();
    List<Geometry> partly = new ArrayList<>();
    List<Geometry> onBasic = new ArrayList<>();
    for (Geometry f : farmPieces) {
      if (inU.side(f) == Clip.Side.OUTSIDE) {
        continue;
      }
      // the tree answers in its own order; the overlay's input must not depend on it
      List<Integer> hits = new ArrayList<>();
      for (Object o : index.query(f.getEnvelopeInternal())) {
        hits.add((Integer) o);
      }
      hits.sort(null);
      boolean whole = false;
      List<Polygon> near = new ArrayList<>(hits.size());
      for (int i : hits) {
        Geometry b = basicPieces.get(i);
        if (Shapes.same(f, b, SAME_SHAPE_M) || coveredBy(f, b, prepared)) {
          whole = true;
          break;
        }
        Clip.addPolygons(b, near);
      }
      if (!whole) {
        partly.add(f);
        if (!near.isEmpty()) {
          Clip.addPolygons(overlay.intersection(f, overlay.multi(near)), onBasic);
        }
      }
    }
    return partly.isEmpty() ? 0 : areas.sum(inU.within(partly, overlay)) - areas.sum(inU.within(onBasic, overlay));
  }

  /**
   * The basic pieces, each that is a farm piece up to {@link #SAME_SHAPE_M} replaced by that farm
   * piece: placed, clipped and measured once for both layers.
   */
  private static List<Geometry> sameAsFarm(List<Geometry> basicPieces, List<Geometry> farmPieces) {
    if (basicPieces.isEmpty() || farmPieces.isEmpty()) {
      return basicPieces;
    }
    // same shapes have envelopes within SAME_SHAPE_M: keyed on a 1 mm grid, they almost always share
    // a key (one straddling a grid line is only measured on its own, not wrongly)
    Map<List<Long>, Geometry> byEnvelope = new HashMap<>();
    farmPieces.forEach(f -> byEnvelope.putIfAbsent(envelopeKey(f), f));
    List<Geometry> out = new ArrayList<>(basicPieces.size());
    for (Geometry b : basicPieces) {
      Geometry f = byEnvelope.get(envelopeKey(b));
      out.add(f != null && Shapes.same(f, b, SAME_SHAPE_M) ? f : b);
    }
    return out;
  }

  private static List<Long> envelopeKey(Geometry g) {
    Envelope e = g.getEnvelopeInternal();
    return List.of(Math.round(e.getMinX() * 1e3), Math.round(e.getMinY() * 1e3), Math.round(e.getMaxX() * 1e3),
        Math.round(e.getMaxY() * 1e3));
  }

  /**
   * Vertices this close count as the same point when a basic piece is matched to a farm piece:
   * far above reprojection noise (nanometres), far below survey precision; a 10 km boundary
   * moved this far changes an area by 0.001 m².
   */
  static final double SAME_SHAPE_M = 1e-7;

  /**
   * Whether basic piece b covers farm piece f. A rectangle answers from its envelope; other
   * shapes are prepared once per patch.
   */
  private static boolean coveredBy(Geometry f, Geometry b, Map<Geometry, PreparedGeometry> prepared) {
    if (!b.getEnvelopeInternal().covers(f.getEnvelopeInternal())) {
      return false;
    }
    return b.isRectangle() || prepared.computeIfAbsent(b, PreparedGeometryFactory::prepare).covers(f);
  }

  /** X ∩ each piece ({@link Clip#within}); nothing when X is empty. */
  private List<Geometry> within(Clip x, List<Geometry> pieces) {
    return x == null ? List.of() : x.within(pieces, overlay);
  }

  /**
   * The geometries whose envelope meets P's. Both engines hand over only parcels that intersect
   * P; what else comes (a test's grid) is skipped by envelope here and placed outside by
   * {@link Clip}'s edge test, so no exact predicate is paid twice per parcel.
   */
  private static List<Geometry> near(List<Geometry> geoms, Geometry p) {
    Envelope env = p.getEnvelopeInternal();
    List<Geometry> out = new ArrayList<>(geoms.size());
    for (Geometry g : geoms) {
      if (env.intersects(g.getEnvelopeInternal())) {
        out.add(g);
      }
    }
    return out;
  }
}
