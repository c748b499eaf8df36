/**
 * Coordinates and measures, the bottom of the geometry stack: GDAL natives ({@link io.landwatch.geo.Gdal}),
 * CRSs identified by EPSG code ({@link io.landwatch.geo.Crs}, {@link io.landwatch.geo.CrsIdentifier}),
 * where a CRS&#39;s coordinates can lie ({@link io.landwatch.geo.CoordinateBounds}), reprojection in
 * traditional GIS axis order ({@link io.landwatch.geo.Reprojector}), the working CRS of an overlay,
 * ellipsoidal areas on CGCS2000 ({@link io.landwatch.geo.EllipsoidalArea}), units and rounding
 * (m², 亩, ha) and GCJ-02. Guarantees: areas are geodesic on the CGCS2000 ellipsoid to 0.01 m².
 */
package io.landwatch.geo;

