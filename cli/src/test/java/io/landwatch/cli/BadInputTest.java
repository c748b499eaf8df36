package io.landwatch.cli;

import static io.landwatch.cli.CountyCopy.assertReadable;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.store.CaseStore;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The reliability suite's bad inputs, each on a private copy of the sample county damaged the
 * way real deliveries and real offices damage them. Every case asserts the exit code, that the
 * message names the file, record or key and what to do, and, when the run goes on, that nothing
 * is lost (records in = judged + quarantined) and no input file changed.
 */
class BadInputTest {
  @TempDir static Path root;
  static Path base;
  static final AtomicInteger N = new AtomicInteger();
  static Map<String, Map<String, String>> clean;

  @BeforeAll
  static void county() throws Exception {
    base = root.resolve("base");
    SampleCounty.write(base, 11, 1);
    CountyCopy c = copy();
    assertEquals(0, c.run().exit());
    clean = c.patches();
  }

  static CountyCopy copy() {
    return CountyCopy.of(base, root.resolve("case-" + N.incrementAndGet()));
  }

  /** Runs a copy that must succeed, checks the record balance and that no input changed. */
  static CliRunner.Outcome runs(CountyCopy c, String... extra) throws Exception {
    Map<String, String> before = c.inputDigests();
    CliRunner.Outcome o = c.run(extra);
    assertEquals(0, o.exit(), o.out() + o.err());
    c.assertBalanced();
    assertEquals(before, c.inputDigests(), "no input file was written");
    return o;
  }

  /** Runs a copy that must fail with {@code exit}, with a readable message containing every fragment. */
  static CliRunner.Outcome fails(int exit, CountyCopy c, List<String> fragments, String... extra) throws Exception {
    Map<String, String> before = c.inputDigests();
    CliRunner.Outcome o = c.run(extra);
    assertEquals(exit, o.exit(), o.out() + o.err());
    assertReadable(o);
    for (String f : fragments) {
      assertTrue(o.err().contains(f), "'" + f + "' in: " + o.err());
    }
    assertEquals(before, c.inputDigests(), "no input file was written");
    assertFalse(Files.exists(c.out().resolve("patches.csv")), "a failed first run publishes no outputs");
    return o;
  }

  @Nested
  class JobFile {
    @Test
    void duplicateTopLevelKeyNamesBothLines() throws Exception {
      CountyCopy c = copy();
      Files.writeString(c.file("job.yaml"), Files.readString(c.file("job.yaml")) + "rules: {tolerance_m2: 50000}\n");
      CliRunner.Outcome o = fails(3, c, List.of("job.yaml", "'rules' appears twice, at line 12 and at line 14"));
      CliRunner.Outcome v = CliRunner.run("-q", "validate", c.file("job.yaml").toString());
      assertEquals(3, v.exit(), "validate refuses it as well");
      assertTrue(v.err().contains("appears twice"), v.err() + o.err());
    }

    @Test
    void duplicateNestedKey() throws Exception {
      CountyCopy c = copy();
      c.editJob("{path: jbnt.shp}", "{path: jbnt.shp, path: gd.shp}");
      fails(3, c, List.of("'inputs.basic_farmland.path' appears twice"));
    }

    @Test
    void unknownKeySuggestsTheRightOne() throws Exception {
      CountyCopy c = copy();
      c.editJob("tolerance_m2: 1.0", "tolerence_m2: 1.0");
      fails(3, c, List.of("'rules.tolerence_m2' is not a known key", "Did you mean 'tolerance_m2'?"));
    }

    @Test
    void textWhereANumberBelongs() throws Exception {
      CountyCopy c = copy();
      c.editJob("tolerance_m2: 1.0", "tolerance_m2: one");
      fails(3, c, List.of("'rules.tolerance_m2' must be a number, got 'one'"));
    }

    @Test
    void negativeThreshold() throws Exception {
      CountyCopy c = copy();
      c.editJob("referral_basic_farmland_mu: 5", "referral_basic_farmland_mu: -5");
      fails(3, c, List.of("'rules.referral_basic_farmland_mu' must not be negative"));
    }

    @Test
    void earliestDateThatIsNoDate() throws Exception {
      CountyCopy c = copy();
      c.editJob("tolerance_m2: 1.0,", "tolerance_m2: 1.0, earliest_date: 1972-13-01,");
      fails(3, c, List.of("'rules.earliest_date' is '1972-13-01', not a date"));
    }

    @Test
    void missingPatchesLayer() throws Exception {
      CountyCopy c = copy();
      c.editJob("  patches:            {path: patches.shp, id: JCBH, after_date: HSX, before_date: QSX}\n", "");
      fails(3, c, List.of("'inputs.patches' is missing"));
    }

    @Test
    void yamlSyntaxErrorGivesTheLine() throws Exception {
      CountyCopy c = copy();
      c.editJob("output:  {dir: out}", "output:  {dir: out");
      fails(3, c, List.of("is not valid YAML at line"));
    }

    @Test
    void zeroThreadsInTheJobFile() throws Exception {
      CountyCopy c = copy();
      Files.writeString(c.file("job.yaml"), Files.readString(c.file("job.yaml")) + "run: {threads: 0}\n");
      fails(3, c, List.of("'run.threads' must be a whole number of at least 1, got '0'"));
    }

    @Test
    void jobFileThatDoesNotExist() throws Exception {
      CliRunner.Outcome o = CliRunner.run("-q", "run", root.resolve("nowhere.yaml").toString());
      assertEquals(3, o.exit());
      assertTrue(o.err().contains("nowhere.yaml does not exist"), o.err());
    }
  }

  @Nested
  class CommandLine {
    @Test
    void zeroThreadsIsAUsageError() throws Exception {
      CountyCopy c = copy();
      CliRunner.Outcome o = fails(2, c, List.of("--threads must be at least 1, got 0", "landwatch run --help"), "--threads", "0");
      assertFalse(o.err().contains("Usage:"), "one line, not the whole usage");
    }

    @Test
    void impossibleAsOfDate() throws Exception {
      CliRunner.Outcome o = CliRunner.run("-q", "run", base.resolve("job.yaml").toString(), "--as-of", "2023-13-01");
      assertEquals(2, o.exit());
      assertEquals("landwatch: Invalid value for option '--as-of': '2023-13-01' is not a date; write it as"
          + " 2023-07-01. See: landwatch run --help", o.err().strip());
    }

    @Test
    void helpListsEveryCommandThoughARunBuildsOnlyItsOwn() throws Exception {
      CliRunner.Outcome help = CliRunner.run("--help");
      assertEquals(0, help.exit());
      for (String c : List.of("inspect", "validate", "samples", "run", "feedback", "leads", "patrol", "case", "report",
          "export", "ledger", "status", "detect")) {
        assertTrue(help.out().contains("\n  " + c + " "), c + " in\n" + help.out());
      }
      CliRunner.Outcome runHelp = CliRunner.run("run", "--help");
      assertEquals(0, runHelp.exit());
      assertTrue(runHelp.out().startsWith("Usage: landwatch run "), runHelp.out());
      CliRunner.Outcome typo = CliRunner.run("-q", "rnu", "job.yaml");
      assertEquals(2, typo.exit());
      assertTrue(typo.err().contains("'rnu'") && typo.err().contains("landwatch --help"), typo.err());
      CliRunner.Outcome none = CliRunner.run("-q");
      assertEquals(2, none.exit());
      assertTrue(none.err().contains("Missing command"), none.err());
    }

    @Test
    void misspeltOption() throws Exception {
      CliRunner.Outcome o = CliRunner.run("-q", "run", base.resolve("job.yaml").toString(), "--thread", "2");
      assertEquals(2, o.exit());
      assertTrue(o.err().contains("Unknown option") && o.err().contains("--thread"), o.err());
      assertFalse(o.err().contains("Usage:"));
    }
  }

  @Nested
  class Files_ {
    @Test
    void patchLayerMissing() throws Exception {
      CountyCopy c = copy();
      Files.delete(c.file("patches.shp"));
      fails(4, c, List.of("inputs.patches", "patches.shp does not exist"));
    }

    @Test
    void dbfMissingIsNamed() throws Exception {
      CountyCopy c = copy();
      Files.delete(c.file("patches.dbf"));
      fails(4, c, List.of("inputs.patches", "patches.shp has no .dbf file beside it"));
    }

    @Test
    void shxMissingIsRebuiltInACopyNeverBesideTheInput() throws Exception {
      CountyCopy c = copy();
      Files.delete(c.file("cun.shx"));
      CliRunner.Outcome o = runs(c);
      assertFalse(Files.exists(c.file("cun.shx")), "the input folder was not written to");
      assertEquals(clean, c.patches(), "same judgment as with the index");
      assertTrue(o.err().contains("cun.shp has no .shx index; it was rebuilt in a temporary copy"), o.err());
    }

    @Test
    void garbagePrjIsNotCalledMissing() throws Exception {
      CountyCopy c = copy();
      Files.writeString(c.file("jbnt.prj"), "this is not a CRS");
      fails(4, c, List.of("inputs.basic_farmland", "jbnt.prj is there but is not a CRS GDAL understands",
          "'this is not a CRS'"));
    }

    @Test
    void missingPrjAsksForACrs() throws Exception {
      CountyCopy c = copy();
      Files.delete(c.file("jbnt.prj"));
      fails(4, c, List.of("inputs.basic_farmland", "has no CRS", "crs: EPSG:"));
    }

    @Test
    void emptyFileIsNamed() throws Exception {
      CountyCopy c = copy();
      Files.write(c.file("stbhhx.geojson"), new byte[0]);
      CliRunner.Outcome o = fails(4, c, List.of("inputs.ecological_redline", "stbhhx.geojson cannot be opened"));
      assertFalse(o.err().contains("()"), "the reason is given: " + o.err());
    }

    @Test
    void wrongFieldNameListsTheFields() throws Exception {
      CountyCopy c = copy();
      c.editJob("after_date: HSX", "after_date: HXS");
      fails(4, c, List.of("inputs.patches", "HXS", "HSX"));
    }

    @Test
    void wholeLayerInTheWrongCrsIsRefused() throws Exception {
      CountyCopy c = copy();
      c.editJob("{path: jbnt.shp}", "{path: jbnt.shp, crs: \"EPSG:4540\"}");
      fails(4, c, List.of("inputs.basic_farmland", "of the first", "lie outside the area of", "The CRS is wrong"));
    }

    @Test
    void unknownEncodingName() throws Exception {
      CountyCopy c = copy();
      c.editJob("{path: gd.shp, encoding: GBK}", "{path: gd.shp, encoding: GBKK}");
      fails(4, c, List.of("inputs.farmland", "the encoding 'GBKK' is not known"));
    }

    @Test
    void storeThatIsNotAGeoPackage() throws Exception {
      CountyCopy c = copy();
      Files.writeString(c.file("landwatch.gpkg"), "not a database");
      CliRunner.Outcome o = c.run();
      assertEquals(4, o.exit(), o.err());
      assertTrue(o.err().contains("The case store " + c.file("landwatch.gpkg") + " cannot be opened"), o.err());
      assertReadable(o);
    }

    @Test
    void outputFolderUnderAFileIsExit6() throws Exception {
      CountyCopy c = copy();
      c.editJob("output:  {dir: out}", "output:  {dir: job.yaml/out}");
      fails(6, c, List.of("job.yaml/out"));
    }

    @Test
    void outputFolderHoldingOtherFilesIsNotTakenOver() throws Exception {
      CountyCopy c = copy();
      Files.createDirectories(c.out());
      Files.writeString(c.out().resolve("notes.docx"), "the office's own file");
      Map<String, String> before = c.inputDigests();
      CliRunner.Outcome o = c.run();
      assertEquals(6, o.exit(), o.err());
      assertTrue(o.err().contains("holds files landwatch did not write (notes.docx)"), o.err());
      assertEquals("the office's own file", Files.readString(c.out().resolve("notes.docx")));
      assertEquals(before, c.inputDigests());
    }
  }

  @Nested
  class Records {
    @Test
    void placeholderDateInTheFutureIsQuarantinedNotJudged() throws Exception {
      assertEquals("suspected_illegal", clean.get("14052420230006").get("verdict"), "the clean verdict");
      CountyCopy c = copy();
      c.setField("patches.shp", "JCBH = '14052420230006'", "HSX", "99991231");
      runs(c);
      List<String> q = c.quarantined("patches", "implausible_date");
      assertEquals("14052420230006", q.get(2));
      assertTrue(q.get(3).contains("HSX='99991231' is after the run date 2023-09-01"), q.get(3));
      assertFalse(c.patches().containsKey("14052420230006"), "never judged, so never 'approved'");
    }

    @Test
    void dateBeforeTheImageryEra() throws Exception {
      CountyCopy c = copy();
      c.setField("patches.shp", "JCBH = '14052420230007'", "QSX", "18990101");
      runs(c);
      List<String> q = c.quarantined("patches", "implausible_date");
      assertEquals("6", q.get(1), "the record number");
      assertTrue(q.get(3).contains("QSX='18990101' is before 1972-07-23 (rules.earliest_date)"), q.get(3));
    }

    @Test
    void earliestDateIsConfigurable() throws Exception {
      CountyCopy c = copy();
      c.setField("patches.shp", "JCBH = '14052420230007'", "QSX", "19700101");
      c.editJob("tolerance_m2: 1.0,", "tolerance_m2: 1.0, earliest_date: 1960-01-01,");
      runs(c);
      assertTrue(c.patches().containsKey("14052420230007"), "1970 is plausible for this county");
    }

    @Test
    void beforeDateAfterTheAfterDate() throws Exception {
      CountyCopy c = copy();
      c.setField("patches.shp", "JCBH = '14052420230008'", "QSX", "20230801");
      runs(c);
      List<String> q = c.quarantined("patches", "date_order");
      assertEquals("14052420230008", q.get(2));
      assertTrue(q.get(3).contains("the before date QSX=2023-08-01 is later than the after date HSX="), q.get(3));
    }

    @Test
    void approvalValidUntilBeforeItWasGranted() throws Exception {
      CountyCopy c = copy();
      c.setField("approvals.gpkg", "PZWH = '陵政地〔2022〕002号'", "YXQZ", "2021/01/31");
      runs(c);
      List<String> q = c.quarantined("approvals[0]", "validity_before_approval");
      assertEquals("陵政地〔2022〕002号", q.get(2));
      assertTrue(q.get(3).contains("valid until YXQZ=2021-01-31, before it was granted (PZRQ=2022-"), q.get(3));
    }

    @Test
    void approvalDatedAfterTheRunDate() throws Exception {
      CountyCopy c = copy();
      c.setField("approvals.gpkg", "PZWH = '陵政地〔2022〕002号'", "PZRQ", "2029/01/01");
      runs(c);
      assertTrue(c.quarantined("approvals[0]", "implausible_date").get(3).contains("is after the run date"));
    }

    @Test
    void oneHugeCoordinateStopsOnlyItsRecord() throws Exception {
      CountyCopy c = copy();
      c.setGeometry("patches.shp", "JCBH = '14052420230010'", "POLYGON ((1e300 1e300, 1e300 1.1e300, 1.1e300 1e300, 1e300 1e300))");
      runs(c);
      List<String> q = c.quarantined("patches", "invalid_coordinate");
      assertEquals("14052420230010", q.get(2));
      assertTrue(q.get(3).contains("lie outside the area of EPSG:4526"), q.get(3));
      assertEquals(clean.size() - 1, c.patches().size(), "every other patch judged");
    }

    @Test
    void homesteadWktNearNullIsland() throws Exception {
      CountyCopy c = copy();
      String csv = Files.readString(c.file("homesteads.csv"));
      String first = csv.substring(csv.indexOf("\"POLYGON"), csv.indexOf("))\"") + 3);
      Files.writeString(c.file("homesteads.csv"), csv.replace(first, "\"POLYGON ((1 2, 2 2, 2 3, 1 2))\""));
      runs(c);
      List<String> q = c.quarantined("approvals[1]", "invalid_coordinate");
      assertEquals("宅〔2023〕000号", q.get(2));
    }

    @Test
    void farmlandParcelNearOneOneIsQuarantinedWithItsRecordNumber() throws Exception {
      CountyCopy c = copy();
      c.setGeometry("gd.shp", "FID = 3", "POLYGON ((1 1, 2 1, 2 2, 1 1))");
      runs(c);
      List<String> q = c.quarantined("farmland", "invalid_coordinate");
      assertEquals("3", q.get(1));
    }

    @Test
    void unreadableGeoJsonGeometryIsNotCalledNull() throws Exception {
      CountyCopy c = copy();
      String json = Files.readString(c.file("stbhhx.geojson"));
      String broken = json.replaceFirst("\"type\": \"Polygon\"", "\"type\": \"Polygonn\"");
      assertFalse(broken.equals(json), json.substring(0, 300));
      Files.writeString(c.file("stbhhx.geojson"), broken);
      runs(c);
      List<String> q = c.quarantined("ecological_redline", "unreadable_geometry");
      assertTrue(q.get(3).contains("the GeoJSON geometry cannot be read"), q.get(3));
    }

    @Test
    void vanishinglySmallPatchIsNotJudgedApproved() throws Exception {
      CountyCopy c = copy();
      c.setGeometry("patches.shp", "JCBH = '14052420230011'",
          "POLYGON ((38440000 3960000, 38440000.0000001 3960000, 38440000 3960000.0000001, 38440000 3960000))");
      runs(c);
      List<String> q = c.quarantined("patches", "degenerate_area");
      assertTrue(q.get(3).contains("below 1.0E-4 m²") || q.get(3).contains("below 0.0001 m²"), q.get(3));
      assertFalse(c.patches().containsKey("14052420230011"));
    }

    @Test
    void duplicatePatchIdKeepsTheFirst() throws Exception {
      CountyCopy c = copy();
      c.setField("patches.shp", "JCBH = '14052420230012'", "JCBH", "14052420230013");
      runs(c);
      List<String> q = c.quarantined("patches", "duplicate_id");
      assertTrue(q.get(3).contains("was already used by record"), q.get(3));
    }

    @Test
    void missingPatchId() throws Exception {
      CountyCopy c = copy();
      c.setField("patches.shp", "JCBH = '14052420230014'", "JCBH", "");
      runs(c);
      assertTrue(c.quarantined("patches", "missing_id").get(3).contains("field JCBH is empty"));
    }

    @Test
    void pointWhereAPolygonBelongs() throws Exception {
      CountyCopy c = copy();
      c.setGeometry("approvals.gpkg", "PZWH = '陵政地〔2022〕002号'", "POINT (113.25 35.77)");
      runs(c);
      assertTrue(c.quarantined("approvals[0]", "not_polygonal").get(3).contains("not a polygon"));
    }

    @Test
    void everyPatchUnusableIsAnErrorNotAnEmptySuccess() throws Exception {
      CountyCopy c = copy();
      c.setGeometry("patches.shp", "1 = 1", null);
      fails(4, c, List.of("inputs.patches: none of the 300 records", "could be judged", "null_geometry"));
    }

    @Test
    void filterMatchingNothingIsAnError() throws Exception {
      CountyCopy c = copy();
      c.editJob("{path: patches.shp,", "{path: patches.shp, where: \"JCBH = 'none'\",");
      fails(4, c, List.of("where: \"JCBH = 'none'\" matches none of the 300 records"));
    }
  }

  @Nested
  class Encodings {
    @Test
    void jobEncodingOverridesALyingCpg() throws Exception {
      CountyCopy c = copy();
      Files.writeString(c.file("cun.cpg"), "UTF-8");
      CliRunner.Outcome lying = runs(c);
      assertTrue(lying.out().contains("WARNING: inputs.villages (cun.shp): text such as"), lying.out());
      String summary = Files.readString(c.out().resolve("summary.json"));
      assertTrue(summary.contains("looks like GBK decoded as UTF-8"), "the warning is in summary.json");
      c.editJob("{path: cun.shp,", "{path: cun.shp, encoding: GBK,");
      CliRunner.Outcome fixed = runs(c);
      assertFalse(fixed.out().contains("WARNING"), fixed.out());
      assertEquals(clean, c.patches(), "village names read right again");
    }

    @Test
    void utf8DbfUnderAGbkCpgIsFlagged() throws Exception {
      CountyCopy c = copy();
      for (String ext : List.of("shp", "shx", "dbf", "prj", "cpg")) {
        Files.delete(c.file("cun." + ext));
      }
      Ogr.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=UTF-8",
          c.file("cun.shp").toString(), base.resolve("cun.shp").toString());
      Files.writeString(c.file("cun.cpg"), "GBK");
      CliRunner.Outcome o = runs(c);
      assertTrue(o.out().contains("looks like UTF-8 decoded as GBK"), o.out());
      c.editJob("{path: cun.shp,", "{path: cun.shp, encoding: UTF-8,");
      runs(c);
      assertEquals(clean, c.patches());
    }
  }

  @Nested
  class Feedback {
    CountyCopy c;

    Path feedback(String name, String text, Charset cs) throws Exception {
      Path f = c.file(name);
      Files.write(f, text.getBytes(cs));
      return f;
    }

    String firstTask() throws Exception {
      List<List<String>> tasks = Csv.read(c.out().resolve("tasks.csv"));
      return tasks.get(1).get(Csv.col(tasks, "task_id"));
    }

    CliRunner.Outcome importFile(Path f, String... extra) {
      String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("-q", "feedback", "import",
          f.toString(), "--job", c.file("job.yaml").toString(), "--today", "2023-09-10"), java.util.stream.Stream.of(extra))
          .toArray(String[]::new);
      return CliRunner.run(args);
    }

    void ran() throws Exception {
      c = copy();
      assertEquals(0, c.run().exit());
    }

    @Test
    void gbkCsvIsRefusedNotWrittenAsMojibake() throws Exception {
      ran();
      String t = firstTask();
      Path f = feedback("fb.csv", "task_id,result,action,checked_on,inspector,note\n" + t
          + ",illegal,stopped,2023-09-02,王芳,已制止\n", Charset.forName("GBK"));
      String history = CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT count(*) FROM history");
      CliRunner.Outcome o = importFile(f);
      assertEquals(4, o.exit(), o.err());
      assertTrue(o.err().contains("fb.csv, row 2, column inspector"), o.err());
      assertTrue(o.err().contains("--encoding GBK"), o.err());
      assertEquals(history, CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT count(*) FROM history"));
      CliRunner.Outcome ok = importFile(f, "--encoding", "GBK");
      assertEquals(0, ok.exit(), ok.err());
      assertTrue(CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT actor FROM history WHERE task_id = '" + t
          + "' AND new_status = 'stopped'").endsWith("by 王芳"));
    }

    @Test
    void importingTheSameFileTwiceChangesNothing() throws Exception {
      ran();
      String t = firstTask();
      Path f = feedback("fb.csv", "task_id,result,action,checked_on,inspector,note\n" + t
          + ",illegal,none,2023-09-02,王芳,\n" + t + ",illegal,demolished,2023-09-05,王芳,已拆除\n", StandardCharsets.UTF_8);
      assertEquals(0, importFile(f).exit());
      String store = CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT * FROM history ORDER BY fid")
          + CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT * FROM tasks ORDER BY fid");
      CliRunner.Outcome again = importFile(f);
      assertEquals(0, again.exit(), again.out() + again.err());
      assertTrue(again.out().contains("0 rows applied, 2 already applied before, 0 rejected"), again.out());
      assertEquals(store, CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT * FROM history ORDER BY fid")
          + CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT * FROM tasks ORDER BY fid"));
    }

    @Test
    void aRowRepeatedInOneFileAppliesOnce() throws Exception {
      ran();
      String t = firstTask();
      String row = t + ",illegal,stopped,2023-09-02,王芳,已制止\n";
      Path f = feedback("fb.csv", "task_id,result,action,checked_on,inspector,note\n" + row + row, StandardCharsets.UTF_8);
      CliRunner.Outcome o = importFile(f);
      assertEquals(0, o.exit(), o.err());
      assertTrue(o.out().contains("1 rows applied, 1 already applied before"), o.out());
      assertEquals("1", CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT count(*) FROM history WHERE task_id = '" + t
          + "' AND new_status = 'stopped'"));
      assertTrue(Files.readString(c.file("fb.csv.report.csv")).contains("repeats row 2"));
    }

    @Test
    void partialWithEveryRowRejectedIsNotSuccess() throws Exception {
      ran();
      Path f = feedback("fb.csv", "task_id,result,action,checked_on,inspector,note\nT0,illegal,none,2023-09-02,王芳,\n",
          StandardCharsets.UTF_8);
      CliRunner.Outcome o = importFile(f, "--partial");
      assertEquals(8, o.exit(), o.out() + o.err());
      assertTrue(o.err().contains("no row could be applied"), o.err());
    }

    @Test
    void unknownTaskRejectsTheWholeFile() throws Exception {
      ran();
      String t = firstTask();
      Path f = feedback("fb.csv", "task_id,result,action,checked_on,inspector,note\n" + t
          + ",illegal,stopped,2023-09-02,王芳,\nT999,illegal,none,2023-09-02,王芳,\n", StandardCharsets.UTF_8);
      CliRunner.Outcome o = importFile(f);
      assertEquals(8, o.exit());
      assertTrue(o.out().contains("row 3 (T999): rejected: unknown task_id 'T999'"), o.out());
      assertEquals("0", CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT count(*) FROM history WHERE new_status = 'stopped'"),
          "nothing half applied");
    }

    @Test
    void chineseHeadersAndValuesAsTheOfficeWritesThem() throws Exception {
      ran();
      String t = firstTask();
      List<List<String>> tasks = Csv.read(c.out().resolve("tasks.csv"));
      String t2 = tasks.get(2).get(Csv.col(tasks, "task_id"));
      Path f = feedback("fb.csv", "任务编号,核查结果,处置措施,核查日期,核查人,备注\n" + t + ",违法,已制止,2023-09-02,王芳,已下达停工通知\n"
          + t2 + ",设施农用地,,2023-09-02,王芳,已备案\n", StandardCharsets.UTF_8);
      CliRunner.Outcome o = importFile(f);
      assertEquals(0, o.exit(), o.out() + o.err());
      assertEquals("stopped", CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT status FROM tasks WHERE task_id = '" + t + "'"));
      assertTrue(CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT note FROM history WHERE task_id = '" + t
          + "' AND new_status = 'stopped'").contains("已下达停工通知"));
      assertEquals("closed|facility_agriculture", CountyCopy.sql(c.file("landwatch.gpkg"),
          "SELECT status, result FROM tasks WHERE task_id = '" + t2 + "'"), "facility agriculture needs no enforcement");
    }

    @Test
    void theTasksSheetFilledInImportsBack() throws Exception {
      ran();
      Path xlsx = c.file("反馈.xlsx");
      String t;
      try (var in = Files.newInputStream(c.out().resolve("tasks.xlsx"));
          var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
        while (wb.getNumberOfSheets() > 1) {
          wb.removeSheetAt(1);
        }
        var sheet = wb.getSheetAt(0);
        var head = sheet.getRow(0);
        int n = head.getLastCellNum();
        head.createCell(n).setCellValue("核查结果");
        head.createCell(n + 1).setCellValue("处置措施");
        head.createCell(n + 2).setCellValue("核查日期");
        var row = sheet.getRow(1);
        int idCol = 0;
        while (!head.getCell(idCol).getStringCellValue().equals("任务编号")) {
          idCol++;
        }
        t = row.getCell(idCol).getStringCellValue();
        row.createCell(n).setCellValue("违法");
        row.createCell(n + 1).setCellValue("已制止");
        row.createCell(n + 2).setCellValue("2023-09-03");
        for (int r = sheet.getLastRowNum(); r > 1; r--) {
          sheet.removeRow(sheet.getRow(r));
        }
        try (var out = Files.newOutputStream(xlsx)) {
          wb.write(out);
        }
      }
      CliRunner.Outcome o = importFile(xlsx);
      assertEquals(0, o.exit(), o.out() + o.err());
      assertTrue(o.out().contains("1 rows applied"), o.out());
      assertEquals("stopped", CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT status FROM tasks WHERE task_id = '" + t + "'"));
    }

    @Test
    void theFeedbackTemplateRoundTrips() throws Exception {
      ran();
      Path template = c.out().resolve("tasks-feedback.xlsx");
      Path filled = c.file("反馈表.xlsx");
      List<String> ids = new java.util.ArrayList<>();
      try (var in = Files.newInputStream(template); var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
        var sheet = wb.getSheet("反馈");
        var head = sheet.getRow(0);
        assertEquals("任务编号", head.getCell(0).getStringCellValue());
        assertEquals("核查结果", head.getCell(7).getStringCellValue());
        assertEquals(List.of("违法", "合法已批", "设施农用地", "农村道路", "伪变化", "其他"), List.of(sheet.getDataValidations().stream()
            .filter(v -> v.getRegions().getCellRangeAddress(0).getFirstColumn() == 7).findFirst().orElseThrow()
            .getValidationConstraint().getExplicitListValues()), "a drop-down list of results");
        List<List<String>> tasks = Csv.read(c.out().resolve("tasks.csv"));
        assertEquals(tasks.size() - 1, sheet.getLastRowNum(), "one row per open task");
        for (int r = 1; r <= 2; r++) {
          var row = sheet.getRow(r);
          ids.add(row.getCell(0).getStringCellValue());
          row.createCell(7).setCellValue(r == 1 ? "违法" : "合法已批");
          row.createCell(8).setCellValue(r == 1 ? "已制止" : "无");
          row.createCell(9).setCellValue("2023-09-05");
          row.createCell(10).setCellValue("王芳");
        }
        try (var out = Files.newOutputStream(filled)) {
          wb.write(out);
        }
      }
      CliRunner.Outcome o = importFile(filled);
      assertEquals(0, o.exit(), o.out() + o.err());
      assertTrue(o.out().contains("2 rows applied"), o.out());
      assertEquals("stopped", CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT status FROM tasks WHERE task_id = '" + ids.get(0) + "'"));
      assertEquals("closed", CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT status FROM tasks WHERE task_id = '" + ids.get(1) + "'"));
      assertTrue(Files.readString(c.file("反馈表.xlsx.report.csv")).contains("not filled in"), "the other rows are skipped");
      CliRunner.Outcome again = importFile(filled);
      assertEquals(0, again.exit(), again.out() + again.err());
      assertTrue(again.out().contains("0 rows applied, 2 already applied before"), again.out());
    }

    @Test
    void missingColumnsPointToTheFormat() throws Exception {
      ran();
      Path f = feedback("fb.csv", "id,what\n1,2\n", StandardCharsets.UTF_8);
      CliRunner.Outcome o = importFile(f);
      assertEquals(4, o.exit());
      assertTrue(o.err().contains("docs/NIGHTLY.md"), o.err());
    }
  }

  @Nested
  class ReadOnlyCommands {
    @Test
    void inspectAndValidateNeverWriteAnInput() throws Exception {
      CountyCopy c = copy();
      Files.delete(c.file("jbnt.shx"));
      Map<String, String> before = c.inputDigests();
      for (String shp : List.of("patches.shp", "gd.shp", "jbnt.shp", "cun.shp")) {
        assertEquals(0, CliRunner.run("-q", "inspect", c.file(shp).toString()).exit(), shp);
      }
      CliRunner.Outcome v = CliRunner.run("-q", "validate", c.file("job.yaml").toString());
      assertEquals(0, v.exit(), v.out() + v.err());
      assertEquals(before, c.inputDigests(), "contents and modification times unchanged");
      assertFalse(Files.exists(c.file("jbnt.shx")));
    }

    @Test
    void ledgerPrintsNoLoggingNoise() throws Exception {
      CountyCopy c = copy();
      assertEquals(0, c.run().exit());
      ChildProcess.Result r = ChildProcess.run(List.of(), "ledger", "--job", c.file("job.yaml").toString(),
          "--out", c.file("ledger.xlsx").toString());
      assertEquals(0, r.exit(), r.err());
      assertFalse(r.err().contains("Log4j") || r.err().contains("ERROR"), r.err());
    }
  }

  @Nested
  class Store {
    @Test
    void leftoverLockFileOfAnOlderReleaseNeitherBlocksNorStays() throws Exception {
      CountyCopy c = copy();
      Files.writeString(c.file("landwatch.gpkg.lock"), "");
      runs(c);
      assertFalse(Files.exists(c.file("landwatch.gpkg.lock")));
    }

    @Test
    void storeHeldByAnotherProcessIsExit7() throws Exception {
      CountyCopy c = copy();
      assertEquals(0, c.run().exit());
      try (CaseStore held = CaseStore.open(c.file("landwatch.gpkg"))) {
        CliRunner.Outcome o = c.run();
        assertEquals(7, o.exit(), o.err());
        assertTrue(o.err().contains("is being used by another landwatch process"), o.err());
      }
      assertEquals(0, c.run().exit(), "free again once the holder closed it");
    }
  }
}
