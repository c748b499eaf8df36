package io.landwatch.plan;

import io.landwatch.model.Priority;
import java.time.LocalDate;

/**
 * A patrol task: one suspected patch for the village grid to check, and its place in the routes.
 *
 * @param taskId stable id ("T" + case id)
 * @param caseId the case it belongs to
 * @param patchId the patch it was last planned for
 * @param place where it is in the grid and who checks it
 * @param priority how soon
 * @param dueOn run date + due days of the priority
 * @param status open, checked, stopped, rectifying, closed
 * @param point a point inside the patch, to go to
 * @param areas what the patch occupies, in mu
 * @param villageStop its position in the village route ({@link Stop#NONE} before planning)
 * @param townshipStop its position in the township route
 */
public record Task(String taskId, String caseId, String patchId, Place place, Priority priority, LocalDate dueOn,
    String status, Point point, Areas areas, Stop villageStop, Stop townshipStop) {

  /**
   * @param township township name, or null outside every village
   * @param village village name, or null
   * @param inspector grid inspector, or null
   * @param phone the inspector's phone, or null
   */
  public record Place(String township, String village, String inspector, String phone) {}

  /** CGCS2000/WGS 84 lon/lat, and the same point in GCJ-02 (map apps in China). */
  public record Point(double lon, double lat, double gcj02Lon, double gcj02Lat) {}

  /** Patch area, unapproved area, farmland and basic farmland occupied, in mu. */
  public record Areas(double areaMu, double unapprovedMu, double farmlandMu, double basicFarmlandMu) {}

  /**
   * A position in a route.
   *
   * @param seq 1-based position, 0 before planning
   * @param legKm geodesic km from the previous stop (or the start)
   */
  public record Stop(int seq, double legKm) {
    public static final Stop NONE = new Stop(0, 0);
  }

  public Task withVillageRoute(int seq, double km) {
    return new Task(taskId, caseId, patchId, place, priority, dueOn, status, point, areas, new Stop(seq, km),
        townshipStop);
  }

  public Task withTownshipRoute(int seq, double km) {
    return new Task(taskId, caseId, patchId, place, priority, dueOn, status, point, areas, villageStop,
        new Stop(seq, km));
  }

  public String township() {
    return place.township();
  }

  public String village() {
    return place.village();
  }

  public String inspector() {
    return place.inspector();
  }

  public String phone() {
    return place.phone();
  }

  public double lon() {
    return point.lon();
  }

  public double lat() {
    return point.lat();
  }

  public double gcj02Lon() {
    return point.gcj02Lon();
  }

  public double gcj02Lat() {
    return point.gcj02Lat();
  }

  public double areaMu() {
    return areas.areaMu();
  }

  public double unapprovedMu() {
    return areas.unapprovedMu();
  }

  public double farmlandMu() {
    return areas.farmlandMu();
  }

  public double basicFarmlandMu() {
    return areas.basicFarmlandMu();
  }

  public int routeSeq() {
    return villageStop.seq();
  }

  public double legKm() {
    return villageStop.legKm();
  }

  public int townshipSeq() {
    return townshipStop.seq();
  }

  public double townshipLegKm() {
    return townshipStop.legKm();
  }
}
