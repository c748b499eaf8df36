package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.AreaOracle;
import io.landwatch.testing.Ogr;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.io.WKTReader;

/**
 * Outlines measured in the field, from the files field apps export (GeoJSON, KML, GPX track,
 * Shapefile in the county's projected CRS): the case is re-judged on the outline (a smaller one
 * lowers the areas and drops the referral flag), both outlines are kept, the history shows both
 * judgments, and later runs leave the measured judgment alone. Photos may come as a zip.
 */
class MeasuredOutlineTest {
  @TempDir static Path root;
  static CountyCopy c;

  @BeforeAll
  static void county() {
    Path base = root.resolve("base");
    SampleCounty.write(base, 11, 1);
    c = CountyCopy.of(base, root.resolve("county"));
    assertEquals(0, c.run().exit());
  }

  static String sql(String q) {
    return CountyCopy.sql(c.file("landwatch.gpkg"), q);
  }

  /** Referral cases, largest first: id, task point lon, lat. */
  static List<String[]> referralCases() {
    return sql("SELECT c.case_id, t.lon, t.lat FROM cases c JOIN tasks t ON t.case_id = c.case_id WHERE c.referral = 1"
        + " ORDER BY c.area_m2 DESC").lines().map(l -> l.split("\\|")).toList();
  }

  static String square(double lon, double lat, double m) {
    return LeadsTest.square(new Coordinate(lon, lat), m);
  }

  static CliRunner.Outcome importFile(Path f) {
    return CliRunner.run("-q", "feedback", "import", f.toString(), "--job", c.file("job.yaml").toString(),
        "--today", "2023-09-10");
  }

  @Test
  void aSmallerOutlineLowersTheAreasAndDropsTheReferral() throws Exception {
    List<String[]> cases = referralCases();
    assertTrue(cases.size() >= 4, "referral cases: " + cases.size());
    String[] k = cases.get(0);
    double lon = Double.parseDouble(k[1]);
    double lat = Double.parseDouble(k[2]);
    String before = sql("SELECT area_m2, referral, ST_Area(geom) FROM cases WHERE case_id = '" + k[0] + "'");
    String wkt = square(lon, lat, 20);
    Path gj = Ogr.geojson(c.file("measured.geojson"), null, Ogr.feature("{}", LeadsTest.toGeoJson(wkt)));
    Path fb = c.file("fb-outline.csv");
    Files.writeString(fb, "任务编号,核查结果,处置措施,核查日期,核查人,实测范围\n"
        + "T" + k[0] + ",违法,已制止,2023-09-03,王芳,measured.geojson\n", StandardCharsets.UTF_8);
    CliRunner.Outcome o = importFile(fb);
    assertEquals(0, o.exit(), o.out() + o.err());
    String[] after = sql("SELECT area_m2, referral, measured_m2, ST_Area(geom), status FROM cases WHERE case_id = '"
        + k[0] + "'").split("\\|");
    double oracle = AreaOracle.of(new WKTReader().read(wkt));
    assertEquals(oracle, Double.parseDouble(after[0]), 0.006, "the case's area is the outline's");
    assertEquals(after[0], after[2]);
    assertEquals("0", after[1], "400 m² cannot be a referral");
    assertEquals(before.split("\\|")[2], after[3], "the patch's outline stays on the case");
    assertEquals("stopped", after[4]);
    String[] kept = sql("SELECT area_m2, referral, source_file, ST_Area(geom) > 0 FROM outlines WHERE case_id = '"
        + k[0] + "'").split("\\|");
    assertEquals(List.of(after[0], "0", "measured.geojson", "1"), List.of(kept));
    String note = sql("SELECT note FROM history WHERE case_id = '" + k[0] + "' AND note LIKE 'measured outline%'");
    double patchArea = Double.parseDouble(before.split("\\|")[0]);
    assertTrue(note.startsWith(String.format(Locale.ROOT, "measured outline measured.geojson (2023-09-03): area %.2f → %s m²",
        patchArea, after[0])) && note.contains("referral yes → no"), note);
    String mu = sql("SELECT area_mu FROM tasks WHERE case_id = '" + k[0] + "'");
    assertEquals(oracle / 666.6666667, Double.parseDouble(mu), 0.0001, "the task's areas follow");

    // the next nightly run does not overwrite the measurement with the satellite patch
    assertEquals(0, c.run().exit());
    assertEquals(after[0], sql("SELECT area_m2 FROM cases WHERE case_id = '" + k[0] + "'"));
    // importing the file again changes nothing
    o = importFile(fb);
    assertTrue(o.out().contains("0 rows applied, 1 already applied"), o.out());
    assertEquals("1", sql("SELECT COUNT(*) FROM outlines WHERE case_id = '" + k[0] + "'"));
  }

  @Test
  void kmlGpxAndShapefileOutlinesAndAZipOfPhotos() throws Exception {
    List<String[]> cases = referralCases();
    String[] a = cases.get(1);
    String[] b = cases.get(2);
    String[] d = cases.get(3);
    double[] pa = {Double.parseDouble(a[1]), Double.parseDouble(a[2])};
    double[] pb = {Double.parseDouble(b[1]), Double.parseDouble(b[2])};
    double[] pd = {Double.parseDouble(d[1]), Double.parseDouble(d[2])};
    // KML polygon (ogr2ogr writes it)
    Path src = Ogr.geojson(c.file("kml-src.geojson"), null, Ogr.feature("{\"Name\":\"site\"}",
        LeadsTest.toGeoJson(square(pa[0], pa[1], 24))));
    Ogr.ogr2ogr("-f", "KML", c.file("site-a.kml").toString(), src.toString());
    // GPX track walked around the site, as a GPS app records it (not closed: the ring is closed on import)
    double dx = 15 / (111_320 * Math.cos(Math.toRadians(pb[1])));
    double dy = 15 / 110_574.0;
    Files.writeString(c.file("site-b.gpx"), String.format(Locale.ROOT, """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="field app" xmlns="http://www.topografix.com/GPX/1/1">
          <trk><name>walk</name><trkseg>
            <trkpt lat="%.9f" lon="%.9f"><time>2023-09-03T02:00:00Z</time></trkpt>
            <trkpt lat="%.9f" lon="%.9f"><time>2023-09-03T02:01:00Z</time></trkpt>
            <trkpt lat="%.9f" lon="%.9f"><time>2023-09-03T02:02:00Z</time></trkpt>
            <trkpt lat="%.9f" lon="%.9f"><time>2023-09-03T02:03:00Z</time></trkpt>
          </trkseg></trk>
        </gpx>
        """, pb[1] - dy, pb[0] - dx, pb[1] - dy, pb[0] + dx, pb[1] + dy, pb[0] + dx, pb[1] + dy, pb[0] - dx));
    String gpxSquare = String.format(Locale.ROOT, "POLYGON ((%.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f))",
        pb[0] - dx, pb[1] - dy, pb[0] + dx, pb[1] - dy, pb[0] + dx, pb[1] + dy, pb[0] - dx, pb[1] + dy, pb[0] - dx, pb[1] - dy);
    // Shapefile in EPSG:4526 with its .prj
    Path shpSrc = Ogr.geojson(c.file("shp-src.geojson"), null, Ogr.feature("{\"n\":1}",
        LeadsTest.toGeoJson(square(pd[0], pd[1], 26))));
    Ogr.ogr2ogr("-f", "ESRI Shapefile", "-t_srs", "EPSG:4526", c.file("site-d.shp").toString(), shpSrc.toString());
    // two photos on the site of a, zipped in folders as a phone shares them
    Path p1 = EvidenceTest.jpeg(c.file("p1.jpg"), pa[0], pa[1], LocalDateTime.of(2023, 9, 3, 10, 0), 50);
    Path p2 = EvidenceTest.jpeg(c.file("p2.jpg"), pa[0], pa[1], LocalDateTime.of(2023, 9, 3, 10, 5), 90);
    try (OutputStream os = Files.newOutputStream(c.file("photos.zip")); ZipOutputStream z = new ZipOutputStream(os)) {
      for (Path p : List.of(p1, p2)) {
        z.putNextEntry(new ZipEntry("DCIM/100/" + p.getFileName()));
        z.write(Files.readAllBytes(p));
        z.closeEntry();
      }
      z.putNextEntry(new ZipEntry("notes.txt"));
      z.write("not a photo".getBytes(StandardCharsets.UTF_8));
      z.closeEntry();
    }
    Path fb = c.file("fb-formats.csv");
    Files.writeString(fb, "task_id,result,action,checked_on,inspector,outline,photos\n"
        + "T" + a[0] + ",illegal,stopped,2023-09-03,王芳,site-a.kml,photos.zip\n"
        + "T" + b[0] + ",illegal,stopped,2023-09-03,王芳,site-b.gpx,\n"
        + "T" + d[0] + ",illegal,stopped,2023-09-03,王芳,site-d.shp,\n", StandardCharsets.UTF_8);
    CliRunner.Outcome o = importFile(fb);
    assertEquals(0, o.exit(), o.out() + o.err());
    double[] expected = {AreaOracle.of(new WKTReader().read(square(pa[0], pa[1], 24))),
        AreaOracle.of(new WKTReader().read(gpxSquare)), AreaOracle.of(new WKTReader().read(square(pd[0], pd[1], 26)))};
    String[] ids = {a[0], b[0], d[0]};
    for (int i = 0; i < 3; i++) {
      double got = Double.parseDouble(sql("SELECT measured_m2 FROM cases WHERE case_id = '" + ids[i] + "'"));
      assertEquals(expected[i], got, i == 2 ? 0.05 : 0.006, "outline " + i + " of case " + ids[i]);
    }
    assertEquals("2", sql("SELECT COUNT(*) FROM evidence WHERE case_id = '" + a[0] + "' AND flags IS NULL"),
        "both photos of the zip, on the site, after the task; the text file skipped");
  }

  @Test
  void anOutlineWithoutTheJobOrWithoutAnAreaIsRejected() throws Exception {
    String[] k = referralCases().get(5);
    Files.writeString(c.file("line.geojson"), "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\","
        + "\"properties\":{},\"geometry\":{\"type\":\"Point\",\"coordinates\":[" + k[1] + "," + k[2] + "]}}]}");
    Path fb = c.file("fb-bad.csv");
    Files.writeString(fb, "task_id,result,action,checked_on,outline\nT" + k[0] + ",illegal,none,2023-09-03,line.geojson\n");
    CliRunner.Outcome o = importFile(fb);
    assertEquals(8, o.exit(), o.out());
    assertTrue(o.out().contains("measured outline line.geojson: the outline line.geojson holds no polygon"), o.out());
    Ogr.geojson(c.file("ok.geojson"), null, Ogr.feature("{}", LeadsTest.toGeoJson(square(Double.parseDouble(k[1]),
        Double.parseDouble(k[2]), 20))));
    Files.writeString(fb, "task_id,result,action,checked_on,outline\nT" + k[0] + ",illegal,none,2023-09-03,ok.geojson\n");
    o = CliRunner.run("-q", "feedback", "import", fb.toString(), "--store", c.file("landwatch.gpkg").toString(),
        "--today", "2023-09-10");
    assertEquals(8, o.exit(), o.out());
    assertTrue(o.out().contains("a measured outline is judged against the job's layers: import with --job"), o.out());
    CountyCopy.assertReadable(o);
  }
}
