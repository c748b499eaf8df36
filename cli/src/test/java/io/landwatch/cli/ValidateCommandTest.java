package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** validate on broken jobs: one clear paragraph naming the file and the fix, a documented exit code, no stack trace. */
class ValidateCommandTest {
  @TempDir static Path county;
  static String goodJob;

  @BeforeAll
  static void samples() throws Exception {
    SampleCounty.write(county, 7, 1);
    goodJob = Files.readString(county.resolve("job.yaml"));
  }

  private static CliRunner.Outcome validate(String yaml) throws Exception {
    Path job = county.resolve("variant.yaml");
    Files.writeString(job, yaml);
    return CliRunner.run("-q", "validate", job.toString());
  }

  private static void noStackTrace(CliRunner.Outcome o) {
    assertFalse(o.err().contains("\tat ") || o.out().contains("\tat "), o.err());
    assertFalse(o.err().contains("Exception"), o.err());
  }

  @Test
  void sampleJobIsValid() throws Exception {
    CliRunner.Outcome o = validate(goodJob);
    assertEquals(0, o.exit(), o.out() + o.err());
    assertTrue(o.out().contains("OK: the job can run."));
    assertTrue(o.out().contains("quarantine bad_date: 1"), o.out());
    assertTrue(o.out().contains("repair self_intersection_split: 1"), o.out());
    assertTrue(o.out().contains("EPSG:4526"), o.out());
    assertTrue(o.out().contains("encoding GBK (job)"), o.out());
  }

  @Test
  void wrongFieldNameListsTheAvailableOnes() throws Exception {
    CliRunner.Outcome o = validate(goodJob.replace("after_date: HSX", "after_date: HXS"));
    assertEquals(4, o.exit());
    noStackTrace(o);
    assertTrue(o.out().contains("PROBLEM: inputs.patches (" + county.resolve("patches.shp")
        + "): 'after_date: HXS' names no field of the layer. Did you mean 'HSX'? The layer's fields are:"
        + " JCBH, XZQDM, QSX, HSX, JCMJ, TBLX, BHLX, BZ."), o.out());
    assertTrue(o.err().contains("the job cannot run: 1 layer(s) have a problem"), o.err());
  }

  @Test
  void missingFileNamesTheFileAndTheKey() throws Exception {
    CliRunner.Outcome o = validate(goodJob.replace("path: gd.shp", "path: gd2023.shp"));
    assertEquals(4, o.exit());
    noStackTrace(o);
    assertTrue(o.out().contains("PROBLEM: inputs.farmland: the file " + county.resolve("gd2023.shp")
        + " does not exist. Check the 'path' of inputs.farmland in the job file"), o.out());
  }

  @Test
  void badCrsSaysWhatToWrite() throws Exception {
    CliRunner.Outcome o = validate(goodJob.replace("crs: \"EPSG:4526\"", "crs: \"EPSG:45260\""));
    assertEquals(4, o.exit());
    noStackTrace(o);
    assertTrue(o.out().contains("PROBLEM: inputs.approvals[1].crs: the CRS 'EPSG:45260' is not recognised"), o.out());
    assertTrue(o.out().contains("Write an EPSG code such as EPSG:4490"), o.out());
  }

  @Test
  void wrongCrsForTheCoordinatesIsCaught() throws Exception {
    CliRunner.Outcome o = validate(goodJob.replace("crs: \"EPSG:4526\"", "crs: \"EPSG:4490\""));
    assertEquals(4, o.exit());
    assertTrue(o.out().contains("declares the geographic CRS EPSG:4490"), o.out());
  }

  @Test
  void unknownKeyFailsBeforeAnyFileIsOpened() throws Exception {
    CliRunner.Outcome o = validate(goodJob.replace("tolerance_m2: 1.0", "tolerence_m2: 1.0"));
    assertEquals(3, o.exit());
    noStackTrace(o);
    assertEquals("landwatch: Job file " + county.resolve("variant.yaml") + ": 'rules.tolerence_m2' is not a"
        + " known key. Did you mean 'tolerance_m2'? Keys allowed under 'rules': accountability_ratio,"
        + " approval_kinds, deadlines, due_days, earliest_date, escalation_days, joint_meeting, photo_max_distance_m,"
        + " referral_basic_farmland_mu, referral_other_farmland_mu, require_photo_to_close, result_types, routing,"
        + " tolerance_m2."
        + " See docs/CONFIG.md.", o.err().strip());
  }

  @Test
  void gbkWithoutEncodingWarnsButCanRun() throws Exception {
    CliRunner.Outcome o = validate(goodJob.replace("{path: gd.shp, encoding: GBK}", "{path: gd.shp}"));
    assertEquals(0, o.exit(), o.out());
    assertTrue(o.out().contains("encoding ISO-8859-1 (default)"), o.out());
    // farmland text is not read by a run, so the streamed layer's check is in inspect; villages are read:
    CliRunner.Outcome v = validate(goodJob.replace("{path: cun.shp,", "{path: cun.shp, encoding: GBK,"));
    assertEquals(0, v.exit());
  }

  @Test
  void mojibakeInAReadLayerIsWarnedWithTheFix() throws Exception {
    Path cpg = county.resolve("cun.cpg");
    byte[] saved = Files.readAllBytes(cpg);
    try {
      Files.delete(cpg);
      CliRunner.Outcome o = validate(goodJob);
      assertEquals(0, o.exit(), o.out());
      assertTrue(o.out().contains("WARNING: inputs.villages (cun.shp): text such as"), o.out());
      assertTrue(o.out().contains("looks like GBK decoded as ISO-8859-1 (mojibake). Add 'encoding: GBK' to inputs.villages"), o.out());
    } finally {
      Files.write(cpg, saved);
    }
  }

  @Test
  void remoteLayersAreLeftToTheSparkEngineButNeedACrs() throws Exception {
    String uri = county.resolve("gd.shp").toUri().toString();
    CliRunner.Outcome ok = validate(goodJob.replace("{path: gd.shp, encoding: GBK}",
        "{path: \"" + uri + "\", encoding: GBK, crs: \"EPSG:4526\"}"));
    assertEquals(0, ok.exit(), ok.out());
    assertTrue(ok.out().contains("WARNING: a Hadoop file system URI: read by the Spark engine"), ok.out());
    CliRunner.Outcome noCrs = validate(goodJob.replace("{path: gd.shp, encoding: GBK}", "{path: \"" + uri + "\"}"));
    assertEquals(4, noCrs.exit());
    assertTrue(noCrs.out().contains("does not read .prj files: add 'crs: EPSG:<code>' to inputs.farmland"), noCrs.out());
  }

  @Test
  void usageErrorsExitWithTwo() {
    CliRunner.Outcome o = CliRunner.run("validate");
    assertEquals(2, o.exit());
    assertTrue(o.err().contains("Missing required parameter"), o.err());
  }
}
