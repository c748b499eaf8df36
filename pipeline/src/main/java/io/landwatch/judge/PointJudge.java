package io.landwatch.judge;

import io.landwatch.config.Rules;
import io.landwatch.model.Approval;
import io.landwatch.model.Priority;
import io.landwatch.model.Village;
import java.time.LocalDate;
import java.util.List;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * What lies at a point a lead names when nobody has drawn its outline yet (a phone call, a
 * village report): the village that contains it, and whether it is inside basic farmland,
 * farmland or the ecological red line, or covered by an approval valid on the reported day. The
 * point has no area, so the verification task's priority comes from what it is in: P1 in basic
 * farmland or the red line, P2 on farmland, else P3. Pure; thread-safe.
 */
public final class PointJudge {
  /**
   * @param approvals ids of the valid approvals that contain the point, sorted
   * @param priority of the verification task
   */
  public record Facts(String township, String village, String inspector, String phone, boolean basicFarmland,
      boolean farmland, boolean ecological, List<String> approvals, Priority priority) {

    /** One line for people: "basic farmland, farmland; approval PZ-1". */
    public String describe() {
      List<String> parts = new java.util.ArrayList<>();
      if (basicFarmland) {
        parts.add("basic farmland");
      }
      if (farmland) {
        parts.add("farmland");
      }
      if (ecological) {
        parts.add("ecological red line");
      }
      if (parts.isEmpty()) {
        parts.add("no protected land");
      }
      return String.join(", ", parts) + (approvals.isEmpty() ? "; no valid approval"
          : "; covered by approval " + String.join(", ", approvals));
    }
  }

  private PointJudge() {}

  /**
   * @param point in the working CRS
   * @param on the day the lead was reported: approvals valid that day count
   * @param in the candidates around the point (any shape whose envelope reaches it)
   */
  public static Facts judge(Point point, LocalDate on, PatchInputs in, Rules rules) {
    boolean basic = covers(in.basicFarmland(), point);
    boolean farm = covers(in.farmland(), point);
    boolean eco = covers(in.ecological(), point);
    TreeSet<String> ids = new TreeSet<>();
    for (Approval a : in.approvals()) {
      if (rules.approvalCounts(a.kind()) && a.validOn(on) && a.geometry().covers(point)) {
        ids.add(a.id());
      }
    }
    Village v = null;
    for (Village c : in.villages()) {
      // on a boundary between two villages the smaller name wins, as for patches split in half
      if (c.geometry().covers(point) && (v == null || c.village().compareTo(v.village()) < 0)) {
        v = c;
      }
    }
    Priority priority = basic || eco ? Priority.P1 : farm ? Priority.P2 : Priority.P3;
    return new Facts(v == null ? null : v.township(), v == null ? null : v.village(),
        v == null ? null : v.inspector(), v == null ? null : v.phone(), basic, farm, eco, List.copyOf(ids), priority);
  }

  private static boolean covers(List<Geometry> parcels, Point p) {
    for (Geometry g : parcels) {
      if (g.covers(p)) {
        return true;
      }
    }
    return false;
  }
}
