package io.landwatch.store;

import io.landwatch.model.Priority;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * An outline measured in the field and the judgment it gave; the case keeps the patch's outline.
 *
 * @param geometry the measured polygon, CGCS2000 lon/lat
 */
public record OutlineRow(String caseId, String taskId, LocalDate measuredOn, double areaM2, double unapprovedM2,
    double farmlandM2, double basicFarmlandM2, Priority priority, boolean referral, String sourceFile,
    String sourceKey, String at, Geometry geometry) {

  static OutlineRow read(StoreFields f, Geometry g) {
    return new OutlineRow(f.text("case_id"), f.text("task_id"), f.date("measured_on"), f.real("area_m2"),
        f.real("unapproved_m2"), f.real("farmland_m2"), f.real("basic_farmland_m2"), Priority.of(f.text("priority")),
        f.integer("referral") == 1, f.text("source_file"), f.text("source_key"), f.text("at"), g);
  }

  void write(StoreFields.Writer w) {
    w.set("case_id", caseId);
    w.set("task_id", taskId);
    w.date("measured_on", measuredOn);
    w.set("area_m2", areaM2);
    w.set("unapproved_m2", unapprovedM2);
    w.set("farmland_m2", farmlandM2);
    w.set("basic_farmland_m2", basicFarmlandM2);
    w.set("priority", priority == null ? null : priority.name());
    w.set("referral", referral ? 1 : 0);
    w.set("source_file", sourceFile);
    w.set("source_key", sourceKey);
    w.set("at", at);
  }
}
