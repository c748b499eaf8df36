package io.landwatch.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.geo.Gdal;
import io.landwatch.testing.Geoms;
import org.gdal.ogr.ogr;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;

/** Repairs keep every square metre; what cannot be a polygon is rejected with a reason. */
class GeometryPreparerTest {
  final GeometryPreparer prep = new GeometryPreparer();
  final RepairReport repairs = new RepairReport();

  @BeforeAll
  static void gdal() {
    Gdal.init();
  }

  private Geometry prepared(GeometryPreparer.Result r) {
    return assertInstanceOf(GeometryPreparer.Prepared.class, r).geometry();
  }

  private GeometryPreparer.Rejected rejected(GeometryPreparer.Result r) {
    return assertInstanceOf(GeometryPreparer.Rejected.class, r);
  }

  /**
   * Found by fuzzing the CSV/WKT reader: a tangled ring whose GeometryFixer result still had two
   * nearly coincident crossing edges. The repaired geometry must be valid and keep the area.
   */
  @Test
  void aTangleGeometryFixerLeavesInvalidIsDissolved() {
    String wkt = "POLYGON ((38440001 2960001, 38440100 3960000, 38440000 3960100, 38440101 3960000,"
        + " 38440100 3960000, 38440000 3960100, 38440100 3960100, 38440001 2960001))";
    var r = prep.prepare(ogr.CreateGeometryFromWkt(wkt), null, "fuzz", repairs);
    Geometry g = prepared(r);
    assertTrue(g.isValid(), g.toText());
    Geometry fixed = org.locationtech.jts.geom.util.GeometryFixer.fix(Geoms.wkt(wkt));
    assertEquals(fixed.getArea(), g.getArea(), 1e-3 * fixed.getArea(), "no area lost beyond the fix itself");
  }

  @Test
  void bowTieKeepsBothLobes() {
    // Two triangles meeting at (40, 30): each lobe is 80 × 30 / 2 = 1200 m².
    Geometry bowTie = Geoms.wkt("POLYGON((0 0, 80 60, 80 0, 0 60, 0 0))");
    Geometry g = prepared(prep.fromJts(bowTie, "patches", repairs));
    assertTrue(g.isValid());
    assertEquals(2, g.getNumGeometries());
    assertEquals(2400.0, g.getArea(), 1e-9);
    assertEquals(1, repairs.get("patches", "self_intersection_split"));
  }

  @Test
  void overlappingPartsAreUnionedNotSummed() {
    Geometry mp = Geoms.wkt("MULTIPOLYGON(((0 0,60 0,60 40,0 40,0 0)),((30 20,90 20,90 60,30 60,30 20)))");
    Geometry g = prepared(prep.fromJts(mp, "farmland", repairs));
    assertTrue(g.isValid());
    // 2400 + 2400 − overlap 30 × 20
    assertEquals(4200.0, g.getArea(), 1e-9);
    assertTrue(Geoms.sameArea(g, Geoms.rect(0, 0, 60, 40).union(Geoms.rect(30, 20, 60, 40)), 1e-9));
    assertEquals(1, repairs.get("farmland", "overlapping_parts_unioned"));
  }

  @Test
  void validPolygonPassesUntouched() {
    Geometry r = Geoms.wkt("POLYGON((0 0,10 0,10 10,0 10,0 0),(2 2,2 4,4 4,4 2,2 2))");
    assertEquals(r, prepared(prep.fromJts(r, "x", repairs)));
    assertTrue(repairs.table().isEmpty());
  }

  @Test
  void polygonsOfAMixedCollectionAreKept() {
    Geometry gc = Geoms.wkt("GEOMETRYCOLLECTION(POLYGON((0 0,10 0,10 10,0 10,0 0)), LINESTRING(20 20, 30 30))");
    assertEquals(100.0, prepared(prep.fromJts(gc, "x", repairs)).getArea(), 1e-12);
    assertEquals(1, repairs.get("x", "non_polygon_parts_dropped"));
  }

  @Test
  void rejectionReasons() {
    assertEquals("not_polygonal", rejected(prep.fromJts(Geoms.wkt("POINT(1 2)"), "x", repairs)).category());
    assertEquals("not_polygonal", rejected(prep.fromJts(Geoms.wkt("LINESTRING(0 0,1 1)"), "x", repairs)).category());
    assertEquals("empty_geometry", rejected(prep.fromJts(Geoms.wkt("POLYGON EMPTY"), "x", repairs)).category());
    assertEquals("collapsed_by_repair",
        rejected(prep.fromJts(Geoms.wkt("POLYGON((0 0,10 0,20 0,0 0))"), "x", repairs)).category());
    assertEquals("null_geometry", rejected(prep.prepare(null, null, "x", repairs)).category());
    assertEquals("empty_geometry",
        rejected(prep.prepare(ogr.CreateGeometryFromWkt("POLYGON EMPTY"), null, "x", repairs)).category());
  }

  @Test
  void zIsDroppedAndCurvesLinearized() {
    Geometry g = prepared(prep.prepare(ogr.CreateGeometryFromWkt(
        "POLYGON Z((0 0 5,10 0 5,10 10 6,0 10 5,0 0 5))"), null, "x", repairs));
    assertEquals(100.0, g.getArea(), 1e-12);
    assertTrue(Double.isNaN(g.getCoordinate().getZ()));
    assertEquals(1, repairs.get("x", "forced_2d"));
    Geometry circle = prepared(prep.prepare(ogr.CreateGeometryFromWkt(
        "CURVEPOLYGON(CIRCULARSTRING(0 0,20 0,0 0))"), null, "x", repairs));
    assertEquals(Math.PI * 100, circle.getArea(), 1.0);
    assertEquals(1, repairs.get("x", "curves_linearized"));
  }
}
