package io.landwatch.geo;

import org.locationtech.jts.geom.Geometry;

/** Moves a geometry from one CRS to another; what the judge needs of a reprojection. */
@FunctionalInterface
public interface GeometryTransform {
  /** A transformed copy (or the geometry itself when nothing changes). */
  Geometry apply(Geometry g);
}
