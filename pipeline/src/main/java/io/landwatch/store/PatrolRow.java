package io.landwatch.store;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * A patrol record (巡查记录): who patrolled where on which day, what was found (possibly nothing),
 * the leads it produced, and the GPS track when there is one.
 *
 * @param villages the villages covered, "township/village", sorted
 * @param findings what was found, or null for a patrol that found nothing
 * @param leadIds the leads it produced, as imported with {@code leads import}
 * @param trackKm the track's geodesic length, or 0 without a track
 * @param fingerprint what makes two rows the same patrol (SHA-256)
 * @param track the GPS track, CGCS2000 lon/lat, or null
 */
public record PatrolRow(String patrolId, LocalDate patrolledOn, String inspector, List<String> villages,
    String findings, List<String> leadIds, double trackKm, String fingerprint, String sourceFile, int sourceRow,
    String importedAt, Geometry track) {

  static PatrolRow read(StoreFields f, Geometry g) {
    return new PatrolRow(f.text("patrol_id"), f.date("patrolled_on"), f.text("inspector"), list(f.text("villages")),
        f.text("findings"), list(f.text("lead_ids")), f.real("track_km"), f.text("fingerprint"), f.text("source_file"),
        f.integer("source_row"), f.text("imported_at"), g);
  }

  void write(StoreFields.Writer w) {
    w.set("patrol_id", patrolId);
    w.date("patrolled_on", patrolledOn);
    w.set("inspector", inspector);
    w.set("township", villages.isEmpty() ? null : villages.get(0).substring(0, villages.get(0).indexOf('/')));
    w.set("villages", String.join(";", villages));
    w.set("findings", findings);
    w.set("lead_ids", leadIds.isEmpty() ? null : String.join(";", leadIds));
    w.set("track_km", trackKm);
    w.set("fingerprint", fingerprint);
    w.set("source_file", sourceFile);
    w.set("source_row", sourceRow);
    w.set("imported_at", importedAt);
  }

  private static List<String> list(String joined) {
    return joined == null || joined.isBlank() ? List.of() : Arrays.asList(joined.split(";"));
  }
}
