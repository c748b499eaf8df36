package io.landwatch.store;

import io.landwatch.model.Priority;
import java.time.LocalDate;
import java.util.Objects;

/**
 * A patrol task of the store: one case for the village grid to check, with the last field result.
 *
 * @param fid the row id in the store (0 before it is inserted)
 * @param taskId "T" + case id
 * @param caseId its case
 * @param patchId the patch it was last planned for
 * @param township township, or null outside every village
 * @param village village, or null
 * @param inspector grid inspector, or null
 * @param phone the inspector's phone, or null
 * @param priority P1/P2/P3
 * @param dueOn when it is overdue
 * @param status where it stands
 * @param createdOn run date that created it
 * @param lon a point inside the patch, CGCS2000
 * @param lat its latitude
 * @param gcj02Lon the point in GCJ-02 (map apps in China)
 * @param gcj02Lat its latitude
 * @param areaMu patch area in mu
 * @param unapprovedMu unapproved area in mu
 * @param farmlandMu farmland occupied in mu
 * @param basicFarmlandMu basic farmland occupied in mu
 * @param checkedOn date of the last field check, or null
 * @param result last field result, or null
 * @param action last action, or null
 */
public record TaskRow(long fid, String taskId, String caseId, String patchId, String township, String village,
    String inspector, String phone, Priority priority, LocalDate dueOn, TaskStatus status, LocalDate createdOn,
    double lon, double lat, double gcj02Lon, double gcj02Lat, double areaMu, double unapprovedMu,
    double farmlandMu, double basicFarmlandMu, LocalDate checkedOn, String result, String action) {

  static TaskRow read(StoreFields f) {
    return new TaskRow(f.fid(), f.text("task_id"), f.text("case_id"), f.text("patch_id"), f.text("township"),
        f.text("village"), f.text("inspector"), f.text("phone"), Priority.of(f.text("priority")), f.date("due_on"),
        TaskStatus.of(f.text("status")), f.date("created_on"), f.real("lon"), f.real("lat"), f.real("gcj02_lon"),
        f.real("gcj02_lat"), f.real("area_mu"), f.real("unapproved_mu"), f.real("farmland_mu"),
        f.real("basic_farmland_mu"), f.date("checked_on"), f.text("result"), f.text("action"));
  }

  void write(StoreFields.Writer w) {
    w.set("task_id", taskId);
    w.set("case_id", caseId);
    w.set("patch_id", patchId);
    w.set("township", township);
    w.set("village", village);
    w.set("inspector", inspector);
    w.set("phone", phone);
    w.set("priority", priority == null ? null : priority.name());
    w.date("due_on", dueOn);
    w.set("status", status.label());
    w.date("created_on", createdOn);
    w.set("lon", lon);
    w.set("lat", lat);
    w.set("gcj02_lon", gcj02Lon);
    w.set("gcj02_lat", gcj02Lat);
    w.set("area_mu", areaMu);
    w.set("unapproved_mu", unapprovedMu);
    w.set("farmland_mu", farmlandMu);
    w.set("basic_farmland_mu", basicFarmlandMu);
    w.date("checked_on", checkedOn);
    w.set("result", result);
    w.set("action", action);
  }

  /** True when a run's plan for the task says what the store already says. */
  boolean samePlan(TaskRow o) {
    return Objects.equals(patchId, o.patchId) && Objects.equals(township, o.township)
        && Objects.equals(village, o.village) && Objects.equals(inspector, o.inspector)
        && Objects.equals(phone, o.phone) && Objects.equals(priority, o.priority) && lon == o.lon && lat == o.lat
        && gcj02Lon == o.gcj02Lon && gcj02Lat == o.gcj02Lat && areaMu == o.areaMu && unapprovedMu == o.unapprovedMu
        && farmlandMu == o.farmlandMu && basicFarmlandMu == o.basicFarmlandMu;
  }

  /** This task with a new plan from a run (patch, place, areas), its status and results kept. */
  TaskRow replan(TaskRow plan) {
    return new TaskRow(fid, taskId, caseId, plan.patchId, plan.township, plan.village, plan.inspector, plan.phone,
        plan.priority, dueOn, status, createdOn, plan.lon, plan.lat, plan.gcj02Lon, plan.gcj02Lat, plan.areaMu,
        plan.unapprovedMu, plan.farmlandMu, plan.basicFarmlandMu, checkedOn, result, action);
  }

  /** This task after a field check. */
  TaskRow checked(TaskStatus next, LocalDate on, String result, String action) {
    return new TaskRow(fid, taskId, caseId, patchId, township, village, inspector, phone, priority, dueOn, next,
        createdOn, lon, lat, gcj02Lon, gcj02Lat, areaMu, unapprovedMu, farmlandMu, basicFarmlandMu, on, result, action);
  }

  /** This task reopened by a run: open again, due anew. */
  TaskRow reopened(LocalDate due) {
    return new TaskRow(fid, taskId, caseId, patchId, township, village, inspector, phone, priority, due,
        TaskStatus.OPEN, createdOn, lon, lat, gcj02Lon, gcj02Lat, areaMu, unapprovedMu, farmlandMu, basicFarmlandMu,
        checkedOn, result, action);
  }

  /** This task with the areas and priority of a case judged on its measured outline. */
  TaskRow remeasured(CaseRow c, io.landwatch.judge.PatchResult r) {
    return new TaskRow(fid, taskId, caseId, patchId, township, village, inspector, phone, c.priority(), dueOn, status,
        createdOn, lon, lat, gcj02Lon, gcj02Lat, io.landwatch.geo.Units.round4(io.landwatch.geo.Units.mu(r.areaM2())),
        io.landwatch.geo.Units.round4(io.landwatch.geo.Units.mu(r.unapprovedM2())),
        io.landwatch.geo.Units.round4(io.landwatch.geo.Units.mu(r.farmlandM2())),
        io.landwatch.geo.Units.round4(io.landwatch.geo.Units.mu(r.basicFarmlandM2())), checkedOn, result, action);
  }
}
