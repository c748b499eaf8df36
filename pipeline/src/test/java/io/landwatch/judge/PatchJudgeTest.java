package io.landwatch.judge;

import static io.landwatch.judge.JudgeFixture.D;
import static io.landwatch.judge.JudgeFixture.approval;
import static io.landwatch.judge.JudgeFixture.area;
import static io.landwatch.judge.JudgeFixture.judge;
import static io.landwatch.judge.JudgeFixture.patch;
import static io.landwatch.judge.JudgeFixture.r;
import static io.landwatch.judge.JudgeFixture.village;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.Rules;
import io.landwatch.geo.Gdal;
import io.landwatch.model.Patch;
import io.landwatch.model.Priority;
import io.landwatch.testing.Geoms;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/**
 * Each numbered rule of the judgment on rectangles whose ellipsoidal areas are computed by hand
 * (GeographicLib on the corners). Areas are checked to 1 cm² (1e-4 m²).
 */
class PatchJudgeTest {
  static final double CM2 = 1e-4;
  static final Patch P = patch("P", r(0, 0, 100, 50));
  static final double AREA_P = area(0, 0, 100, 50);

  @BeforeAll
  static void gdal() {
    Gdal.init();
  }

  @Nested
  class Rule1ApprovalValidity {
    @Test
    void approvalOnOrBeforeTheAfterDateCovers() {
      PatchResult res = judge(P, List.of(approval("A", r(0, 0, 50, 50), D, null)), List.of(), List.of(), List.of(), List.of());
      assertEquals(area(50, 0, 50, 50), res.unapprovedM2(), CM2);
      assertEquals(area(0, 0, 50, 50), res.approvedM2(), CM2);
      assertEquals(List.of("A"), res.approvals());
    }

    @Test
    void approvalDatedAfterTheChangeDoesNotCover() {
      PatchResult res = judge(P, List.of(approval("LATE", r(-10, -10, 120, 70), D.plusDays(1), null)),
          List.of(), List.of(), List.of(), List.of());
      assertEquals(AREA_P, res.unapprovedM2(), CM2);
      assertEquals(Verdict.SUSPECTED_ILLEGAL, res.verdict());
      assertTrue(res.approvals().isEmpty());
    }

    @Test
    void expiredTemporaryUseDoesNotCoverButOneValidOnTheDayDoes() {
      PatchResult expired = judge(P, List.of(approval("T1", r(-10, -10, 120, 70), D.minusYears(2), D.minusDays(1))),
          List.of(), List.of(), List.of(), List.of());
      assertEquals(AREA_P, expired.unapprovedM2(), CM2);
      PatchResult lastDay = judge(P, List.of(approval("T2", r(-10, -10, 120, 70), D.minusYears(2), D)),
          List.of(), List.of(), List.of(), List.of());
      assertEquals(0, lastDay.unapprovedM2(), CM2);
      assertEquals(Verdict.APPROVED, lastDay.verdict());
      assertEquals(List.of("T2"), lastDay.approvals());
    }

    @Test
    void approvalKindsRestrictWhichCount() {
      Rules onlyHomesteads = new Rules(1.0, 5, 10, 0.15, List.of("宅基地审批"));
      PatchResult res = JudgeFixture.judge(onlyHomesteads, P, List.of(approval("A", r(-10, -10, 120, 70))),
          List.of(), List.of(), List.of(), List.of());
      assertEquals(AREA_P, res.unapprovedM2(), CM2);
      assertTrue(res.approvals().isEmpty());
    }
  }

  @Nested
  class Rules2And3UnionsNotSums {
    @Test
    void twoOverlappingApprovalsAreUnioned() {
      PatchResult res = judge(P, List.of(approval("B", r(40, -5, 40, 60)), approval("A", r(-5, -5, 65, 60))),
          List.of(), List.of(), List.of(), List.of());
      assertEquals(area(80, 0, 20, 50), res.unapprovedM2(), CM2);
      assertEquals(AREA_P - area(80, 0, 20, 50), res.approvedM2(), CM2);
      assertEquals(List.of("A", "B"), res.approvals());
    }

    @Test
    void overlappingFarmlandParcelsCountOnce() {
      PatchResult res = judge(P, List.of(), List.of(r(50, 0, 50, 50), r(60, 0, 50, 50)), List.of(), List.of(), List.of());
      assertEquals(area(50, 0, 50, 50), res.farmlandM2(), CM2);
      assertEquals(area(50, 0, 50, 50), res.patchFarmlandM2(), CM2);
    }

    @Test
    void basicFarmlandOutsideFarmlandStillCounts() {
      PatchResult res = judge(P, List.of(), List.of(r(50, 0, 50, 50)), List.of(r(0, 0, 20, 50)), List.of(), List.of());
      assertEquals(area(0, 0, 20, 50), res.basicFarmlandM2(), CM2);
      assertEquals(area(50, 0, 50, 50), res.farmlandM2(), CM2);
      assertEquals(area(50, 0, 50, 50), res.otherFarmlandM2(), CM2);
    }

    @Test
    void otherFarmlandIsFarmlandMinusBasic() {
      PatchResult res = judge(P, List.of(approval("A", r(0, 0, 30, 50))), List.of(r(0, 0, 100, 50)),
          List.of(r(20, 0, 40, 50)), List.of(), List.of());
      assertEquals(area(30, 0, 70, 50), res.farmlandM2(), CM2);
      assertEquals(area(30, 0, 30, 50), res.basicFarmlandM2(), CM2);
      assertEquals(area(60, 0, 40, 50), res.otherFarmlandM2(), CM2);
    }
  }

  @Nested
  class Rule4Measures {
    @Test
    void everyMeasureIsOfTheUnapprovedPart() {
      PatchResult res = judge(P, List.of(approval("A", r(0, 0, 25, 50))), List.of(r(0, 0, 100, 50)),
          List.of(r(0, 0, 50, 50)), List.of(r(90, 0, 50, 50)), List.of());
      assertEquals(AREA_P, res.areaM2(), CM2);
      assertEquals(area(25, 0, 75, 50), res.unapprovedM2(), CM2);
      assertEquals(area(25, 0, 75, 50), res.farmlandM2(), CM2);
      assertEquals(area(0, 0, 100, 50), res.patchFarmlandM2(), CM2);
      assertEquals(area(25, 0, 25, 50), res.basicFarmlandM2(), CM2);
      assertEquals(area(50, 0, 50, 50), res.otherFarmlandM2(), CM2);
      assertEquals(area(90, 0, 10, 50), res.ecologicalM2(), CM2);
    }

    @Test
    void ellipsoidalAreaIsNotThePlanarOne() {
      // 5 km east of the zone-38 meridian? No: X0 is 65 km west, where GK scale k ≈ 1.00005.
      PatchResult res = judge(P, List.of(), List.of(), List.of(), List.of(), List.of());
      double planar = P.geometry().getArea();
      assertEquals(5000.0, planar, 1e-9);
      assertTrue(res.areaM2() < planar - 0.3 && res.areaM2() > planar * 0.9998, "ellipsoidal " + res.areaM2());
    }

    @Test
    void multipolygonPatch() {
      Geometry mp = Geoms.GF.createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {r(0, 0, 40, 40), r(100, 0, 30, 20)});
      PatchResult res = judge(patch("M", mp), List.of(approval("A", r(-5, -5, 50, 50))), List.of(r(90, -10, 60, 60)),
          List.of(), List.of(), List.of());
      assertEquals(area(0, 0, 40, 40) + area(100, 0, 30, 20), res.areaM2(), CM2);
      assertEquals(area(100, 0, 30, 20), res.unapprovedM2(), CM2);
      assertEquals(area(100, 0, 30, 20), res.farmlandM2(), CM2);
    }

    @Test
    void patchWithAHole() {
      Geometry holed = r(0, 0, 100, 100).difference(r(40, 40, 20, 20));
      PatchResult res = judge(patch("H", holed), List.of(), List.of(r(-10, -10, 200, 200)),
          List.of(r(30, 30, 40, 40)), List.of(), List.of());
      double expected = area(0, 0, 100, 100) - area(40, 40, 20, 20);
      assertEquals(expected, res.areaM2(), CM2);
      assertEquals(expected, res.farmlandM2(), CM2);
      assertEquals(area(30, 30, 40, 40) - area(40, 40, 20, 20), res.basicFarmlandM2(), CM2);
    }
  }

  @Nested
  class Rules5To7VerdictPriorityReferral {
    @Test
    void unapprovedAtOrBelowToleranceIsApproved() {
      // Leaves a 0.01 m × 50 m = 0.5 m² sliver: within the 1 m² tolerance.
      PatchResult sliver = judge(P, List.of(approval("A", r(0, 0, 99.99, 50))), List.of(r(0, 0, 100, 50)),
          List.of(), List.of(), List.of());
      assertEquals(Verdict.APPROVED, sliver.verdict());
      assertNull(sliver.priority());
      assertFalse(sliver.referral());
      assertEquals(area(99.99, 0, 0.01, 50), sliver.unapprovedM2(), CM2);
      PatchResult strip = judge(P, List.of(approval("A", r(0, 0, 99.97, 50))), List.of(), List.of(), List.of(), List.of());
      assertEquals(Verdict.SUSPECTED_ILLEGAL, strip.verdict());
      assertEquals(Priority.P3, strip.priority());
    }

    @Test
    void priorities() {
      assertEquals(Priority.P1, judge(P, List.of(), List.of(), List.of(r(0, 0, 10, 50)), List.of(), List.of()).priority());
      assertEquals(Priority.P1, judge(P, List.of(), List.of(), List.of(), List.of(r(0, 0, 10, 50)), List.of()).priority());
      assertEquals(Priority.P2, judge(P, List.of(), List.of(r(0, 0, 10, 50)), List.of(), List.of(), List.of()).priority());
      assertEquals(Priority.P3, judge(P, List.of(), List.of(), List.of(), List.of(), List.of()).priority());
      // Basic farmland of 0.5 m² (0.01 × 50) is within tolerance: not P1.
      assertEquals(Priority.P2, judge(P, List.of(), List.of(r(0, 0, 10, 50)), List.of(r(0, 0, 0.01, 50)), List.of(), List.of()).priority());
    }

    @Test
    void referralThresholdsInMu() {
      // 5 mu = 3333.33 m²: a 70 × 50 block of basic farmland (≈ 3500 m²) is over; 60 × 50 is under.
      Patch big = patch("B", r(0, 0, 200, 100));
      assertTrue(judge(big, List.of(), List.of(), List.of(r(0, 0, 70, 50)), List.of(), List.of()).referral());
      assertFalse(judge(big, List.of(), List.of(), List.of(r(0, 0, 60, 50)), List.of(), List.of()).referral());
      // 10 mu = 6666.67 m² of other farmland: 140 × 50 is over, 130 × 50 is under.
      assertTrue(judge(big, List.of(), List.of(r(0, 0, 140, 50)), List.of(), List.of(), List.of()).referral());
      assertFalse(judge(big, List.of(), List.of(r(0, 0, 130, 50)), List.of(), List.of(), List.of()).referral());
      // Approved land is never referred, however large.
      assertFalse(judge(big, List.of(approval("A", r(-1, -1, 202, 102))), List.of(r(0, 0, 200, 100)),
          List.of(r(0, 0, 200, 100)), List.of(), List.of()).referral());
    }
  }

  @Nested
  class Rules8And9VillageAndApprovals {
    @Test
    void patchStraddlingTwoVillagesGoesToTheLargerOverlap() {
      PatchResult res = judge(P, List.of(), List.of(), List.of(), List.of(),
          List.of(village("东街村", "崇文镇", r(-500, -500, 530, 1000)), village("西街村", "礼义镇", r(30, -500, 500, 1000))));
      assertEquals("西街村", res.village());
      assertEquals("礼义镇", res.township());
    }

    @Test
    void tiesGoToTheSmallerVillageName() {
      Geometry same = r(-500, -500, 1000, 1000);
      PatchResult res = judge(P, List.of(), List.of(), List.of(), List.of(),
          List.of(village("b村", "镇", same), village("a村", "镇", same)));
      assertEquals("a村", res.village());
    }

    /**
     * A pixel-staircase patch on a 30 m grid split exactly in half by a village boundary on the
     * same grid: the two halves differ on the ellipsoid by ~1e-4 m² (the Gauss-Krüger scale grows
     * eastwards), noise that must not pick the village. Regression: the east half used to win.
     */
    @Test
    void aPatchSplitExactlyInHalfGoesToTheSmallerVillageName() {
      Geometry staircase = Geoms.wkt("POLYGON ((0 0, 120 0, 120 30, 90 30, 90 60, 30 60, 30 30, 0 30, 0 0))");
      Geometry placed = org.locationtech.jts.geom.util.AffineTransformation
          .translationInstance(JudgeFixture.X0, JudgeFixture.Y0).transform(staircase);
      Patch half = JudgeFixture.patch("HALF", placed);
      Geometry west = r(-1000, -1000, 1060, 3000);
      Geometry east = r(60, -1000, 1000, 3000);
      double westArea = half.geometry().intersection(west).getArea();
      assertEquals(westArea, half.geometry().intersection(east).getArea(), 1e-6, "split exactly in half in the plane");
      for (boolean westIsA : new boolean[] {true, false}) {
        PatchResult res = judge(half, List.of(), List.of(), List.of(), List.of(),
            List.of(village(westIsA ? "a村" : "b村", "镇", west), village(westIsA ? "b村" : "a村", "镇", east)));
        assertEquals("a村", res.village(), "the tie goes to the smaller name whichever half it is");
      }
    }

    @Test
    void outsideEveryVillageIsNull() {
      PatchResult res = judge(P, List.of(), List.of(), List.of(), List.of(), List.of(village("远村", "镇", r(1000, 1000, 10, 10))));
      assertNull(res.village());
      assertNull(res.township());
    }

    @Test
    void approvalsListValidIntersectingIdsSorted() {
      PatchResult res = judge(P, List.of(approval("Z", r(90, 0, 20, 20)), approval("A", r(0, 0, 10, 10)),
          approval("FAR", r(500, 500, 10, 10)), approval("LATE", r(0, 0, 10, 10), D.plusDays(3), null)),
          List.of(), List.of(), List.of(), List.of());
      assertEquals(List.of("A", "Z"), res.approvals());
    }
  }

  @Test
  void anOverlayThatCannotBeComputedNamesThePatch() {
    Geometry broken = r(0, 0, 10, 10);
    broken.getCoordinates()[1].setX(Double.NaN);
    broken.geometryChanged();
    PatchJudge.JudgeFailure e = org.junit.jupiter.api.Assertions.assertThrows(PatchJudge.JudgeFailure.class,
        () -> judge(patch("BROKEN", broken), List.of(approval("A", r(0, 0, 5, 5))), List.of(), List.of(), List.of(), List.of()));
    assertTrue(e.getMessage().startsWith("the overlay of patch BROKEN failed"), e.getMessage());
  }
}
