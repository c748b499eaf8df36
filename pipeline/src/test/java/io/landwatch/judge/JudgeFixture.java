package io.landwatch.judge;

import io.landwatch.config.Rules;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import io.landwatch.model.Village;
import io.landwatch.testing.AreaOracle;
import io.landwatch.testing.Geoms;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.gdal.osr.CoordinateTransformation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Builders for judge tests in EPSG:4526 around Lingchuan, with expected ellipsoidal areas of
 * rectangles computed straight from GeographicLib on the OSR-transformed corners.
 */
final class JudgeFixture {
  static final double X0 = Geoms.LINGCHUAN_X;
  static final double Y0 = Geoms.LINGCHUAN_Y;
  static final LocalDate D = LocalDate.of(2023, 5, 10);
  static final Crs GK = Crs.epsg(4526);
  static final Reprojector TO_LONLAT = Reprojector.between(GK, Crs.epsg(4490));

  private JudgeFixture() {}

  /** A rectangle given relative to the fixture origin, in metres. */
  static Polygon r(double x, double y, double w, double h) {
    return Geoms.rect(X0 + x, Y0 + y, w, h);
  }

  /** GeographicLib area of a relative rectangle, computed independently of EllipsoidalArea. */
  static double area(double x, double y, double w, double h) {
    CoordinateTransformation ct = CoordinateTransformation.CreateCoordinateTransformation(GK.srs(), Crs.epsg(4490).srs());
    double[][] pts = {{X0 + x, Y0 + y}, {X0 + x + w, Y0 + y}, {X0 + x + w, Y0 + y + h}, {X0 + x, Y0 + y + h}};
    Coordinate[] ring = new Coordinate[pts.length];
    for (int i = 0; i < pts.length; i++) {
      double[] ll = ct.TransformPoint(pts[i][0], pts[i][1]);
      ring[i] = new Coordinate(ll[0], ll[1]);
    }
    return AreaOracle.ring(ring);
  }

  static Patch patch(String id, Geometry g) {
    return new Patch(id, 0, g, D, D.minusMonths(3), Map.of());
  }

  static Approval approval(String id, Geometry g, LocalDate on, LocalDate until) {
    return new Approval(id, "approvals", 0, "农用地转用", on, until, g);
  }

  static Approval approval(String id, Geometry g) {
    return approval(id, g, D.minusYears(1), null);
  }

  static Village village(String name, String township, Geometry g) {
    return new Village(name, township, "张伟", "13900000000", 0, g, null);
  }

  static PatchResult judge(Rules rules, Patch p, List<Approval> a, List<Geometry> farm,
      List<Geometry> basic, List<Geometry> eco, List<Village> villages) {
    return new PatchJudge(rules, TO_LONLAT).judge(new PatchInputs(p, a, farm, basic, eco, villages));
  }

  static PatchResult judge(Patch p, List<Approval> a, List<Geometry> farm, List<Geometry> basic,
      List<Geometry> eco, List<Village> villages) {
    return judge(Rules.defaults(), p, a, farm, basic, eco, villages);
  }
}
