package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.AreaOracle;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Geoms;
import io.landwatch.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * End to end on the sample county: `landwatch samples` then `landwatch run`, outputs read back
 * with GDAL's ogr2ogr/ogrinfo and plain JSON/CSV parsers, never with landwatch's writers.
 */
class RunCommandTest {
  @TempDir static Path tmp;
  static Path county;
  static Path out;
  static CliRunner.Outcome run;
  static SampleCounty.Written written;
  static long judged;
  static List<List<String>> geojsonRows;
  static List<List<String>> csvRows;

  @BeforeAll
  static void runSampleCounty() throws Exception {
    county = tmp.resolve("county");
    out = tmp.resolve("out");
    written = SampleCounty.write(county, 20230420, 1);
    judged = written.patches() - written.quarantinedIn("patches");
    run = CliRunner.run("-q", "run", county.resolve("job.yaml").toString(), "--out", out.toString());
    assertEquals(0, run.exit(), run.out() + run.err());
    geojsonRows = Ogr.readCsv(out.resolve("patches.geojson"), null, null);
    csvRows = Csv.read(out.resolve("patches.csv"));
  }

  private static Map<String, String> row(List<List<String>> rows, int i) {
    Map<String, String> m = new HashMap<>();
    for (int c = 0; c < rows.get(0).size(); c++) {
      m.put(rows.get(0).get(c), rows.get(i).get(c));
    }
    return m;
  }

  @Test
  void cliSaysWhereTheOutputsAre() {
    assertTrue(run.out().contains("Outputs in " + out), run.out());
    assertTrue(run.out().contains("Judged " + judged + " patches"), run.out());
  }

  @Test
  void geojsonIsReadByOgrWithTheRightCountCrsAndFields() {
    String info = Ogr.run("ogrinfo", "-so", "-al", out.resolve("patches.geojson").toString());
    assertTrue(info.contains("Feature Count: " + judged), info);
    assertTrue(info.contains("WGS 84"), info);
    assertEquals(299, geojsonRows.size());
    for (String f : List.of("patch_id", "verdict", "area_m2", "approved_m2", "unapproved_m2", "farmland_m2",
        "basic_farmland_m2", "other_farmland_m2", "ecological_m2", "area_mu", "unapproved_mu", "farmland_mu",
        "basic_farmland_mu", "township", "village", "priority", "referral", "approvals", "before_date", "after_date")) {
      assertTrue(geojsonRows.get(0).contains(f), "missing property " + f + " in " + geojsonRows.get(0));
    }
  }

  @Test
  void propertiesObeyTheRules() {
    int suspected = 0;
    for (int i = 1; i < geojsonRows.size(); i++) {
      Map<String, String> r = row(geojsonRows, i);
      double area = Double.parseDouble(r.get("area_m2"));
      double approved = Double.parseDouble(r.get("approved_m2"));
      double unapproved = Double.parseDouble(r.get("unapproved_m2"));
      double farm = Double.parseDouble(r.get("farmland_m2"));
      double basic = Double.parseDouble(r.get("basic_farmland_m2"));
      double other = Double.parseDouble(r.get("other_farmland_m2"));
      assertEquals(area, approved + unapproved, 0.011, r.get("patch_id"));
      assertTrue(other <= farm + 0.01 && farm <= other + basic + 0.011, r.get("patch_id"));
      assertEquals(area / (2000.0 / 3), Double.parseDouble(r.get("area_mu")), 1e-4);
      boolean isSuspected = r.get("verdict").equals("suspected_illegal");
      assertEquals(unapproved > 1.0, isSuspected, r.get("patch_id"));
      assertEquals(isSuspected, !r.get("priority").isEmpty(), r.get("patch_id"));
      if (isSuspected) {
        suspected++;
        boolean p1 = basic > 1.0 || Double.parseDouble(r.get("ecological_m2")) > 1.0;
        assertEquals(p1 ? "P1" : farm > 1.0 ? "P2" : "P3", r.get("priority"), r.get("patch_id"));
        boolean referral = basic / (2000.0 / 3) >= 5 - 1e-4 || other / (2000.0 / 3) >= 10 - 1e-4;
        if (Math.abs(basic / (2000.0 / 3) - 5) > 1e-3 && Math.abs(other / (2000.0 / 3) - 10) > 1e-3) {
          // OGR reads a JSON boolean as an integer of subtype boolean: CSV prints 1/0
          assertEquals(referral, r.get("referral").equals("1"), r.get("patch_id"));
        }
      }
      assertFalse(r.get("village").isEmpty(), "every sample patch lies in a village: " + r.get("patch_id"));
    }
    assertTrue(suspected > 50 && suspected < 290, "suspected " + suspected);
    String info = Ogr.run("ogrinfo", "-so", "-al", out.resolve("suspected.geojson").toString());
    assertTrue(info.contains("Feature Count: " + suspected), info);
  }

  @Test
  void areasAreEllipsoidalAndMatchTheWrittenGeometry() throws Exception {
    int wkt = Csv.col(geojsonRows, "WKT");
    Map<String, Double> planar = new HashMap<>();
    List<List<String>> src = Ogr.readCsv(county.resolve("patches.shp"), null, null);
    for (int i = 1; i < src.size(); i++) {
      String w = src.get(i).get(Csv.col(src, "WKT"));
      if (!w.isEmpty() && Geoms.wkt(w).isValid()) { // JCMJ of an invalid source geometry is meaningless
        planar.put(src.get(i).get(Csv.col(src, "JCBH")), Double.parseDouble(src.get(i).get(Csv.col(src, "JCMJ"))));
      }
    }
    for (int i = 1; i < geojsonRows.size(); i++) {
      Map<String, String> r = row(geojsonRows, i);
      Geometry g = Geoms.wkt(geojsonRows.get(i).get(wkt));
      double area = Double.parseDouble(r.get("area_m2"));
      // GeographicLib in this test on the coordinates as written (7 decimals ≈ 1 cm): the
      // rounding moves the boundary by at most ~7 mm, so the area by at most perimeter × 7 mm.
      double geodesic = AreaOracle.of(g);
      double perimeter = g.getLength() * 111_000;
      assertEquals(area, geodesic, perimeter * 0.007 + 0.01, r.get("patch_id"));
      // 65 km west of the zone meridian the Gauss-Krüger plane is stretched by ≈ 1e-4 in area:
      // the ellipsoidal area must be smaller than the planar JCMJ of unrepaired patches.
      Double p = planar.get(r.get("patch_id"));
      if (p != null) {
        double ratio = area / p;
        assertTrue(ratio > 0.9997 && ratio < 0.99995, r.get("patch_id") + " ratio " + ratio);
      }
    }
  }

  /** patches.xlsx read by GDAL's XLSX driver, not by the library that wrote it. */
  @Test
  void patchesXlsxKeepsIdsAsTextAndDatesAsDates() throws Exception {
    String info = Ogr.run("ogrinfo", "-so", out.resolve("patches.xlsx").toString(), "patches");
    assertTrue(info.contains("patch_id: String"), info);
    assertTrue(info.contains("source.JCBH: String"), info);
    assertTrue(info.contains("after_date: Date"), info);
    assertTrue(info.contains("area_m2: Real"), info);
    assertTrue(info.contains("Feature Count: " + judged), info);
    List<List<String>> xlsx = Ogr.readCsv(out.resolve("patches.xlsx"), "SELECT patch_id, area_m2, after_date FROM patches", null);
    int id = Csv.col(csvRows, "patch_id");
    int area = Csv.col(csvRows, "area_m2");
    int after = Csv.col(csvRows, "after_date");
    for (int i = 1; i < csvRows.size(); i++) {
      assertEquals(csvRows.get(i).get(id), xlsx.get(i).get(0), "14-digit ids unchanged");
      assertEquals(Double.parseDouble(csvRows.get(i).get(area)), Double.parseDouble(xlsx.get(i).get(1)), 1e-9);
      assertEquals(csvRows.get(i).get(after).replace('-', '/'), xlsx.get(i).get(2));
    }
  }

  @Test
  void geojsonFollowsRfc7946() throws Exception {
    String text = Files.readString(out.resolve("patches.geojson"), StandardCharsets.UTF_8);
    assertFalse(Pattern.compile("\\d\\.\\d{8,}").matcher(text.replaceAll("\"[^\"]*\"", "")).find(),
        "no number has more than 7 decimals");
    JsonNode root = new ObjectMapper().readTree(text);
    assertFalse(root.has("crs"));
    for (JsonNode f : root.get("features")) {
      JsonNode geom = f.get("geometry");
      JsonNode polys = geom.get("type").asText().equals("Polygon")
          ? new ObjectMapper().createArrayNode().add(geom.get("coordinates")) : geom.get("coordinates");
      for (JsonNode poly : polys) {
        for (int r = 0; r < poly.size(); r++) {
          Coordinate[] cs = new Coordinate[poly.get(r).size()];
          for (int k = 0; k < cs.length; k++) {
            cs[k] = new Coordinate(poly.get(r).get(k).get(0).asDouble(), poly.get(r).get(k).get(1).asDouble());
          }
          assertEquals(r == 0, Orientation.isCCW(cs), "exterior CCW, holes CW: " + f.get("id"));
        }
      }
    }
  }

  @Test
  void csvHasBomAndTheSameRowsAsTheGeojson() throws Exception {
    byte[] head = java.util.Arrays.copyOf(Files.readAllBytes(out.resolve("patches.csv")), 3);
    assertArrayEquals(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, head);
    assertEquals(geojsonRows.size(), csvRows.size());
    for (int i = 1; i < csvRows.size(); i++) {
      Map<String, String> c = row(csvRows, i);
      Map<String, String> g = row(geojsonRows, i);
      for (String f : List.of("patch_id", "verdict", "area_m2", "unapproved_m2", "farmland_m2", "township", "village")) {
        assertEquals(g.get(f), c.get(f), f + " of row " + i);
      }
    }
    assertTrue(csvRows.stream().anyMatch(r -> r.contains("崇文镇")), "Chinese township names survive");
  }

  @Test
  void everyRecordIsJudgedOrQuarantined() throws Exception {
    JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
    for (JsonNode c : manifest.get("counts")) {
      assertEquals(c.get("records_in").asLong(), c.get("used").asLong() + c.get("quarantined").asLong(), c.toString());
    }
    JsonNode patches = manifest.get("counts").get(0);
    assertEquals("patches", patches.get("layer").asText());
    assertEquals(written.patches(), patches.get("records_in").asLong());
    assertEquals(judged, patches.get("used").asLong());
    List<List<String>> q = Csv.read(out.resolve("quarantine.csv"));
    assertEquals(List.of("layer", "record", "id", "reason", "category"), q.get(0));
    assertEquals(written.quarantined().stream().map(d -> List.of(d.layer(), Long.toString(d.record()), d.id(), d.category())).toList(),
        q.subList(1, q.size()).stream().map(r -> List.of(r.get(0), r.get(1), r.get(2), r.get(4))).toList(),
        "exactly the planted records are quarantined");
    assertTrue(manifest.get("inputs").get(0).get("files").get(0).get("sha256").asText().matches("[0-9a-f]{64}"));
  }

  @Test
  void summaryAddsUpFromThePatchRows() throws Exception {
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    Map<String, double[]> byTownship = new java.util.TreeMap<>();
    long suspected = 0;
    long referrals = 0;
    for (int i = 1; i < csvRows.size(); i++) {
      Map<String, String> r = row(csvRows, i);
      boolean s = r.get("verdict").equals("suspected_illegal");
      suspected += s ? 1 : 0;
      referrals += r.get("referral").equals("true") ? 1 : 0;
      double[] t = byTownship.computeIfAbsent(r.get("township"), k -> new double[3]);
      t[0] += s ? Double.parseDouble(r.get("farmland_m2")) : 0;
      t[1] += Double.parseDouble(r.get("patch_farmland_m2"));
      t[2] += 1;
    }
    assertEquals(judged, summary.get("patches_judged").asInt());
    assertEquals(suspected, summary.get("by_verdict").get("suspected_illegal").get("count").asLong());
    JsonNode sus = summary.get("by_verdict").get("suspected_illegal");
    assertEquals(sus.get("unapproved_m2").asDouble() / 10_000, sus.get("unapproved_ha").asDouble(), 1e-4);
    assertEquals(sus.get("area_m2").asDouble() / (2000.0 / 3), sus.get("area_mu").asDouble(), 1e-4);
    assertEquals(referrals, summary.get("referrals").asLong());
    assertEquals(0, summary.get("outside_villages").asLong());
    double threshold = summary.get("accountability").get("threshold").asDouble();
    assertEquals(0.15, threshold);
    List<String> flagged = new java.util.ArrayList<>();
    byTownship.forEach((name, t) -> {
      JsonNode town = summary.get("by_township").get(name);
      assertEquals((long) t[2], town.get("count").asLong(), name);
      JsonNode acc = town.get("accountability");
      assertEquals(t[0], acc.get("suspected_farmland_m2").asDouble(), 0.01 * t[2], name);
      assertEquals(t[1], acc.get("occupied_farmland_m2").asDouble(), 0.01 * t[2], name);
      assertEquals(t[0] / t[1], acc.get("ratio").asDouble(), 1e-4, name);
      assertEquals(t[0] / t[1] >= threshold, acc.get("flagged").asBoolean(), name);
      if (t[0] / t[1] >= threshold) {
        flagged.add(name);
      }
    });
    List<String> reported = new java.util.ArrayList<>();
    summary.get("accountability").get("flagged_townships").forEach(n -> reported.add(n.asText()));
    assertEquals(flagged, reported);
    assertEquals(1, summary.get("quarantine").get("patches").get("bad_date").asInt());
    assertEquals(1, summary.get("repairs").get("patches").get("self_intersection_split").asInt());
  }

  @Test
  void rerunIsByteIdentical() throws Exception {
    Path again = tmp.resolve("again");
    assertEquals(0, CliRunner.run("-q", "run", county.resolve("job.yaml").toString(), "--out", again.toString(),
        "--threads", "1").exit());
    for (String f : List.of("patches.geojson", "suspected.geojson", "patches.csv", "quarantine.csv")) {
      assertArrayEquals(Files.readAllBytes(out.resolve(f)), Files.readAllBytes(again.resolve(f)), f);
    }
  }
}
