package io.landwatch.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.landwatch.geo.EllipsoidalArea;
import io.landwatch.testing.Geoms;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Ellipsoidal areas against closed-form values on the CGCS2000 (GRS 1980) ellipsoid. */
class EllipsoidalAreaTest {
  static final double A = 6378137.0;
  static final double F = 1 / 298.257222101;
  static final double E2 = F * (2 - F);
  static final double E = Math.sqrt(E2);

  /** Area of the ellipsoid between two parallels over dLon degrees (authalic formula). */
  static double band(double lat1, double lat2, double dLonDeg) {
    double b2 = A * A * (1 - E2);
    return Math.toRadians(dLonDeg) * b2 / 2 * (q(Math.toRadians(lat2)) - q(Math.toRadians(lat1)));
  }

  private static double q(double phi) {
    double s = Math.sin(phi);
    return s / (1 - E2 * s * s) + Math.log((1 + E * s) / (1 - E * s)) / (2 * E);
  }

  @Test
  void smallCellMatchesTheClosedForm() {
    // A 0.001° × 0.001° cell at Lingchuan (≈ 9 040 m²). Its north and south edges are parallels in
    // the formula and geodesics here: they differ by far less than 1 cm² at this size.
    Geometry cell = Geoms.rect(113.3, 35.7, 0.001, 0.001);
    assertEquals(band(35.7, 35.701, 0.001), EllipsoidalArea.of(cell), 1e-4);
  }

  @Test
  void holesAndPartsAreAccounted() {
    Geometry withHole = Geoms.wkt("POLYGON((113.3 35.7,113.302 35.7,113.302 35.702,113.3 35.702,113.3 35.7),"
        + "(113.3005 35.7005,113.3005 35.7015,113.3015 35.7015,113.3015 35.7005,113.3005 35.7005))");
    double expected = band(35.7, 35.702, 0.002) - band(35.7005, 35.7015, 0.001);
    assertEquals(expected, EllipsoidalArea.of(withHole), 1e-3);
    Geometry two = Geoms.wkt("MULTIPOLYGON(((113.3 35.7,113.301 35.7,113.301 35.701,113.3 35.701,113.3 35.7)),"
        + "((113.31 35.7,113.311 35.7,113.311 35.701,113.31 35.701,113.31 35.7)))");
    assertEquals(2 * band(35.7, 35.701, 0.001), EllipsoidalArea.of(two), 1e-4);
  }

  @Test
  void orientationDoesNotMatter() {
    Geometry cw = Geoms.wkt("POLYGON((113.3 35.7,113.3 35.701,113.301 35.701,113.301 35.7,113.3 35.7))");
    assertEquals(band(35.7, 35.701, 0.001), EllipsoidalArea.of(cw), 1e-4);
  }
}
