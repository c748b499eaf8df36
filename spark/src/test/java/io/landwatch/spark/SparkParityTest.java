package io.landwatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.geo.Gdal;
import io.landwatch.job.JobRunner;
import io.landwatch.job.RunResult;
import io.landwatch.judge.PatchResult;
import io.landwatch.samples.SampleCounty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The Spark engine (local[2], broadcast joins off: the partitioned spatial join) gives the same
 * results as the single-machine engine on the sample county and on other seeded counties.
 */
@Tag("slow")
class SparkParityTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(longs = {20230420L, 97L})
  void sameResultsAsTheSingleMachineEngine(long seed) throws Exception {
    SampleCounty.write(dir, seed, 1);
    JobConfig job = JobConfigLoader.load(dir.resolve("job.yaml")).withStore(null);
    LocalDate day = LocalDate.of(2023, 7, 1);
    RunResult single = JobRunner.run(job.withOutputDir(dir.resolve("single")), day);
    DriverTraffic traffic = new DriverTraffic();
    RunResult spark = SparkMain.run(job.withOutputDir(dir.resolve("spark")), day, "local[2]", false, null, traffic);
    // judged on the executors: one row per patch came back, and notes without geometry
    assertTrue(traffic.rows() >= spark.results().size() && traffic.rows() < spark.results().size() + 40, traffic.toString());

    assertEquals(single.results().size(), spark.results().size());
    Map<String, PatchResult> bySingle = new HashMap<>();
    single.results().forEach(r -> bySingle.put(r.patch().id(), r));
    for (PatchResult s : spark.results()) {
      PatchResult m = bySingle.get(s.patch().id());
      assertEquals(m.verdict(), s.verdict(), s.patch().id());
      assertEquals(m.priority(), s.priority(), s.patch().id());
      assertEquals(m.referral(), s.referral(), s.patch().id());
      assertEquals(m.village(), s.village(), s.patch().id());
      assertEquals(m.township(), s.township(), s.patch().id());
      assertEquals(m.approvals(), s.approvals(), s.patch().id());
      double[][] pairs = {{m.areaM2(), s.areaM2()}, {m.unapprovedM2(), s.unapprovedM2()},
          {m.farmlandM2(), s.farmlandM2()}, {m.basicFarmlandM2(), s.basicFarmlandM2()},
          {m.otherFarmlandM2(), s.otherFarmlandM2()}, {m.ecologicalM2(), s.ecologicalM2()}};
      for (double[] p : pairs) {
        assertEquals(p[0], p[1], 0.01 + 1e-7 * Math.abs(p[0]), s.patch().id());
      }
    }
    for (String f : List.of("patches.geojson", "patches.csv", "suspected.geojson")) {
      assertEquals(Files.readString(dir.resolve("single").resolve(f)), Files.readString(dir.resolve("spark").resolve(f)), f);
    }
    assertTrue(spark.counts().stream().allMatch(c -> c.balanced()));
    assertGeoParquet(dir.resolve("spark").resolve("patches.parquet"), single.results().size());
  }

  /**
   * A working CRS that needs GDAL (Web Mercator, which the pure-Java transforms do not cover): the
   * engine judges on the driver instead, with the same results.
   */
  @org.junit.jupiter.api.Test
  void aCrsThatNeedsGdalIsJudgedOnTheDriver() throws Exception {
    SampleCounty.write(dir, 20230420L, 1);
    Gdal.init();
    org.gdal.gdal.Dataset src = org.gdal.gdal.gdal.OpenEx(dir.resolve("patches.shp").toString());
    org.gdal.gdal.Dataset out = org.gdal.gdal.gdal.VectorTranslate(dir.resolve("patches-3857.shp").toString(), src,
        new org.gdal.gdal.VectorTranslateOptions(new java.util.Vector<>(List.of("-t_srs", "EPSG:3857", "-lco", "ENCODING=CP936"))));
    out.delete();
    src.delete();
    Files.writeString(dir.resolve("job-3857.yaml"), Files.readString(dir.resolve("job.yaml")).replace("{path: patches.shp,", "{path: patches-3857.shp,"));
    JobConfig job = JobConfigLoader.load(dir.resolve("job-3857.yaml")).withStore(null);
    LocalDate day = LocalDate.of(2023, 7, 1);
    DriverTraffic traffic = new DriverTraffic();
    RunResult spark = SparkMain.run(job.withOutputDir(dir.resolve("spark")), day, "local[2]", false, null, traffic);
    RunResult single = JobRunner.run(job.withOutputDir(dir.resolve("single")), day);
    assertEquals(0, traffic.tasks(), "not judged on the executors");
    assertTrue(spark.working().label().contains("3857"), spark.working().label());
    assertEquals(single.results().size(), spark.results().size());
    assertEquals(Files.readString(dir.resolve("single/patches.csv")), Files.readString(dir.resolve("spark/patches.csv")));
  }

  /** Records the Spark reader quarantines carry the single-machine engine's record numbers and sentences. */
  @org.junit.jupiter.api.Test
  void quarantinedParcelsKeepTheirRecordNumbers() throws Exception {
    SampleCounty.write(dir, 20230420L, 1);
    Gdal.init();
    org.gdal.ogr.DataSource ds = org.gdal.ogr.ogr.Open(dir.resolve("gd.shp").toString(), 1);
    for (long fid : new long[] {7, 4000}) {
      org.gdal.ogr.Feature f = ds.GetLayer(0).GetFeature(fid);
      f.SetGeometry(null);
      ds.GetLayer(0).SetFeature(f);
      f.delete();
    }
    ds.delete();
    JobConfig job = JobConfigLoader.load(dir.resolve("job.yaml")).withStore(null);
    LocalDate day = LocalDate.of(2023, 7, 1);
    JobRunner.run(job.withOutputDir(dir.resolve("single")), day);
    SparkMain.run(job.withOutputDir(dir.resolve("spark")), day, "local[2]", false);
    String single = Files.readString(dir.resolve("single").resolve("quarantine.csv"));
    assertTrue(single.contains("farmland,7,,the record has no geometry,null_geometry")
        && single.contains("farmland,4000,,the record has no geometry,null_geometry"), single);
    assertEquals(single, Files.readString(dir.resolve("spark").resolve("quarantine.csv")));
  }

  @org.junit.jupiter.api.Test
  void inputsAndOutputsOnAHadoopFileSystemUri() throws Exception {
    SampleCounty.write(dir, 20230420L, 1);
    String yaml = Files.readString(dir.resolve("job.yaml"))
        .replace("farmland:           {path: gd.shp, encoding: GBK}",
            "farmland:           {path: \"" + dir.resolve("gd.shp").toUri() + "\", encoding: GBK, crs: \"EPSG:4526\"}")
        .replace("basic_farmland:     {path: jbnt.shp}",
            "basic_farmland:     {path: \"" + dir.resolve("jbnt.shp").toUri() + "\", crs: \"EPSG:4490\", encoding: UTF-8}")
        // the small layers too: copied to the driver with their sidecar files, read through GDAL
        .replace("patches:            {path: patches.shp,", "patches:            {path: \"" + dir.resolve("patches.shp").toUri() + "\", crs: \"EPSG:4526\",")
        .replace("- {path: approvals.gpkg,", "- {path: \"" + dir.resolve("approvals.gpkg").toUri() + "\",")
        .replace("villages:           {path: cun.shp,", "villages:           {path: \"" + dir.resolve("cun.shp").toUri() + "\", crs: \"EPSG:4526\",");
    Files.writeString(dir.resolve("job-uri.yaml"), yaml);
    JobConfig job = JobConfigLoader.load(dir.resolve("job-uri.yaml")).withStore(null);
    assertTrue(job.farmland().remote() && job.patches().remote() && job.approvals().get(0).remote() && job.villages().remote());
    LocalDate day = LocalDate.of(2023, 7, 1);
    io.landwatch.LandwatchException local = org.junit.jupiter.api.Assertions.assertThrows(io.landwatch.LandwatchException.class,
        () -> JobRunner.run(job.withOutputDir(dir.resolve("local")), day));
    assertTrue(local.getMessage().contains("only the distributed engine reads"), local.getMessage());
    String out = dir.resolve("remote-out").toUri().toString();
    SparkMain.run(job.withOutputDir(Files.createTempDirectory("lw-out")), day, "local[2]", false, out);
    JobConfig plain = JobConfigLoader.load(dir.resolve("job.yaml")).withStore(null);
    JobRunner.run(plain.withOutputDir(dir.resolve("single")), day);
    assertEquals(Files.readString(dir.resolve("single/patches.csv")), Files.readString(dir.resolve("remote-out/patches.csv")));
    assertTrue(Files.exists(dir.resolve("remote-out/patches.parquet")));

    Files.writeString(dir.resolve("job-missing.yaml"), yaml.replace(dir.resolve("patches.shp").toUri().toString(),
        dir.resolve("nowhere/patches.shp").toUri().toString()));
    JobConfig missing = JobConfigLoader.load(dir.resolve("job-missing.yaml")).withStore(null);
    io.landwatch.LandwatchException e = org.junit.jupiter.api.Assertions.assertThrows(io.landwatch.LandwatchException.class,
        () -> SparkMain.run(missing.withOutputDir(dir.resolve("missing-out")), day, "local[2]", false));
    assertEquals(io.landwatch.ExitCode.INVALID_INPUT, e.exitCode());
    assertTrue(e.getMessage().startsWith("inputs.patches: cannot copy " + dir.resolve("nowhere/patches.shp").toUri()), e.getMessage());
  }

  @org.junit.jupiter.api.Test
  void readsFarmlandFromGeoParquet() throws Exception {
    SampleCounty.write(dir, 20230420L, 1);
    Path parquet = dir.resolve("gd.parquet");
    org.apache.spark.sql.SparkSession s = org.apache.sedona.spark.SedonaContext.create(
        org.apache.spark.sql.SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate());
    try {
      s.read().format("shapefile").option("charset", "GBK").load(dir.resolve("gd.shp").toString())
          .write().format("geoparquet").save(parquet.toString());
    } finally {
      s.stop();
    }
    Files.writeString(dir.resolve("job-parquet.yaml"), Files.readString(dir.resolve("job.yaml"))
        .replace("farmland:           {path: gd.shp, encoding: GBK}",
            "farmland:           {path: \"" + parquet.toUri() + "\", crs: \"EPSG:4526\"}"));
    LocalDate day = LocalDate.of(2023, 7, 1);
    JobConfig job = JobConfigLoader.load(dir.resolve("job-parquet.yaml")).withStore(null);
    SparkMain.run(job.withOutputDir(dir.resolve("parquet-run")), day, "local[2]", false);
    JobRunner.run(JobConfigLoader.load(dir.resolve("job.yaml")).withStore(null).withOutputDir(dir.resolve("single")), day);
    assertEquals(Files.readString(dir.resolve("single/patches.csv")), Files.readString(dir.resolve("parquet-run/patches.csv")));
  }

  /** GeoParquet read back by Sedona: every patch, and the CRS recorded as EPSG:4490 PROJJSON. */
  private static void assertGeoParquet(Path path, int patches) {
    org.apache.spark.sql.SparkSession s = org.apache.sedona.spark.SedonaContext.create(
        org.apache.spark.sql.SparkSession.builder().master("local[1]").config("spark.ui.enabled", "false").getOrCreate());
    try {
      assertEquals(patches, s.read().format("geoparquet").load(path.toString()).count());
      String meta = s.read().format("geoparquet.metadata").load(path.toString()).toJSON().collectAsList().toString();
      assertTrue(meta.contains("\\\"code\\\":4490") || meta.contains("\"code\":4490") || meta.replace("\\", "").contains("\"code\":4490"), meta);
    } finally {
      s.stop();
    }
  }
}
