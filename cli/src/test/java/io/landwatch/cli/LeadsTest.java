package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.AreaOracle;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.index.strtree.STRtree;
import org.locationtech.jts.io.WKTReader;

/**
 * Leads from the six channels, in every file form (CSV with lon/lat or WKT, XLSX, GeoJSON,
 * GeoPackage in a projected CRS, KML), points and polygons, CGCS2000 and GCJ-02: each opens the
 * right case or attaches to the one it falls on; a point in basic farmland gets a P1 verification
 * task; the reporter's contact reaches no output; importing again changes nothing. Places are
 * picked from the county's own layers with GDAL, not with landwatch.
 */
class LeadsTest {
  static final String PHONE = "13912345678";
  @TempDir static Path root;
  static Path base;
  static CountyCopy c;
  /** Points on basic farmland off every patch and approval, CGCS2000 lon/lat. */
  static List<Coordinate> basic;
  /** Cases of the first run: id, outline (lon/lat), task point. */
  static List<List<String>> tasks;

  @BeforeAll
  static void county() throws Exception {
    base = root.resolve("base");
    SampleCounty.write(base, 11, 1);
    c = CountyCopy.of(base, root.resolve("county"));
    assertEquals(0, c.run().exit());
    tasks = Csv.read(c.out().resolve("tasks.csv"));
    basic = freeBasicFarmland();
  }

  static List<Coordinate> freeBasicFarmland() throws Exception {
    STRtree taken = new STRtree();
    WKTReader r = new WKTReader();
    for (String layer : List.of("patches.shp", "approvals.gpkg")) {
      String column = layer.endsWith(".gpkg") ? "geom" : "geometry";
      List<List<String>> rows = Ogr.readCsv(c.file(layer), "SELECT ST_Transform(" + column + ", 4490) AS g FROM "
          + layer.substring(0, layer.indexOf('.')), "SQLite");
      for (List<String> row : rows.subList(1, rows.size())) {
        if (!row.get(0).isEmpty()) {
          Geometry g = r.read(row.get(0));
          taken.insert(g.getEnvelopeInternal(), g);
        }
      }
    }
    List<Coordinate> out = new ArrayList<>();
    GeometryFactory gf = new GeometryFactory();
    for (List<String> row : Ogr.readCsv(c.file("jbnt.shp"), "SELECT ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT"
        + " ST_Transform(ST_PointOnSurface(geometry), 4490) AS p FROM jbnt LIMIT 400 OFFSET 300)", "SQLite")
        .subList(1, 401)) {
      Coordinate p = new Coordinate(Double.parseDouble(row.get(0)), Double.parseDouble(row.get(1)));
      var pt = gf.createPoint(p);
      @SuppressWarnings("unchecked")
      List<Geometry> near = taken.query(pt.buffer(0.001).getEnvelopeInternal());
      if (near.stream().noneMatch(g -> g.distance(pt) < 0.0006)) {
        out.add(p);
      }
    }
    assertTrue(out.size() > 20, "free basic-farmland points: " + out.size());
    return out;
  }

  static CliRunner.Outcome importLeads(Path f, String... extra) {
    return importLeads(c, f, extra);
  }

  static CliRunner.Outcome importLeads(CountyCopy county, Path f, String... extra) {
    List<String> args = new ArrayList<>(List.of("-q", "leads", "import", f.toString(), "--job",
        county.file("job.yaml").toString(), "--today", "2023-09-01"));
    args.addAll(List.of(extra));
    return CliRunner.run(args.toArray(new String[0]));
  }

  static String sql(String q) {
    return sql(c, q);
  }

  static String sql(CountyCopy county, String q) {
    return CountyCopy.sql(county.file("landwatch.gpkg"), q);
  }

  static String task(int row, String column) {
    return tasks.get(row).get(Csv.col(tasks, column));
  }

  /** A square of side {@code m} metres around a lon/lat point, as WKT. */
  static String square(Coordinate p, double m) {
    double dx = m / 2 / (111_320 * Math.cos(Math.toRadians(p.y)));
    double dy = m / 2 / 110_574;
    return String.format(Locale.ROOT, "POLYGON ((%.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f, %.9f %.9f))",
        p.x - dx, p.y - dy, p.x + dx, p.y - dy, p.x + dx, p.y + dy, p.x - dx, p.y + dy, p.x - dx, p.y - dy);
  }

  static String dump() {
    return dump(c);
  }

  static String dump(CountyCopy county) {
    return sql(county, "SELECT COUNT(*) FROM cases") + "/" + sql(county, "SELECT COUNT(*) FROM tasks") + "/"
        + sql(county, "SELECT COUNT(*) FROM history") + "/" + sql(county, "SELECT COUNT(*) FROM leads");
  }

  @Test
  void everyChannelAndFormOpensOrAttaches() throws Exception {
    int casesBefore = Integer.parseInt(sql("SELECT COUNT(*) FROM cases"));
    Coordinate p1 = basic.get(0);
    Coordinate p2 = basic.get(5);
    Coordinate p3 = basic.get(10);
    Coordinate p4 = basic.get(15);
    // 1. CSV, Chinese headers: a public report (point, basic farmland), a village report (polygon as WKT)
    Path csv = c.file("leads-public.csv");
    Files.writeString(csv, "\uFEFF线索编号,来源,报告日期,问题描述,举报人联系方式,经度,纬度,wkt\n"
        + String.format(Locale.ROOT, "JB-1,群众举报,2023-08-01,麦地里打地基,张三 %s,%.9f,%.9f,\n", PHONE, p1.x, p1.y)
        + "CB-1,村级报告,2023-08-02,推土堆土,,,,\"" + square(p2, 30) + "\"\n", StandardCharsets.UTF_8);
    CliRunner.Outcome o = importLeads(csv);
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals("JB-1|public_report|open|P1|point|opened",
        sql("SELECT c.case_id, c.channel, c.status, c.priority, l.location, l.outcome FROM cases c JOIN leads l"
            + " ON l.case_id = c.case_id WHERE l.lead_id = 'JB-1'"));
    assertEquals("TJB-1|P1|open|2023-09-02", sql("SELECT task_id, priority, status, due_on FROM tasks WHERE case_id = 'JB-1'"),
        "a point in basic farmland: a P1 verification task, due after rules.due_days.P1");
    assertTrue(sql("SELECT facts FROM leads WHERE lead_id = 'JB-1'").startsWith("basic farmland, farmland; no valid approval"));
    // the polygon lead is judged like a patch: its area is the square's ellipsoidal area
    String[] cb = sql("SELECT channel, area_m2, unapproved_m2, priority FROM cases WHERE case_id = 'CB-1'").split("\\|");
    assertEquals("village_report", cb[0]);
    double oracle = AreaOracle.of(new WKTReader().read(square(p2, 30)));
    assertEquals(oracle, Double.parseDouble(cb[1]), 0.006, "area of the polygon lead");
    assertEquals(Double.parseDouble(cb[1]), Double.parseDouble(cb[2]), 0.006, "no approval covers it");
    assertEquals("P1", cb[3]);

    // 2. XLSX written by GDAL: a patrol lead on an existing case (its task point) attaches to it
    String caseId = task(1, "case_id");
    Path src = c.file("leads-patrol.csv");
    Files.writeString(src, "lead_id,channel,reported_on,description,lon,lat\n"
        + "XC-1,巡查,2023-08-05,现场有挖掘机," + task(1, "lon") + "," + task(1, "lat") + "\n", StandardCharsets.UTF_8);
    Path xlsx = c.file("leads-patrol.xlsx");
    Ogr.ogr2ogr("-f", "XLSX", xlsx.toString(), src.toString());
    o = importLeads(xlsx);
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals(caseId + "|attached", sql("SELECT case_id, outcome FROM leads WHERE lead_id = 'XC-1'"));
    assertTrue(sql("SELECT note FROM history WHERE case_id = '" + caseId + "' ORDER BY fid DESC LIMIT 1")
        .startsWith("lead XC-1 (巡查, reported 2023-08-05) attached: 现场有挖掘机"));

    // 3. GeoJSON: media report of a polygon = the outline of another case → attaches; an assigned point → opens
    String other = task(2, "case_id");
    String outline = sql("SELECT ST_AsText(geom) FROM cases WHERE case_id = '" + other + "'");
    Path geojson = Ogr.geojson(c.file("leads-media.geojson"), null,
        Ogr.feature("{\"id\":\"MT-1\",\"channel\":\"媒体曝光\",\"reported_on\":\"2023-08-06\",\"description\":\"报道\"}",
            toGeoJson(outline)),
        Ogr.feature(String.format(Locale.ROOT, "{\"id\":\"JD-1\",\"channel\":\"上级交办\",\"reported_on\":\"2023-08-07\"}"),
            String.format(Locale.ROOT, "{\"type\":\"Point\",\"coordinates\":[%.9f,%.9f]}", p3.x, p3.y)));
    o = importLeads(geojson);
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals(other + "|attached", sql("SELECT case_id, outcome FROM leads WHERE lead_id = 'MT-1'"));
    assertEquals("JD-1|assigned|opened", sql("SELECT case_id, channel, outcome FROM leads WHERE lead_id = 'JD-1'"));

    // 4. GeoPackage in the county's projected CRS (EPSG:4526): a satellite lead polygon
    Path gj = Ogr.geojson(c.file("sat.geojson"), null, Ogr.feature(
        "{\"lead_id\":\"WP-1\",\"channel\":\"卫片\",\"reported_on\":\"2023-08-08\"}", toGeoJson(square(p4, 40))));
    Path gpkg = c.file("leads-sat.gpkg");
    Ogr.ogr2ogr("-f", "GPKG", "-t_srs", "EPSG:4526", gpkg.toString(), gj.toString());
    o = importLeads(gpkg);
    assertEquals(0, o.exit(), o.out() + o.err());
    double sat = Double.parseDouble(sql("SELECT area_m2 FROM cases WHERE case_id = 'WP-1'"));
    assertEquals(AreaOracle.of(new WKTReader().read(square(p4, 40))), sat, 0.05,
        "reprojected from EPSG:4526 and back: the same square within the projection's noise");

    // 5. KML (WGS 84) with GCJ-02 coordinates from a map app: converted back, it falls on case task(3)
    String third = task(3, "case_id");
    Path kmlSrc = Ogr.geojson(c.file("kml.geojson"), null, Ogr.feature(
        "{\"Name\":\"MT-2\",\"channel\":\"媒体曝光\",\"reported_on\":\"2023-08-09\",\"Description\":\"视频\"}",
        "{\"type\":\"Point\",\"coordinates\":[" + task(3, "gcj02_lon") + "," + task(3, "gcj02_lat") + "]}"));
    Path kml = c.file("leads-media.kml");
    Ogr.ogr2ogr("-f", "KML", kml.toString(), kmlSrc.toString());
    o = importLeads(kml, "--coords", "gcj02");
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals(third + "|attached", sql("SELECT case_id, outcome FROM leads WHERE lead_id = 'MT-2'"));
    String[] ll = sql("SELECT ST_X(geom), ST_Y(geom) FROM leads WHERE lead_id = 'MT-2'").split("\\|");
    assertEquals(Double.parseDouble(task(3, "lon")), Double.parseDouble(ll[0]), 1e-7);
    assertEquals(Double.parseDouble(task(3, "lat")), Double.parseDouble(ll[1]), 1e-7);

    // six channels, four new cases (JB-1, CB-1, JD-1, WP-1), three attached
    assertEquals(casesBefore + 4, Integer.parseInt(sql("SELECT COUNT(*) FROM cases")));
    assertEquals("assigned|1,media|2,patrol|1,public_report|1,satellite|1,village_report|1",
        sql("SELECT channel, COUNT(*) FROM leads GROUP BY channel ORDER BY channel").replace("\n", ","));

    // importing every file again changes nothing
    String before = dump();
    for (Path f : List.of(csv, xlsx, geojson, gpkg, kml)) {
      o = f == kml ? importLeads(f, "--coords", "gcj02") : importLeads(f);
      assertEquals(0, o.exit(), o.out() + o.err());
      assertTrue(o.out().contains("0 leads applied") && o.out().contains("already imported"), o.out());
    }
    assertEquals(before, dump());

    // status and the ledger count by channel
    CliRunner.Outcome s = CliRunner.run("status", "--job", c.file("job.yaml").toString(), "--as-of", "2023-09-01");
    assertTrue(s.out().lines().anyMatch(l -> l.matches("媒体曝光\\s+media\\s+2\\s+2\\s+0\\s+0")), s.out());
    assertTrue(s.out().lines().anyMatch(l -> l.matches("群众举报\\s+public_report\\s+1\\s+0\\s+1\\s+0")), s.out());
    Path ledger = c.file("ledger.xlsx");
    assertEquals(0, CliRunner.run("ledger", "--job", c.file("job.yaml").toString(), "--out", ledger.toString()).exit());
    List<List<String>> leadSheet = Ogr.readCsv(ledger, "SELECT * FROM \"线索台账\"", null);
    assertEquals(8, leadSheet.size(), "header + 7 leads");
    List<List<String>> byChannel = Ogr.readCsv(ledger, "SELECT * FROM \"按来源统计\"", null);
    assertTrue(byChannel.stream().anyMatch(r -> r.get(0).equals("村级报告") && r.get(2).equals("1")
        && r.get(3).equals("1")), byChannel.toString());

    // the reporter's phone is in the store, and in no output
    assertEquals("张三 " + PHONE, sql("SELECT reporter_contact FROM leads WHERE lead_id = 'JB-1'"));
    assertEquals(0, c.run().exit());
    assertTrue(Files.readString(c.out().resolve("tasks.csv")).contains("TJB-1"), "the next run hands out the lead's task");
    assertFalse(Files.readString(c.out().resolve("tasks.csv")).contains(PHONE));
    Files.writeString(c.file("ledger.csv"), "");
    assertEquals(0, CliRunner.run("ledger", "--job", c.file("job.yaml").toString(), "--out",
        c.file("ledger.csv").toString()).exit());
    assertNoPhone(c.out().toRealPath(), ledger, c.file("ledger.csv"), csv.resolveSibling(csv.getFileName() + ".report.csv"));
    assertFalse(s.out().contains(PHONE));
  }

  /** Every file (XLSX unzipped) under the given paths, searched for the reporter's phone. */
  static void assertNoPhone(Path... paths) throws Exception {
    int n = 0;
    for (Path p : paths) {
      try (Stream<Path> files = Files.walk(p)) {
        for (Path f : files.filter(Files::isRegularFile).toList()) {
          n++;
          String text = f.toString().endsWith(".xlsx") ? unzipped(f) : new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1);
          assertFalse(text.contains(PHONE), "the reporter's phone is in " + f);
        }
      }
    }
    assertTrue(n > 15, "files searched: " + n);
  }

  static String unzipped(Path xlsx) throws Exception {
    StringBuilder b = new StringBuilder();
    try (var zip = new java.util.zip.ZipInputStream(Files.newInputStream(xlsx))) {
      while (zip.getNextEntry() != null) {
        b.append(new String(zip.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return b.toString();
  }

  /** WKT → GeoJSON geometry, by GDAL. */
  static String toGeoJson(String wkt) {
    io.landwatch.geo.Gdal.init();
    org.gdal.ogr.Geometry g = org.gdal.ogr.ogr.CreateGeometryFromWkt(wkt);
    try {
      return g.ExportToJson(new java.util.Vector<>(List.of("COORDINATE_PRECISION=9")));
    } finally {
      g.delete();
    }
  }

  @Test
  void badRowsAreNamedAndNothingIsApplied() throws Exception {
    CountyCopy b = CountyCopy.of(base, root.resolve("bad"));
    assertEquals(0, b.run().exit());
    Coordinate p = basic.get(20);
    Path f = b.file("leads-bad.csv");
    Files.writeString(f, "lead_id,channel,reported_on,description,lon,lat\n"
        + String.format(Locale.ROOT, "OK-1,public_report,2023-08-01,ok,%.9f,%.9f\n", p.x, p.y)
        + String.format(Locale.ROOT, "BAD-1,rumour,2023-08-01,x,%.9f,%.9f\n", p.x, p.y)
        + String.format(Locale.ROOT, "BAD-2,media,2023-08-01,x,%.9f,%.9f\n", p.y, p.x)
        + String.format(Locale.ROOT, "BAD-3,media,2023-10-01,x,%.9f,%.9f\n", p.x, p.y)
        + "BAD-4,media,2023-08-01,x,,\n", StandardCharsets.UTF_8);
    String before = dump(b);
    CliRunner.Outcome o = importLeads(b, f);
    assertEquals(8, o.exit(), o.out() + o.err());
    CountyCopy.assertReadable(o);
    assertEquals(before, dump(b), "nothing applied");
    List<List<String>> report = Csv.read(b.file("leads-bad.csv.report.csv"));
    assertEquals(List.of("2", "OK-1", "not applied"), report.get(1).subList(0, 3));
    assertTrue(report.get(2).get(3).startsWith("unknown channel 'rumour'"), report.get(2).toString());
    assertTrue(report.get(3).get(3).contains("longitude and latitude swapped?"), report.get(3).toString());
    assertTrue(report.get(4).get(3).contains("is in the future"), report.get(4).toString());
    assertTrue(report.get(5).get(3).startsWith("no location"), report.get(5).toString());
    o = importLeads(b, f, "--partial");
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals("OK-1|opened", sql(b, "SELECT case_id, outcome FROM leads WHERE lead_id = 'OK-1'"));
    // the same id with other content is refused, not silently taken for the same lead
    Files.writeString(f, "lead_id,channel,reported_on,description,lon,lat\n"
        + String.format(Locale.ROOT, "OK-1,public_report,2023-08-02,changed,%.9f,%.9f\n", p.x, p.y));
    o = importLeads(b, f);
    assertEquals(8, o.exit());
    assertTrue(o.out().contains("lead id OK-1 was already imported from leads-bad.csv row 2"), o.out());
  }
}
