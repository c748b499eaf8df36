package io.landwatch.store;

import org.locationtech.jts.geom.Geometry;

/**
 * A case of the store: one suspected occupation followed until it is closed.
 *
 * @param fid the row id in the store
 * @param caseId stable id (the patch id that opened it)
 * @param patchId the latest patch id judged into it
 * @param status open, checked, stopped, rectifying, closed
 * @param expanded reopened because the patch grew
 * @param areaM2 ellipsoidal area of the latest patch
 * @param geometry the latest patch, CGCS2000 lon/lat
 */
public record CaseRow(long fid, String caseId, String patchId, String status, boolean expanded,
    double areaM2, Geometry geometry) {}
