package io.landwatch.testing;

import net.sf.geographiclib.Geodesic;
import net.sf.geographiclib.PolygonArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The tests' one independent measure of areas: GeographicLib's geodesic polygon area on the
 * CGCS2000 ellipsoid, straight from lon/lat coordinates, without landwatch's EllipsoidalArea.
 */
public final class AreaOracle {
  /** CGCS2000: a = 6378137 m, 1/f = 298.257222101. */
  public static final Geodesic CGCS2000 = new Geodesic(6_378_137.0, 1 / 298.257222101);

  private AreaOracle() {}

  /** The area in m² of a lon/lat polygon or multipolygon, holes subtracted. */
  public static double of(Geometry lonLat) {
    double sum = 0;
    for (int i = 0; i < lonLat.getNumGeometries(); i++) {
      Polygon p = (Polygon) lonLat.getGeometryN(i);
      sum += ring(p.getExteriorRing().getCoordinates());
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        sum -= ring(p.getInteriorRingN(h).getCoordinates());
      }
    }
    return sum;
  }

  /** The area in m² of one closed lon/lat ring (x = lon, y = lat). */
  public static double ring(Coordinate[] cs) {
    PolygonArea pa = new PolygonArea(CGCS2000, false);
    int n = cs.length > 1 && cs[0].equals2D(cs[cs.length - 1]) ? cs.length - 1 : cs.length;
    for (int k = 0; k < n; k++) {
      pa.AddPoint(cs[k].y, cs[k].x);
    }
    return Math.abs(pa.Compute(false, true).area);
  }
}
