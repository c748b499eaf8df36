package io.landwatch.model;

import java.time.LocalDate;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A change patch (卫片图斑), prepared: valid polygonal geometry in the working CRS.
 *
 * @param id the monitoring number (JCBH)
 * @param record the source record number
 * @param geometry repaired geometry in the working CRS
 * @param afterDate 后时相, the date the change was seen
 * @param beforeDate 前时相, or null
 * @param source every source attribute, for the outputs
 */
public record Patch(String id, long record, Geometry geometry, LocalDate afterDate,
    LocalDate beforeDate, Map<String, Object> source) implements java.io.Serializable {}
