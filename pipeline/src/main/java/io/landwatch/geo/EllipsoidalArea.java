package io.landwatch.geo;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryCollection;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Ellipsoidal (geodesic) polygon area on the CGCS2000 ellipsoid, as official land statistics
 * report it: vertices in lon/lat, geodesic edges, computed with GeographicLib.
 */
public final class EllipsoidalArea {
  /** CGCS2000: a = 6378137 m, 1/f = 298.257222101 (the GRS 1980 values). */
  public static final Geodesic CGCS2000 = new Geodesic(6378137.0, 1 / 298.257222101);

  private EllipsoidalArea() {}

  /** Area in m² of a polygonal geometry whose coordinates are lon (x), lat (y) in degrees. */
  public static double of(Geometry lonLat) {
    if (lonLat instanceof Polygon p) {
      return polygon(p);
    }
    double sum = 0;
    if (lonLat instanceof GeometryCollection) {
      for (int i = 0; i < lonLat.getNumGeometries(); i++) {
        sum += of(lonLat.getGeometryN(i));
      }
    }
    return sum;
  }

  private static double polygon(Polygon p) {
    if (p.isEmpty()) {
      return 0;
    }
    double a = ring(p.getExteriorRing());
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      a -= ring(p.getInteriorRingN(i));
    }
    return a;
  }

  private static double ring(LinearRing r) {
    PolygonArea pa = new PolygonArea(CGCS2000, false);
    Coordinate[] cs = r.getCoordinates();
    for (int i = 0; i < cs.length - 1; i++) {
      pa.AddPoint(cs[i].y, cs[i].x);
    }
    return Math.abs(pa.Compute(false, true).area);
  }
}
