package io.landwatch.model;

import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * An approved-use record (审批/供地/临时用地/设施农业/宅基地).
 *
 * @param id approval number (批准文号)
 * @param layer the job's name of the layer it came from
 * @param record the source record number
 * @param kind approval type, or null
 * @param approvedOn approval date
 * @param validUntil end of validity (temporary use), or null for open-ended
 * @param geometry repaired geometry in the working CRS
 */
public record Approval(String id, String layer, long record, String kind, LocalDate approvedOn,
    LocalDate validUntil, Geometry geometry) implements java.io.Serializable {

  /** Valid on {@code date}: approved on or before it and not expired before it. */
  public boolean validOn(LocalDate date) {
    return !approvedOn.isAfter(date) && (validUntil == null || !validUntil.isBefore(date));
  }
}
