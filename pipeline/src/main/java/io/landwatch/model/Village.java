package io.landwatch.model;

import org.locationtech.jts.geom.Geometry;

/**
 * A village grid cell (村) with its township (乡镇) and grid inspector.
 *
 * @param village village name
 * @param township township name
 * @param inspector grid inspector (网格员), or null
 * @param phone inspector's phone, or null
 * @param record the source record number
 * @param geometry repaired geometry in the working CRS
 * @param office the village office {lon, lat} in CGCS2000 degrees where patrols start, or null
 */
public record Village(String village, String township, String inspector, String phone, long record,
    Geometry geometry, double[] office) implements java.io.Serializable {}
