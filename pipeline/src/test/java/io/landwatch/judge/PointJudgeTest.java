package io.landwatch.judge;

import static io.landwatch.testing.Geoms.GF;
import static io.landwatch.testing.Geoms.ORIGIN_X;
import static io.landwatch.testing.Geoms.ORIGIN_Y;
import static io.landwatch.testing.Geoms.rect;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.Rules;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import io.landwatch.model.Priority;
import io.landwatch.model.Village;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/** What lies at a point lead: its village, the protected land it is in, the approvals valid that day. */
class PointJudgeTest {
  static final LocalDate DAY = LocalDate.of(2023, 8, 1);
  static final Geometry FARM = rect(ORIGIN_X, ORIGIN_Y, 100, 100);
  static final Geometry BASIC = rect(ORIGIN_X, ORIGIN_Y, 50, 100);
  static final Geometry RED = rect(ORIGIN_X + 200, ORIGIN_Y, 100, 100);
  static final Village WEST = new Village("西街村", "崇文镇", "王芳", "139", 1, rect(ORIGIN_X - 500, ORIGIN_Y - 500, 600, 1000), null);
  static final Village EAST = new Village("东关村", "崇文镇", "李强", "138", 2, rect(ORIGIN_X + 100, ORIGIN_Y - 500, 600, 1000), null);

  static Point at(double dx, double dy) {
    return GF.createPoint(new Coordinate(ORIGIN_X + dx, ORIGIN_Y + dy));
  }

  static PointJudge.Facts judge(Point p, List<Approval> approvals) {
    return judge(p, approvals, Rules.defaults());
  }

  static PointJudge.Facts judge(Point p, List<Approval> approvals, Rules rules) {
    PatchInputs in = new PatchInputs(new Patch("L", 1, p.buffer(0.5), DAY, null, Map.of()), approvals, List.of(FARM),
        List.of(BASIC), List.of(RED), List.of(WEST, EAST));
    return PointJudge.judge(p, DAY, in, rules);
  }

  @Test
  void priorityFromWhatThePointIsIn() {
    PointJudge.Facts basic = judge(at(25, 50), List.of());
    assertEquals(Priority.P1, basic.priority());
    assertTrue(basic.basicFarmland() && basic.farmland() && !basic.ecological());
    assertEquals("西街村", basic.village());
    assertEquals("王芳", basic.inspector());
    PointJudge.Facts farm = judge(at(75, 50), List.of());
    assertEquals(Priority.P2, farm.priority());
    assertFalse(farm.basicFarmland());
    assertEquals(Priority.P1, judge(at(250, 50), List.of()).priority(), "ecological red line");
    PointJudge.Facts none = judge(at(150, 50), List.of());
    assertEquals(Priority.P3, none.priority());
    assertEquals("东关村", none.village());
    assertEquals("no protected land; no valid approval", none.describe());
    assertEquals(null, judge(at(5000, 50), List.of()).village(), "outside every village");
  }

  @Test
  void onTheBoundaryTheSmallerVillageNameWins() {
    // x = 100 is the edge of both villages and of the farmland: covered by all of them
    PointJudge.Facts f = judge(at(100, 50), List.of());
    assertEquals("东关村".compareTo("西街村") < 0 ? "东关村" : "西街村", f.village());
    assertTrue(f.farmland(), "a point on a parcel's edge is on the parcel");
  }

  @Test
  void onlyApprovalsValidThatDayAndOfCountingKindsCover() {
    Geometry a = rect(ORIGIN_X + 20, ORIGIN_Y + 40, 20, 20);
    Approval valid = new Approval("PZ-1", "approvals", 1, "建设用地", DAY.minusDays(10), null, a);
    Approval later = new Approval("PZ-2", "approvals", 2, "建设用地", DAY.plusDays(1), null, a);
    Approval expired = new Approval("LS-1", "approvals", 3, "临时用地", DAY.minusYears(2), DAY.minusDays(1), a);
    PointJudge.Facts f = judge(at(25, 50), List.of(later, valid, expired));
    assertEquals(List.of("PZ-1"), f.approvals());
    assertEquals("basic farmland, farmland; covered by approval PZ-1", f.describe());
    assertEquals(List.of("PZ-1"), judge(at(40, 50), List.of(valid)).approvals(), "on the approval's edge");
    assertEquals(List.of(), judge(at(10, 10), List.of(valid)).approvals(), "outside the approval");
    Rules onlyTemporary = new Rules(Rules.defaults().toleranceM2(), Rules.defaults().referralBasicFarmlandMu(),
        Rules.defaults().referralOtherFarmlandMu(), Rules.defaults().accountabilityRatio(), List.of("临时用地"));
    assertEquals(List.of(), judge(at(25, 50), List.of(valid), onlyTemporary).approvals(),
        "rules.approval_kinds leaves 建设用地 out");
  }
}
