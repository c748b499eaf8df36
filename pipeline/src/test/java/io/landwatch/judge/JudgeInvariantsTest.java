package io.landwatch.judge;

import static io.landwatch.judge.JudgeFixture.TO_LONLAT;
import static io.landwatch.judge.JudgeFixture.approval;
import static io.landwatch.judge.JudgeFixture.patch;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.Rules;
import io.landwatch.geo.Gdal;
import io.landwatch.geo.SequenceMap;
import io.landwatch.model.Approval;
import io.landwatch.prepare.GeometryPreparer;
import io.landwatch.prepare.RepairReport;
import io.landwatch.testing.Geoms;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/** Invariants of the judgment on seeded random polygons (rotated boxes, stars, repaired bow-ties). */
class JudgeInvariantsTest {
  @BeforeAll
  static void gdal() {
    Gdal.init();
  }

  private static Geometry randomPolygon(SplittableRandom rnd, double cx, double cy, double size) {
    Geometry g;
    switch (rnd.nextInt(3)) {
      case 0 -> g = Geoms.rect(cx - size / 2, cy - size / 3, size, size * 2 / 3);
      case 1 -> {
        int n = 5 + rnd.nextInt(8);
        Coordinate[] cs = new Coordinate[n + 1];
        for (int i = 0; i < n; i++) {
          double a = 2 * Math.PI * i / n;
          double rr = size / 2 * (0.4 + 0.6 * rnd.nextDouble());
          cs[i] = new Coordinate(cx + rr * Math.cos(a), cy + rr * Math.sin(a));
        }
        cs[n] = cs[0];
        g = Geoms.GF.createPolygon(cs);
      }
      default -> {
        double h = size / 2;
        g = Geoms.GF.createPolygon(new Coordinate[] {new Coordinate(cx - h, cy - h), new Coordinate(cx + h, cy + h),
            new Coordinate(cx + h, cy - h), new Coordinate(cx - h, cy + h), new Coordinate(cx - h, cy - h)});
      }
    }
    g = AffineTransformation.rotationInstance(rnd.nextDouble() * Math.PI, cx, cy).transform(g);
    var r = new GeometryPreparer().fromJts(g, "t", new RepairReport());
    return ((GeometryPreparer.Prepared) r).geometry();
  }

  /** g with each vertex moved by up to d in x and y (the closing vertex with the first). */
  private static Geometry nudge(Geometry g, SplittableRandom rnd, double d) {
    Geometry c = SequenceMap.of(g, seq -> {
      for (int i = 0; i < seq.size() - 1; i++) {
        seq.setOrdinate(i, 0, seq.getX(i) + (rnd.nextDouble() * 2 - 1) * d);
        seq.setOrdinate(i, 1, seq.getY(i) + (rnd.nextDouble() * 2 - 1) * d);
      }
      seq.setOrdinate(seq.size() - 1, 0, seq.getX(0));
      seq.setOrdinate(seq.size() - 1, 1, seq.getY(0));
    });
    var r = new GeometryPreparer().fromJts(c, "t", new RepairReport());
    return ((GeometryPreparer.Prepared) r).geometry();
  }

  private static Geometry and(Geometry a, Geometry b) {
    return OverlayNGRobust.overlay(a, b, OverlayNG.INTERSECTION);
  }

  private static Geometry union(List<Geometry> geoms) {
    return geoms.isEmpty() ? Geoms.GF.createPolygon() : OverlayNGRobust.union(geoms);
  }

  @Test
  void invariantsHoldOnRandomPolygons() {
    SplittableRandom rnd = new SplittableRandom(42);
    PatchJudge judge = new PatchJudge(Rules.defaults(), TO_LONLAT);
    for (int k = 0; k < 150; k++) {
      double cx = JudgeFixture.X0 + rnd.nextDouble() * 1000;
      double cy = JudgeFixture.Y0 + rnd.nextDouble() * 1000;
      Geometry p = randomPolygon(rnd, cx, cy, 40 + rnd.nextDouble() * 100);
      List<Approval> approvals = new ArrayList<>();
      List<Geometry> farm = new ArrayList<>();
      List<Geometry> basic = new ArrayList<>();
      List<Geometry> eco = new ArrayList<>();
      for (int i = 0; i < rnd.nextInt(4); i++) {
        approvals.add(approval("A" + i, randomPolygon(rnd, cx + rnd.nextDouble() * 80 - 40, cy + rnd.nextDouble() * 80 - 40, 60)));
      }
      for (int i = 0; i < rnd.nextInt(6); i++) {
        farm.add(randomPolygon(rnd, cx + rnd.nextDouble() * 80 - 40, cy + rnd.nextDouble() * 80 - 40, 50));
      }
      for (int i = 0; i < rnd.nextInt(4); i++) {
        basic.add(randomPolygon(rnd, cx + rnd.nextDouble() * 80 - 40, cy + rnd.nextDouble() * 80 - 40, 50));
      }
      if (!farm.isEmpty() && rnd.nextBoolean()) {
        // basic farmland drawn from a farm parcel: as reprojection returns it (nanometres off),
        // or moved by a millimetre (a different polygon, measured by overlay)
        basic.add(nudge(farm.get(rnd.nextInt(farm.size())), rnd, rnd.nextBoolean() ? 3e-9 : 1e-3));
      }
      if (rnd.nextBoolean()) {
        eco.add(randomPolygon(rnd, cx, cy, 80));
      }
      PatchResult r = judge.judge(new PatchInputs(patch("R" + k, p), approvals, farm, basic, eco, List.of()));

      // area(P ∩ A) + area(P − A) = area(P), with P ∩ A computed independently of the judge.
      Geometry covered = approvals.isEmpty() ? Geoms.GF.createPolygon()
          : OverlayNGRobust.overlay(p, OverlayNGRobust.union(approvals.stream().map(Approval::geometry).toList()), OverlayNG.INTERSECTION);
      // Overlay splits edges at points on straight Gauss-Krüger lines, which lie a few µm off the
      // geodesic between the original vertices: pieces may differ from the whole by ~1 cm².
      double coveredArea = judge.area(covered);
      double tol = 2e-3;
      assertEquals(r.areaM2(), coveredArea + r.unapprovedM2(), tol, "patch " + k);
      assertEquals(r.approvedM2(), coveredArea, tol, "patch " + k);
      assertTrue(r.otherFarmlandM2() <= r.farmlandM2() + tol, "other ≤ farmland, patch " + k);
      assertTrue(r.farmlandM2() <= r.otherFarmlandM2() + r.basicFarmlandM2() + tol, "farmland ≤ other + basic, patch " + k);
      assertTrue(r.farmlandM2() <= r.patchFarmlandM2() + tol, "farmland of U ≤ farmland of P, patch " + k);
      assertTrue(r.unapprovedM2() <= r.areaM2() + tol, "U ≤ P, patch " + k);
      assertTrue(r.unapproved().isValid(), "U valid, patch " + k);

      // Each layer's share of U equals the overlay of U with the layer's union (computed here
      // without the judge's pieces, clip batches and cover shortcuts).
      Geometry u = r.unapproved();
      Geometry farmU = and(union(farm), u);
      Geometry basicUnion = union(basic);
      assertEquals(judge.area(farmU), r.farmlandM2(), tol, "farmland, patch " + k);
      assertEquals(judge.area(and(basicUnion, u)), r.basicFarmlandM2(), tol, "basic farmland, patch " + k);
      assertEquals(judge.area(OverlayNGRobust.overlay(farmU, basicUnion, OverlayNG.DIFFERENCE)), r.otherFarmlandM2(), tol,
          "other farmland, patch " + k);
      assertEquals(judge.area(and(union(eco), u)), r.ecologicalM2(), tol, "red line, patch " + k);
      assertEquals(judge.area(and(union(farm), p)), r.patchFarmlandM2(), tol, "farmland of P, patch " + k);
    }
  }
}
