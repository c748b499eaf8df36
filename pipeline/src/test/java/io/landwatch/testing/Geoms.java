package io.landwatch.testing;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/** Geometry builders and normalized comparisons for tests. */
public final class Geoms {
  public static final GeometryFactory GF = new GeometryFactory();

  /**
   * The south-west corner of the tests' area in Lingchuan county, EPSG:4526 (CGCS2000
   * Gauss-Krüger zone 38, x with the zone prefix), about 70 km west of the zone meridian.
   */
  public static final double ORIGIN_X = 38_430_000;
  public static final double ORIGIN_Y = 3_955_000;

  /** A point 5 km into that area, where the judge and store tests place their rectangles. */
  public static final double LINGCHUAN_X = ORIGIN_X + 5_000;
  public static final double LINGCHUAN_Y = ORIGIN_Y + 5_000;

  private Geoms() {}

  public static Polygon rect(double x, double y, double w, double h) {
    return GF.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + w, y),
        new Coordinate(x + w, y + h), new Coordinate(x, y + h), new Coordinate(x, y)});
  }

  public static Geometry wkt(String wkt) {
    try {
      return new WKTReader(GF).read(wkt);
    } catch (ParseException e) {
      throw new IllegalArgumentException(wkt, e);
    }
  }

  /** True when the two geometries cover the same points (symmetric difference area below tol). */
  public static boolean sameArea(Geometry a, Geometry b, double tol) {
    return a.symDifference(b).getArea() <= tol;
  }
}
