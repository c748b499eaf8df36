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
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
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
    Geometry u = covering.isEmpty() ? p : overlay.difference(p, overlay.union(covering));
    PreparedGeometry pu = u == p ? pp : PreparedGeometryFactory.prepare(u);

    List<Geometry> farmPieces = Pieces.of(near(in.farmland(), p), overlay);
    List<Geometry> basicPieces = Pieces.of(near(in.basicFarmland(), p), overlay);
    List<Geometry> ecoPieces = Pieces.of(near(in.ecological(), p), overlay);
    List<Geometry> farmInU = within(u, pu, farmPieces);

    Areas areas = new Areas();
    double area = areas.of(p);
    double unapproved = u == p ? area : areas.of(u);
    double patchFarmland = u == p ? areas.sum(farmInU) : areas.sum(within(p, pp, farmPieces));
    double farmland = areas.sum(farmInU);
    double basicFarmland = areas.sum(within(u, pu, basicPieces));
    double otherFarmland = farmland - farmlandOnBasic(farmInU, basicPieces, areas);
    double ecological = areas.sum(within(u, pu, ecoPieces));
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
   * |⋃farm ∩ ⋃basic| for farm pieces already inside U. A basic-farmland parcel that is the same
   * polygon as a farmland parcel (common: 永久基本农田 is drawn from the survey parcels) costs no
   * overlay; the others meet only the basic pieces their envelope touches.
   */
  private double farmlandOnBasic(List<Geometry> farmInU, List<Geometry> basicPieces, Areas areas) {
    if (farmInU.isEmpty() || basicPieces.isEmpty()) {
      return 0;
    }
    STRtree index = new STRtree();
    for (int i = 0; i < basicPieces.size(); i++) {
      index.insert(basicPieces.get(i).getEnvelopeInternal(), i);
    }
    Map<Geometry, PreparedGeometry> prepared = new IdentityHashMap<>();
    double sum = 0;
    for (Geometry f : farmInU) {
      // the tree answers in its own order; the sums must add in the list's
      List<Integer> hits = new ArrayList<>();
      for (Object o : index.query(f.getEnvelopeInternal())) {
        hits.add((Integer) o);
      }
      hits.sort(null);
      List<Geometry> near = new ArrayList<>(hits.size());
      hits.forEach(i -> near.add(basicPieces.get(i)));
      boolean covered = false;
      for (Geometry b : near) {
        if (b.getEnvelopeInternal().equals(f.getEnvelopeInternal()) && b.equalsExact(f) || coveredBy(f, b, prepared)) {
          covered = true;
          break;
        }
      }
      // the pieces have disjoint interiors: one that covers f is all of f's basic farmland
      sum += covered ? areas.of(f) : areas.sum(within(f, PreparedGeometryFactory.prepare(f), near));
    }
    return sum;
  }

  /**
   * Whether piece b covers f: for a farm piece clipped to U and the basic parcel it was cut from.
   * A rectangle answers from its envelope; other shapes are prepared once per patch.
   */
  private static boolean coveredBy(Geometry f, Geometry b, Map<Geometry, PreparedGeometry> prepared) {
    if (!b.getEnvelopeInternal().covers(f.getEnvelopeInternal())) {
      return false;
    }
    return b.isRectangle() || prepared.computeIfAbsent(b, PreparedGeometryFactory::prepare).covers(f);
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

  /**
   * The geometries whose envelope meets P's. Both engines hand over only parcels that intersect
   * P; what else comes (a test's grid) is skipped by envelope here and by {@link #within}'s
   * prepared test, so no exact predicate is paid twice per parcel.
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
