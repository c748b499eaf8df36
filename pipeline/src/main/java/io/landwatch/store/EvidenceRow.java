package io.landwatch.store;

/**
 * A photo kept as evidence of a case.
 *
 * @param file where the copy is, relative to the store's folder (evidence/CASE/…)
 * @param takenAt EXIF time, camera-local, or null
 * @param distanceM metres from the case's outline (0 inside), or null without a position
 * @param flags what a reviewer should look at: far, before_task, reused, no_position, no_time (comma-separated), or null
 * @param sourceKey the feedback check it came with
 */
public record EvidenceRow(String caseId, String taskId, String file, String sha256, String takenAt, Double lon,
    Double lat, Double distanceM, String flags, String sourceKey) {

  static EvidenceRow read(StoreFields f) {
    return new EvidenceRow(f.text("case_id"), f.text("task_id"), f.text("file"), f.text("sha256"), f.text("taken_at"),
        f.text("lon") == null ? null : f.real("lon"), f.text("lat") == null ? null : f.real("lat"),
        f.text("distance_m") == null ? null : f.real("distance_m"), f.text("flags"), f.text("source_key"));
  }

  void write(StoreFields.Writer w) {
    w.set("case_id", caseId);
    w.set("task_id", taskId);
    w.set("file", file);
    w.set("sha256", sha256);
    w.set("taken_at", takenAt);
    w.set("lon", lon);
    w.set("lat", lat);
    w.set("distance_m", distanceM);
    w.set("flags", flags);
    w.set("source_key", sourceKey);
  }
}
