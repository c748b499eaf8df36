package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The patrol log: patrols with and without findings, by named villages and by GPS track, land on
 * the village grid; coverage lists exactly the villages without a patrol in the window (the
 * expected set computed with GDAL from the village layer); the ledger gets the patrol sheet;
 * re-import changes nothing; bad rows are named and nothing is applied.
 */
class PatrolTest {
  @TempDir static Path root;
  static CountyCopy c;
  /** Every village as "township/village", from the village layer by GDAL. */
  static Set<String> all;

  @BeforeAll
  static void county() throws Exception {
    Path base = root.resolve("base");
    SampleCounty.write(base, 11, 1);
    c = CountyCopy.of(base, root.resolve("county"));
    assertEquals(0, c.run().exit());
    all = new TreeSet<>();
    List<List<String>> v = Ogr.readCsv(c.file("cun.shp"), "SELECT XZMC, CJMC FROM cun", "SQLite");
    v.subList(1, v.size()).forEach(r -> all.add(r.get(0) + "/" + r.get(1)));
    assertEquals(16, all.size());
  }

  static String sql(String q) {
    return CountyCopy.sql(c.file("landwatch.gpkg"), q);
  }

  static CliRunner.Outcome importPatrols(Path f, String... extra) {
    List<String> args = new ArrayList<>(List.of("-q", "patrol", "import", f.toString(), "--job",
        c.file("job.yaml").toString(), "--today", "2023-09-01"));
    args.addAll(List.of(extra));
    return CliRunner.run(args.toArray(new String[0]));
  }

  /** The villages `status --coverage` lists, as "township/village". */
  static Set<String> uncovered(int days) {
    CliRunner.Outcome o = CliRunner.run("status", "--coverage", "--days", Integer.toString(days), "--job",
        c.file("job.yaml").toString(), "--as-of", "2023-09-01");
    assertEquals(0, o.exit(), o.out() + o.err());
    Set<String> out = new TreeSet<>();
    o.out().lines().filter(l -> l.startsWith("  ")).forEach(l -> {
      String[] p = l.strip().split(" ");
      out.add(p[0] + "/" + p[1]);
    });
    assertTrue(o.out().startsWith(out.size() + " of 16 villages had no patrol in the " + days + " days to 2023-09-01"),
        o.out());
    return out;
  }

  @Test
  void patrolsLandOnTheGridAndCoverageListsTheRest() throws Exception {
    // a lead found on patrol, imported first
    Files.writeString(c.file("found.csv"), "lead_id,channel,reported_on,description,lon,lat\nXC-9,巡查,2023-08-25,推土,"
        + sql("SELECT lon FROM tasks LIMIT 1") + "," + sql("SELECT lat FROM tasks LIMIT 1") + "\n");
    assertEquals(0, CliRunner.run("-q", "leads", "import", c.file("found.csv").toString(), "--job",
        c.file("job.yaml").toString(), "--today", "2023-09-01").exit());
    // a walk from the middle of 马庄村 to the middle of 李家庄村, and the villages it crosses (GDAL)
    List<List<String>> mid = Ogr.readCsv(c.file("cun.shp"), "SELECT CJMC, ST_X(p) AS x, ST_Y(p) AS y FROM (SELECT"
        + " CJMC, ST_Transform(ST_PointOnSurface(geometry), 4490) AS p FROM cun WHERE CJMC IN ('马庄村', '李家庄村'))"
        + " ORDER BY CJMC DESC", "SQLite");
    String line = String.format(Locale.ROOT, "LINESTRING (%s %s, %s %s)", mid.get(1).get(1), mid.get(1).get(2),
        mid.get(2).get(1), mid.get(2).get(2));
    Set<String> crossed = new TreeSet<>();
    List<List<String>> hit = Ogr.readCsv(c.file("cun.shp"), "SELECT XZMC, CJMC FROM cun WHERE ST_Intersects("
        + "ST_Transform(geometry, 4490), ST_GeomFromText('" + line + "', 4490))", "SQLite");
    hit.subList(1, hit.size()).forEach(r -> crossed.add(r.get(0) + "/" + r.get(1)));
    assertTrue(crossed.size() >= 2, crossed.toString());
    Files.writeString(c.file("walk.gpx"), String.format(Locale.ROOT, """
        <?xml version="1.0" encoding="UTF-8"?>
        <gpx version="1.1" creator="field app" xmlns="http://www.topografix.com/GPX/1/1">
          <trk><trkseg>
            <trkpt lat="%s" lon="%s"><time>2023-08-28T01:00:00Z</time></trkpt>
            <trkpt lat="%s" lon="%s"><time>2023-08-28T02:00:00Z</time></trkpt>
          </trkseg></trk>
        </gpx>
        """, mid.get(1).get(2), mid.get(1).get(1), mid.get(2).get(2), mid.get(2).get(1)));
    Path f = c.file("巡查记录.csv");
    Files.writeString(f, "\uFEFF巡查日期,巡查人,乡镇,村,轨迹,发现问题,线索编号\n"
        + "2023-08-20,王芳,,西街村,,,\n"
        + "2023-08-25,李强,崇文镇,东街村、南关村,,发现推土,XC-9\n"
        + "2023-07-01,张伟,,石门村,,,\n"
        + "2023-08-28,赵六,,,walk.gpx,,\n", StandardCharsets.UTF_8);
    CliRunner.Outcome o = importPatrols(f);
    assertEquals(0, o.exit(), o.out() + o.err());
    assertTrue(o.out().startsWith("4 patrols applied"), o.out());
    assertEquals("崇文镇/西街村||0", sql("SELECT villages, findings, track_km FROM patrols WHERE inspector = '王芳'"),
        "a patrol that found nothing is kept");
    assertEquals("崇文镇/东街村;崇文镇/南关村|发现推土|XC-9",
        sql("SELECT villages, findings, lead_ids FROM patrols WHERE inspector = '李强'"));
    assertEquals(String.join(";", crossed), sql("SELECT villages FROM patrols WHERE inspector = '赵六'"));
    double km = Double.parseDouble(sql("SELECT track_km FROM patrols WHERE inspector = '赵六'"));
    double gdalKm = Double.parseDouble(Ogr.readCsv(c.file("cun.shp"), "SELECT ST_Length(ST_GeomFromText('" + line
        + "', 4490), 1) / 1000 AS km FROM cun LIMIT 1", "SQLite").get(1).get(0));
    assertEquals(gdalKm, km, 0.002, "geodesic track length");

    Set<String> expected = new TreeSet<>(all);
    expected.removeAll(Set.of("崇文镇/西街村", "崇文镇/东街村", "崇文镇/南关村"));
    expected.removeAll(crossed);
    assertEquals(expected, uncovered(30), "石门村 was last patrolled 62 days before");
    assertTrue(uncovered(30).contains("礼义镇/石门村"));
    expected.remove("礼义镇/石门村");
    assertEquals(expected, uncovered(63));
    Set<String> inTwelve = new TreeSet<>(all);
    inTwelve.removeAll(Set.of("崇文镇/东街村", "崇文镇/南关村"));
    inTwelve.removeAll(crossed);
    assertEquals(inTwelve, uncovered(12), "08-21 to 09-01: the patrols of 08-25 and 08-28 count, 08-20 does not");

    // the ledger's patrol sheet, read back by GDAL
    Path ledger = c.file("ledger.xlsx");
    assertEquals(0, CliRunner.run("ledger", "--job", c.file("job.yaml").toString(), "--out", ledger.toString()).exit());
    List<List<String>> sheet = Ogr.readCsv(ledger, "SELECT * FROM \"巡查记录\"", null);
    assertEquals(5, sheet.size(), sheet.toString());
    assertEquals(List.of("2023/07/01", "2023/08/20", "2023/08/25", "2023/08/28"),
        sheet.subList(1, 5).stream().map(r -> r.get(1)).toList());
    assertEquals("无", sheet.get(2).get(4));

    // importing again changes nothing
    o = importPatrols(f);
    assertEquals(0, o.exit(), o.out());
    assertTrue(o.out().startsWith("0 patrols applied, 4 already imported"), o.out());
    assertEquals("4", sql("SELECT COUNT(*) FROM patrols"));
  }

  @Test
  void badRowsAreNamedAndNothingIsApplied() throws Exception {
    Path f = c.file("bad-patrols.csv");
    Files.writeString(f, "patrolled_on,inspector,village,findings,leads\n"
        + "2023-08-30,王芳,西街,,\n"
        + "2023-09-30,王芳,西街村,,\n"
        + "2023-08-30,王芳,西街村,,NOPE-1\n"
        + "2023-08-30,王芳,,,\n"
        + "2023-08-31,王芳,北关村,,\n", StandardCharsets.UTF_8);
    String before = sql("SELECT COUNT(*) FROM patrols");
    CliRunner.Outcome o = importPatrols(f);
    assertEquals(8, o.exit(), o.out() + o.err());
    CountyCopy.assertReadable(o);
    assertEquals(before, sql("SELECT COUNT(*) FROM patrols"));
    List<List<String>> report = Csv.read(c.file("bad-patrols.csv.report.csv"));
    assertTrue(report.get(1).get(3).contains("unknown village '西街'") && report.get(1).get(3).contains("西街村"),
        report.get(1).toString());
    assertTrue(report.get(2).get(3).contains("is in the future"), report.get(2).toString());
    assertTrue(report.get(3).get(3).startsWith("unknown lead NOPE-1"), report.get(3).toString());
    assertTrue(report.get(4).get(3).startsWith("no village"), report.get(4).toString());
    assertEquals("not applied", report.get(5).get(2));
  }
}
