package io.landwatch.plan;

import java.time.LocalDate;

/**
 * A patrol task: one suspected patch for the village grid to check.
 *
 * @param taskId stable id ("T" + case id)
 * @param caseId the case it belongs to
 * @param patchId the patch of this run
 * @param township township name, or null outside every village
 * @param village village name, or null
 * @param inspector grid inspector, or null
 * @param phone inspector's phone, or null
 * @param priority P1/P2/P3
 * @param dueOn run date + due days of the priority
 * @param status open, checked, stopped, rectifying, closed
 * @param lon point inside the patch, CGCS2000/WGS 84 longitude
 * @param lat its latitude
 * @param gcj02Lon the same point in GCJ-02 (map apps in China)
 * @param gcj02Lat its latitude
 * @param areaMu patch area in mu
 * @param unapprovedMu unapproved area in mu
 * @param farmlandMu farmland occupied in mu
 * @param basicFarmlandMu basic farmland occupied in mu
 * @param routeSeq position in the village patrol route (1-based), 0 before planning
 * @param legKm geodesic km from the previous stop (or the office) in the village route
 * @param townshipSeq position in the township route
 * @param townshipLegKm km from the previous stop in the township route
 */
public record Task(String taskId, String caseId, String patchId, String township, String village,
    String inspector, String phone, String priority, LocalDate dueOn, String status, double lon,
    double lat, double gcj02Lon, double gcj02Lat, double areaMu, double unapprovedMu,
    double farmlandMu, double basicFarmlandMu, int routeSeq, double legKm, int townshipSeq,
    double townshipLegKm) {

  public Task withVillageRoute(int seq, double km) {
    return new Task(taskId, caseId, patchId, township, village, inspector, phone, priority, dueOn,
        status, lon, lat, gcj02Lon, gcj02Lat, areaMu, unapprovedMu, farmlandMu, basicFarmlandMu,
        seq, km, townshipSeq, townshipLegKm);
  }

  public Task withTownshipRoute(int seq, double km) {
    return new Task(taskId, caseId, patchId, township, village, inspector, phone, priority, dueOn,
        status, lon, lat, gcj02Lon, gcj02Lat, areaMu, unapprovedMu, farmlandMu, basicFarmlandMu,
        routeSeq, legKm, seq, km);
  }
}
