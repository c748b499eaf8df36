package io.landwatch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.OutputFormat;
import io.landwatch.read.LayerSource;
import io.landwatch.samples.RasterScene;
import io.landwatch.testing.Geoms;
import io.landwatch.testing.Ogr;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.util.AffineTransformation;

/** Detection on synthetic image pairs whose true changes are known. */
class ChangeDetectorTest {
  static final double X0 = Geoms.ORIGIN_X;
  static final double TOP = 3_964_000;
  static final LocalDate B = LocalDate.of(2023, 1, 15);
  static final LocalDate A = LocalDate.of(2023, 4, 20);
  @TempDir Path dir;

  static Geometry rect(double x, double y, double w, double h) {
    return Geoms.rect(X0 + x, TOP - y - h, w, h);
  }

  static double iou(Geometry a, Geometry b) {
    return a.intersection(b).getArea() / a.union(b).getArea();
  }

  private ChangeDetector.Result detect(RasterScene scene, DetectConfig cfg) {
    scene.write(dir, B, A);
    return new ChangeDetector(cfg, 60).detect(dir.resolve("before.tif"), dir.resolve("after.tif"));
  }

  /** The detected patch overlapping a true shape most. */
  private static ChangeDetector.DetectedPatch match(ChangeDetector.Result r, Geometry truth) {
    return r.patches().stream().filter(p -> p.geometry().intersects(truth))
        .max((p, q) -> Double.compare(iou(p.geometry(), truth), iou(q.geometry(), truth))).orElseThrow(
            () -> new AssertionError("no patch found for " + truth));
  }

  @Test
  void findsRectanglesAndIrregularShapesWithHighIoU() {
    Geometry r1 = rect(300, 300, 200, 120);
    Geometry circle = Geoms.GF.createPoint(new Coordinate(X0 + 1200, TOP - 700)).buffer(130, 24);
    Geometry rotated = AffineTransformation.rotationInstance(0.5, X0 + 700, TOP - 1300).transform(rect(600, 1250, 260, 90));
    Geometry lake = rect(1500, 200, 150, 150);
    RasterScene scene = new RasterScene(200, 200, 10, X0, TOP, 4526, List.of(
        new RasterScene.Change(r1, ChangeType.CONSTRUCTION),
        new RasterScene.Change(circle, ChangeType.VEGETATION_LOSS),
        new RasterScene.Change(rotated, ChangeType.VEGETATION_LOSS),
        new RasterScene.Change(lake, ChangeType.LAND_TO_WATER)), 0.05, null, null, 1);
    DetectConfig cfg = new DetectConfig(1, 2, 3, 0, 0.25, 0.10, 0.20, 0.30, 1, 400, false, "140524", null, null, null, 1024);
    ChangeDetector.Result r = detect(scene, cfg);
    assertEquals(4, r.patches().size(), r.patches().toString());
    assertEquals(B, r.before());
    assertEquals(A, r.after());
    assertEquals(4526, r.crs().epsgCode());
    ChangeDetector.DetectedPatch p1 = match(r, r1);
    assertEquals(ChangeType.CONSTRUCTION, p1.type());
    assertEquals(1.0, iou(p1.geometry(), r1), 1e-9, "a pixel-aligned rectangle comes back exactly");
    assertEquals(240, p1.pixels());
    assertTrue(iou(match(r, circle).geometry(), circle) >= 0.9);
    assertTrue(iou(match(r, rotated).geometry(), rotated) >= 0.9, "rotated " + iou(match(r, rotated).geometry(), rotated));
    assertEquals(ChangeType.LAND_TO_WATER, match(r, lake).type());
    assertTrue(match(r, circle).meanDeltaNdvi() < -0.4);
    assertTrue(r.patches().get(0).id().matches("14052420230\\d{3}"));
    double planar = r1.getArea();
    assertTrue(p1.areaM2() < planar && p1.areaM2() > planar * 0.9998, "ellipsoidal area " + p1.areaM2());
  }

  @Test
  void noiseAloneGivesNoPatch() {
    RasterScene scene = new RasterScene(300, 300, 10, X0, TOP, 4526, List.of(), 0.05, null, null, 2);
    assertEquals(List.of(), detect(scene, DetectConfig.defaults().withDates(null, null)).patches());
  }

  @Test
  void nodataAndMaskedPixelsNeverChange() {
    Geometry inHole = rect(200, 200, 150, 150);
    Geometry underCloud = rect(1200, 1200, 150, 150);
    Geometry visible = rect(1200, 300, 150, 150);
    RasterScene scene = new RasterScene(200, 200, 10, X0, TOP, 4526, List.of(
        new RasterScene.Change(inHole, ChangeType.CONSTRUCTION),
        new RasterScene.Change(underCloud, ChangeType.CONSTRUCTION),
        new RasterScene.Change(visible, ChangeType.CONSTRUCTION)), 0.05,
        rect(100, 100, 400, 400), rect(1100, 1100, 400, 400), 3);
    ChangeDetector.Result r = detect(scene, DetectConfig.defaults().withMask(dir.resolve("mask.tif")));
    assertEquals(1, r.patches().size(), r.patches().toString());
    assertEquals(1.0, iou(r.patches().get(0).geometry(), visible), 1e-9);
  }

  @Test
  void aChangeAcrossBlockEdgesIsOnePatch() {
    Geometry big = rect(250, 250, 700, 430); // crosses several 32-pixel blocks
    RasterScene scene = new RasterScene(160, 160, 10, X0, TOP, 4526, List.of(
        new RasterScene.Change(big, ChangeType.VEGETATION_LOSS)), 0.05, null, null, 4);
    ChangeDetector.Result r = detect(scene, DetectConfig.defaults().withBlockSize(32));
    assertEquals(1, r.patches().size());
    assertEquals(1.0, iou(r.patches().get(0).geometry(), big), 1e-9);
  }

  @Test
  void beforeImageOnAnotherGridIsWarpedAndFindsTheSamePatches() throws Exception {
    Geometry r1 = rect(300, 300, 300, 200);
    Geometry r2 = rect(1100, 1000, 250, 250);
    List<RasterScene.Change> changes = List.of(new RasterScene.Change(r1, ChangeType.CONSTRUCTION),
        new RasterScene.Change(r2, ChangeType.VEGETATION_LOSS));
    RasterScene scene = new RasterScene(200, 200, 10, X0, TOP, 4526, changes, 0.03, null, null, 5);
    scene.write(dir, B, A);
    // The before image again, reprojected to CGCS2000 lon/lat at a coarser resolution.
    Path before4490 = dir.resolve("before-4490.tif");
    Ogr.run("gdalwarp", "-q", "-t_srs", "EPSG:4490", "-tr", "0.00015", "0.00015", "-r", "bilinear",
        dir.resolve("before.tif").toString(), before4490.toString());
    ChangeDetector.Result r = new ChangeDetector(DetectConfig.defaults(), 60).detect(before4490, dir.resolve("after.tif"));
    assertTrue(r.warped());
    assertEquals(2, r.patches().size(), r.patches().toString());
    assertTrue(iou(match(r, r1).geometry(), r1) >= 0.9);
    assertTrue(iou(match(r, r2).geometry(), r2) >= 0.9);
    assertEquals(4526, r.crs().epsgCode());
  }

  @Test
  void outputIsAPatchesLayerAJobCanRead() throws Exception {
    RasterScene scene = new RasterScene(100, 100, 10, X0, TOP, 4526, List.of(
        new RasterScene.Change(rect(200, 200, 200, 200), ChangeType.CONSTRUCTION)), 0.05, null, null, 6);
    DetectConfig d = DetectConfig.defaults();
    ChangeDetector.Result r = detect(scene, new DetectConfig(d.red(), d.nir(), 0, 0, d.ndviDrop(), d.brightnessIncrease(),
        d.bareNdviMax(), d.waterChange(), 1, 400, true, "140524", null, null, null, 1024));
    for (String ext : List.of("gpkg", "shp", "gdb", "geojson")) {
      Path out = dir.resolve("detected." + ext);
      DetectedPatchWriter.write(out, OutputFormat.ofPath(out), r, "140524");
      assertEquals(1, r.patches().size(), r.patches().toString());
      String info = Ogr.run("ogrinfo", "-al", "-q", out.toString());
      assertTrue(info.contains("JCBH (String) = 140524" + "2023" + "0001"), ext + ": " + info);
      // GeoJSON readers turn ISO date strings into dates; landwatch reads both
      assertTrue(info.contains("HSX (String) = 2023-04-20") && info.contains("QSX (String) = 2023-01-15")
          || info.contains("HSX (Date) = 2023/04/20") && info.contains("QSX (Date) = 2023/01/15"), info);
      String so = Ogr.run("ogrinfo", "-so", "-al", out.toString());
      assertTrue(so.contains("CGCS2000 / 3-degree Gauss-Kruger zone 38") || so.contains("CGCS2000_3_Degree_GK_Zone_38"),
          "CRS of " + ext + " " + so.replaceAll("[^\\x20-\\x7e\\n]", "?"));
      try (var src = LayerSource.open("check", out, null, null, null, null)) {
        assertEquals(4526, src.requireCrs().epsgCode(), ext);
        assertEquals(1, src.featureCount());
      }
    }
  }
}
