package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.AreaOracle;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.io.WKTReader;

/**
 * What the nightly run checks on open cases: approvals granted later (a suggestion with the
 * approval's id, or the area that remains; never a closure), a re-delivered and a split patch of a
 * later batch joining their case, escalation after exactly the configured days, routing by kind.
 */
class NightlyChecksTest {
  @TempDir static Path root;
  static Path base;

  @BeforeAll
  static void county() {
    base = root.resolve("base");
    SampleCounty.write(base, 11, 1);
  }

  static CountyCopy county(String name) {
    CountyCopy c = CountyCopy.of(base, root.resolve(name));
    assertEquals(0, c.run().exit());
    return c;
  }

  static String sql(CountyCopy c, String q) {
    return CountyCopy.sql(c.file("landwatch.gpkg"), q);
  }

  static CliRunner.Outcome run(CountyCopy c, String job, String asOf) {
    CliRunner.Outcome o = CliRunner.run("-q", "run", c.file(job).toString(), "--as-of", asOf);
    assertEquals(0, o.exit(), o.out() + o.err());
    return o;
  }

  /** Open cases without any approval or suggestion, smallest id first. */
  static List<String> bareCases(CountyCopy c) {
    return List.of(sql(c, "SELECT case_id FROM cases WHERE area_m2 = unapproved_m2 AND later_approval IS NULL"
        + " AND area_m2 > 500 ORDER BY case_id LIMIT 4").split("\n"));
  }

  /** One SpatiaLite expression on a patch of patches.shp (EPSG:4526), by GDAL. */
  static String onPatch(CountyCopy c, String id, String expression) throws Exception {
    List<List<String>> r = Ogr.readCsv(c.file("patches.shp"), "SELECT " + expression + " AS v FROM patches WHERE JCBH = '"
        + id + "'", "SQLite");
    return r.get(1).get(0);
  }

  @Test
  void laterApprovalsAreSuggestedNeverClosed() throws Exception {
    CountyCopy c = county("later");
    List<String> ids = bareCases(c);
    String a = ids.get(0);
    String b = ids.get(1);
    String full = onPatch(c, a, "ST_AsText(ST_Envelope(ST_Buffer(geometry, 1)))");
    String west = onPatch(c, b, "ST_AsText(BuildMbr(MbrMinX(geometry) - 1, MbrMinY(geometry) - 1,"
        + " (MbrMinX(geometry) + MbrMaxX(geometry)) / 2, MbrMaxY(geometry) + 1))");
    Files.writeString(c.file("homesteads.csv"), "补〔2023〕901号,申请人,2023/8/15,\"" + full + "\"\n"
        + "补〔2023〕902号,申请人,2023/8/15,\"" + west + "\"\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    run(c, "job.yaml", "2023-09-02");
    assertEquals("covered_by_later_approval: 补〔2023〕901号|open",
        sql(c, "SELECT later_approval, status FROM cases WHERE case_id = '" + a + "'"));
    // a geometry column, so that GDAL writes it with every digit (SpatiaLite's ST_AsText keeps 6 decimals)
    String remaining = Ogr.readCsv(c.file("patches.shp"), "SELECT ST_Transform(ST_Difference(geometry, SetSRID("
        + "GeomFromText('" + west + "'), ST_SRID(geometry))), 4490) AS geometry FROM patches WHERE JCBH = '" + b + "'",
        "SQLite").get(1).get(0);
    double expected = AreaOracle.of(new WKTReader().read(remaining));
    String[] s = sql(c, "SELECT later_approval, status FROM cases WHERE case_id = '" + b + "'").split("\\|");
    assertTrue(s[0].startsWith("partly covered by later approval 补〔2023〕902号: "), s[0]);
    double got = Double.parseDouble(s[0].replaceAll(".*: ([0-9.]+) m² remain unapproved", "$1"));
    assertEquals(expected, got, 0.02, "the area that remains unapproved");
    assertEquals("open", s[1], "a suggestion, never a closure");
    CliRunner.Outcome st = CliRunner.run("status", "--job", c.file("job.yaml").toString(), "--as-of", "2023-09-02");
    assertTrue(st.out().contains(a) && st.out().contains("covered_by_later_approval: 补〔2023〕901号"), st.out());
    String history = sql(c, "SELECT COUNT(*) FROM history");
    run(c, "job.yaml", "2023-09-02");
    assertEquals(history, sql(c, "SELECT COUNT(*) FROM history"), "said once, not every night");
  }

  @Test
  void aRedeliveredAndASplitPatchJoinTheirCases() throws Exception {
    CountyCopy c = county("lineage");
    List<String> ids = bareCases(c);
    String a = ids.get(0);
    String b = ids.get(1);
    double areaB = Double.parseDouble(sql(c, "SELECT area_m2 FROM cases WHERE case_id = '" + b + "'"));
    List<List<String>> tasks = Csv.read(c.out().resolve("tasks.csv"));
    var row = tasks.stream().filter(r -> r.contains("T" + b)).findFirst().orElseThrow();
    Path photo = EvidenceTest.jpeg(c.file("b.jpg"), Double.parseDouble(row.get(Csv.col(tasks, "lon"))),
        Double.parseDouble(row.get(Csv.col(tasks, "lat"))), java.time.LocalDateTime.of(2023, 9, 3, 9, 0), 70);
    Files.writeString(c.file("fb.csv"), "task_id,result,action,checked_on,photos\nT" + b + ",illegal,stopped,2023-09-03,"
        + photo.getFileName() + "\n");
    assertEquals(0, CliRunner.run("-q", "feedback", "import", c.file("fb.csv").toString(), "--job",
        c.file("job.yaml").toString(), "--today", "2023-09-05").exit());
    String mid = "(MbrMinX(geometry) + MbrMaxX(geometry)) / 2";
    String westBox = "SetSRID(BuildMbr(MbrMinX(geometry) - 1, MbrMinY(geometry) - 1, " + mid + ", MbrMaxY(geometry) + 1),"
        + " ST_SRID(geometry))";
    String fields = "XZQDM, QSX, '20231001' AS HSX, TBLX, BHLX";
    Ogr.ogr2ogr("-f", "GPKG", c.file("patches-q3.gpkg").toString(), c.file("patches.shp").toString(), "-nln", "patches",
        "-dialect", "SQLite", "-sql", "SELECT JCBH || 'R' AS JCBH, " + fields + ", geometry FROM patches WHERE JCBH = '" + a
            + "' UNION ALL SELECT JCBH || '1', " + fields + ", ST_Intersection(geometry, " + westBox + ") FROM patches"
            + " WHERE JCBH = '" + b + "' UNION ALL SELECT JCBH || '2', " + fields + ", ST_Difference(geometry, "
            + westBox + ") FROM patches WHERE JCBH = '" + b + "'");
    Files.writeString(c.file("job-q3.yaml"), Files.readString(c.file("job.yaml")).replace("path: patches.shp",
        "path: patches-q3.gpkg"));
    String cases = sql(c, "SELECT COUNT(*) FROM cases");
    String taskCount = sql(c, "SELECT COUNT(*) FROM tasks");
    CliRunner.Outcome o = run(c, "job-q3.yaml", "2023-10-15");
    assertTrue(o.out().contains("0 new cases") && o.out().contains("1 split pieces joined"), o.out());
    assertEquals(cases, sql(c, "SELECT COUNT(*) FROM cases"));
    assertEquals(taskCount, sql(c, "SELECT COUNT(*) FROM tasks"));
    assertEquals(a + "R", sql(c, "SELECT patch_id FROM cases WHERE case_id = '" + a + "'"));
    assertEquals(a + "|opened," + a + "R|continued",
        sql(c, "SELECT patch_id, role FROM case_patches WHERE case_id = '" + a + "' ORDER BY fid").replace("\n", ","));
    assertEquals(b + "|opened," + b + "1|continued," + b + "2|part",
        sql(c, "SELECT patch_id, role FROM case_patches WHERE case_id = '" + b + "' ORDER BY fid").replace("\n", ","));
    assertEquals(areaB, Double.parseDouble(sql(c, "SELECT area_m2 FROM cases WHERE case_id = '" + b + "'")), 0.02,
        "the two pieces add up to the case");
    assertEquals("1", sql(c, "SELECT COUNT(*) FROM evidence WHERE case_id = '" + b + "'"), "evidence not repeated");
    String dump = sql(c, "SELECT COUNT(*) FROM cases") + sql(c, "SELECT COUNT(*) FROM history")
        + sql(c, "SELECT COUNT(*) FROM case_patches");
    run(c, "job-q3.yaml", "2023-10-15");
    assertEquals(dump, sql(c, "SELECT COUNT(*) FROM cases") + sql(c, "SELECT COUNT(*) FROM history")
        + sql(c, "SELECT COUNT(*) FROM case_patches"), "a re-run changes nothing");
  }

  @Test
  void escalationAfterExactlyTheConfiguredDaysAndRoutingByKind() throws Exception {
    CountyCopy c = CountyCopy.of(base, root.resolve("escalation"));
    c.editJob("rules:   {tolerance_m2: 1.0,", "rules:   {escalation_days: {township: 3, county: 6},"
        + " routing: {field: TBLX, table: {光伏用地: 发展改革局, 设施农用地: 农业农村局}, default: 自然资源局}, tolerance_m2: 1.0,");
    assertEquals(0, c.run().exit());
    // routing follows the table, by each case's patch kind read with GDAL
    Map<String, String> kind = new HashMap<>();
    List<List<String>> p = Ogr.readCsv(c.file("patches.shp"), "SELECT JCBH, TBLX FROM patches", "SQLite");
    p.subList(1, p.size()).forEach(r -> kind.put(r.get(0), r.get(1)));
    Map<String, String> table = Map.of("光伏用地", "发展改革局", "设施农用地", "农业农村局");
    int n = 0;
    for (String line : sql(c, "SELECT case_id, kind, routed_to FROM cases").split("\n")) {
      String[] f = line.split("\\|");
      assertEquals(kind.get(f[0]), f[1], line);
      assertEquals(table.getOrDefault(f[1], "自然资源局"), f[2], line);
      n++;
    }
    assertTrue(n > 100);
    String p1 = sql(c, "SELECT COUNT(*) FROM tasks WHERE priority = 'P1' AND due_on = '2023-09-02'");
    run(c, "job.yaml", "2023-09-04");
    assertEquals("0", sql(c, "SELECT COUNT(*) FROM cases WHERE escalation IS NOT NULL"), "2 days overdue: not yet");
    run(c, "job.yaml", "2023-09-05");
    assertEquals(p1 + "|township", sql(c, "SELECT COUNT(*), MAX(escalation) FROM cases WHERE escalation IS NOT NULL"),
        "3 days overdue: every P1 case to the township");
    run(c, "job.yaml", "2023-09-07");
    assertEquals("0", sql(c, "SELECT COUNT(*) FROM cases WHERE escalation = 'county'"));
    run(c, "job.yaml", "2023-09-08");
    assertEquals(p1, sql(c, "SELECT COUNT(*) FROM cases WHERE escalation = 'county'"), "6 days overdue: the county");
    String one = sql(c, "SELECT case_id FROM tasks WHERE priority = 'P1' ORDER BY case_id LIMIT 1");
    assertEquals("2", sql(c, "SELECT COUNT(*) FROM history WHERE case_id = '" + one + "' AND note LIKE 'escalated%'"));
    // an offender who refuses to stop sends a P3 case to the county at once
    String p3 = sql(c, "SELECT case_id FROM tasks WHERE priority = 'P3' AND due_on > '2023-09-08' ORDER BY case_id LIMIT 1");
    if (!p3.isEmpty()) {
      Files.writeString(c.file("refused.csv"), "任务编号,核查结果,处置措施,核查日期\nT" + p3 + ",违法,拒不停止,2023-09-08\n");
      assertEquals(0, CliRunner.run("-q", "feedback", "import", c.file("refused.csv").toString(), "--job",
          c.file("job.yaml").toString(), "--today", "2023-09-08").exit());
      assertEquals("county", sql(c, "SELECT escalation FROM cases WHERE case_id = '" + p3 + "'"));
    }
    CliRunner.Outcome st = CliRunner.run("status", "--job", c.file("job.yaml").toString(), "--as-of", "2023-09-08");
    assertTrue(st.out().contains(one) && st.out().contains("escalated to the county; routed to "), st.out());
  }
}
