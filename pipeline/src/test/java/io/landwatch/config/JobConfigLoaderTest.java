package io.landwatch.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobConfigLoaderTest {
  @TempDir Path dir;

  private JobConfig load(String yaml) throws Exception {
    Path f = dir.resolve("job.yaml");
    Files.writeString(f, yaml);
    return JobConfigLoader.load(f);
  }

  private String error(String yaml) {
    LandwatchException e = assertThrows(LandwatchException.class, () -> load(yaml));
    assertEquals(ExitCode.INVALID_JOB, e.exitCode());
    return e.getMessage();
  }

  @Test
  void readsTheDocumentedContract() throws Exception {
    JobConfig job = load("""
        job: lingchuan-2023q2
        inputs:
          patches:            {path: patches.shp, id: JCBH, after_date: HSX, before_date: QSX}
          approvals:
            - {path: approvals.gpkg, layer: approvals, id: PZWH, kind: PZLX, approved_on: PZRQ, valid_until: YXQZ}
            - {path: zjd.csv, id: ZJDBH, approved_on: PZRQ, wkt: WKT, crs: "EPSG:4526"}
          farmland:           {path: data/gd.shp, encoding: GBK, where: "DLBM LIKE '01%'"}
          basic_farmland:     {path: jbnt.shp}
          ecological_redline: {path: stbhhx.geojson}
          villages:           {path: cun.shp, village: CJMC, township: XZMC, inspector: WGY, phone: LXDH}
        rules:   {tolerance_m2: 0.5, referral_basic_farmland_mu: 5, referral_other_farmland_mu: 10, approval_kinds: [农用地转用]}
        output:  {dir: out}
        run: {threads: 1, progress_seconds: 5}
        """);
    assertEquals("lingchuan-2023q2", job.name());
    assertEquals(dir.resolve("patches.shp"), job.patches().path());
    assertEquals("HSX", job.patches().field("after_date"));
    assertEquals(2, job.approvals().size());
    assertEquals("approvals[1]", job.approvals().get(1).name());
    assertEquals("WKT", job.approvals().get(1).geometry().wkt());
    assertEquals("EPSG:4526", job.approvals().get(1).crs());
    assertEquals(dir.resolve("data/gd.shp"), job.farmland().path());
    assertEquals("GBK", job.farmland().encoding());
    assertEquals("DLBM LIKE '01%'", job.farmland().where());
    assertEquals(0.5, job.rules().toleranceM2());
    assertEquals(List.of("农用地转用"), job.rules().approvalKinds());
    assertEquals(0.15, job.rules().accountabilityRatio());
    assertEquals(dir.resolve("out"), job.outputDir());
    assertEquals(1, job.threads());
    assertEquals(5, job.progressSeconds());
  }

  @Test
  void onlyPatchesIsMandatory() throws Exception {
    JobConfig job = load("inputs: {patches: p.shp}\n");
    assertEquals("job", job.name());
    assertEquals("JCBH", job.patches().field("id"));
    assertTrue(job.approvals().isEmpty());
    assertNull(job.farmland());
    assertEquals(Rules.defaults(), job.rules());
    assertEquals(dir.resolve(".landwatch-cache"), job.cache(), "envelope caches beside the job by default");
  }

  @Test
  void theEnvelopeCacheCanMoveOrBeSwitchedOff() throws Exception {
    assertEquals(dir.resolve("tmp/lw"), load("inputs: {patches: p.shp}\nrun: {cache: tmp/lw}\n").cache());
    assertNull(load("inputs: {patches: p.shp}\nrun: {cache: none}\n").cache());
  }

  @Test
  void unknownKeyNamesItsPathAndSuggests() {
    String m = error("inputs:\n  patches: {path: p.shp, idd: JCBH}\n");
    assertTrue(m.contains("'inputs.patches.idd' is not a known key. Did you mean 'id'?"), m);
    assertTrue(m.contains("job.yaml"), m);
    String top = error("inputs: {patches: p.shp}\nrulez: {}\n");
    assertTrue(top.contains("'rulez' is not a known key. Did you mean 'rules'?"), top);
    String role = error("inputs: {patches: p.shp, farmlands: gd.shp}\n");
    assertTrue(role.contains("Did you mean 'farmland'?"), role);
  }

  @Test
  void typeErrorsNameTheKey() {
    String m = error("inputs: {patches: p.shp}\nrules: {tolerance_m2: one}\n");
    assertTrue(m.contains("'rules.tolerance_m2' must be a number, got 'one'"), m);
    String t = error("inputs: {patches: p.shp}\nrun: {threads: 0}\n");
    assertTrue(t.contains("'run.threads' must be a whole number of at least 1"), t);
    String l = error("inputs: {patches: {path: [a, b]}}\n");
    assertTrue(l.contains("'inputs.patches.path' must be a single value"), l);
  }

  @Test
  void missingPatchesAndBadYamlAreExplained() {
    assertTrue(error("inputs: {farmland: gd.shp}\n").contains("'inputs.patches' is missing"));
    assertTrue(error("inputs: [\n").contains("is not valid YAML at line"));
    assertTrue(error("inputs:\n  patches: {layer: x}\n").contains("'inputs.patches.path' is missing"));
    LandwatchException e = assertThrows(LandwatchException.class, () -> JobConfigLoader.load(dir.resolve("nope.yaml")));
    assertTrue(e.getMessage().contains("nope.yaml does not exist"), e.getMessage());
  }
}
