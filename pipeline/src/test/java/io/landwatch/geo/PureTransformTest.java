package io.landwatch.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.SplittableRandom;
import org.gdal.osr.CoordinateTransformation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;

/** The pure-Java transverse Mercator against GDAL/PROJ, point by point and by area. */
class PureTransformTest {

  /** Random points across a zone (±3.5° of its meridian, 18–53° N): forward and inverse as GDAL's to 1 µm / 1e-11°. */
  @ParameterizedTest(name = "EPSG:{0}")
  @ValueSource(ints = {4526, 4540, 4513, 4554, 32650, 4547})
  void sameAsGdalAcrossTheZone(int epsg) {
    Crs lonLat = Crs.epsg(Crs.CGCS2000);
    Crs tm = Crs.epsg(epsg);
    PureTransform fwd = PureTransform.between(lonLat, tm);
    PureTransform inv = PureTransform.between(tm, lonLat);
    assertNotNull(fwd, "forward accepted");
    assertNotNull(inv, "inverse accepted");
    double lon0 = tm.srs().GetProjParm("central_meridian");
    CoordinateTransformation gf = CoordinateTransformation.CreateCoordinateTransformation(lonLat.srs(), tm.srs());
    CoordinateTransformation gi = CoordinateTransformation.CreateCoordinateTransformation(tm.srs(), lonLat.srs());
    SplittableRandom r = new SplittableRandom(epsg);
    double worstM = 0;
    double worstDeg = 0;
    for (int i = 0; i < 5000; i++) {
      double lon = lon0 + r.nextDouble(-3.5, 3.5);
      double lat = r.nextDouble(18, 53);
      double[] p = {lon, lat};
      fwd.transform(p);
      double[] g = gf.TransformPoint(lon, lat);
      worstM = Math.max(worstM, Math.max(Math.abs(p[0] - g[0]), Math.abs(p[1] - g[1])));
      double[] back = {g[0], g[1]};
      inv.transform(back);
      double[] gb = gi.TransformPoint(g[0], g[1]);
      worstDeg = Math.max(worstDeg, Math.max(Math.abs(back[0] - gb[0]), Math.abs(back[1] - gb[1])));
      assertEquals(lon, back[0], 1e-11);
      assertEquals(lat, back[1], 1e-11);
    }
    gf.delete();
    gi.delete();
    assertTrue(worstM < 1e-6, "forward differs from GDAL by " + worstM + " m");
    assertTrue(worstDeg < 1e-11, "inverse differs from GDAL by " + worstDeg + "°");
  }

  /** A zone-to-zone transformation (through lon/lat) and GK ↔ WGS 84 lon/lat (PROJ's null shift) are pure too. */
  @Test
  void zoneToZoneAndWgs84() {
    assertNotNull(PureTransform.between(Crs.epsg(4526), Crs.epsg(4527)));
    assertNotNull(PureTransform.between(Crs.epsg(4526), Crs.epsg(4326)));
    PureTransform same = PureTransform.between(Crs.epsg(4326), Crs.epsg(4490));
    assertNotNull(same);
    assertTrue(same.isIdentity());
  }

  /** Other projections stay with GDAL; so does a datum PROJ shifts. */
  @Test
  void othersStayWithGdal() {
    assertNull(PureTransform.between(Crs.epsg(4490), Crs.epsg(3857)));
    assertNull(PureTransform.between(Crs.epsg(4490), Crs.epsg(3415)));
    assertNull(PureTransform.between(Crs.parse("+proj=tmerc +lon_0=114 +x_0=500000 +ellps=GRS80 +towgs84=100,50,20 +units=m",
        "test"), Crs.epsg(4326)));
    assertSame(PureTransform.between(Crs.epsg(4526), Crs.epsg(4490)), PureTransform.between(Crs.epsg(4526), Crs.epsg(4490)));
  }

  /** A 31 ha parcel's ellipsoidal area from the pure transform equals the one through GDAL to 1e-4 m²; the transform survives serialization. */
  @Test
  void areaAsThroughGdalAndSerializable() throws Exception {
    Geometry parcel = new WKTReader().read("POLYGON ((38512345.5 3987654.25, 38512845.5 3987654.25,"
        + " 38512845.5 3988154.25, 38512600 3988400, 38512345.5 3988154.25, 38512345.5 3987654.25))");
    Reprojector gdal = Reprojector.between(Crs.epsg(4526), Crs.epsg(4490));
    assertTrue(gdal.isPure());
    CoordinateTransformation ct = gdal.osr();
    Geometry viaGdal = parcel.copy();
    viaGdal.apply((org.locationtech.jts.geom.CoordinateFilter) c -> {
      double[] p = ct.TransformPoint(c.x, c.y);
      c.x = p[0];
      c.y = p[1];
    });
    viaGdal.geometryChanged();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(gdal.portable());
    }
    GeometryTransform shipped;
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      shipped = (GeometryTransform) in.readObject();
    }
    double a = EllipsoidalArea.of(viaGdal);
    assertEquals(a, EllipsoidalArea.of(shipped.apply(parcel)), 1e-4);
    assertEquals(a, EllipsoidalArea.of(gdal.apply(parcel)), 1e-4);
  }
}
