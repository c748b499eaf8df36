package io.landwatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.JobRunner;
import io.landwatch.job.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distributed engine on a real standalone cluster on 127.0.0.1 (a Master and two Worker
 * JVMs, executors launched by the Workers, without GDAL): a province of ten counties judged on
 * the executors gives, county by county, the single-machine engine's patches.csv and
 * patches.geojson byte for byte.
 */
@Tag("slow")
class StandaloneClusterTest {
  static final LocalDate DAY = LocalDate.of(2023, 7, 1);
  @TempDir static Path dir;
  static LocalCluster cluster;

  @BeforeAll
  static void startCluster() throws Exception {
    cluster = LocalCluster.start(dir.resolve("cluster"), 2);
  }

  @AfterAll
  static void stopCluster() throws Exception {
    cluster.close();
  }

  @Test
  void aProvinceOfTenCountiesOnTwoWorkersEqualsEachCountyRunAlone() throws Exception {
    Province province = Province.write(dir.resolve("data"), 97, 1, 10);
    JobConfig job = JobConfigLoader.load(province.job()).withStore(null);
    for (String p : LocalCluster.driverProperties()) {
      System.setProperty(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
    }
    System.setProperty("spark.jars", LocalCluster.appJars(dir));
    DriverTraffic traffic = new DriverTraffic();
    RunResult all;
    try {
      all = SparkMain.run(job.withOutputDir(dir.resolve("province-out")), DAY, cluster.url(), false, null, traffic);
    } catch (RuntimeException e) {
      throw new AssertionError("the cluster run failed; logs:\n" + cluster.logs(), e);
    } finally {
      for (String p : LocalCluster.driverProperties()) {
        System.clearProperty(p.substring(0, p.indexOf('=')));
      }
      System.clearProperty("spark.jars");
    }
    List<String> csv = Files.readAllLines(dir.resolve("province-out/patches.csv"));
    List<String> geojson = Files.readAllLines(dir.resolve("province-out/patches.geojson"));
    int judged = 0;
    for (int k = 0; k < 10; k++) {
      Path out = dir.resolve("county-out-" + k);
      RunResult one = JobRunner.run(JobConfigLoader.load(province.countyJobs().get(k)).withStore(null).withOutputDir(out), DAY);
      judged += one.results().size();
      String code = Integer.toString(140524 + k);
      List<String> countyCsv = Files.readAllLines(out.resolve("patches.csv"));
      assertEquals(countyCsv.get(0), csv.get(0), "header");
      assertEquals(countyCsv.subList(1, countyCsv.size()), csv.stream().filter(l -> l.startsWith(code + "2023")).toList(),
          "county " + code + ": patches.csv rows");
      assertEquals(features(Files.readAllLines(out.resolve("patches.geojson")), code),
          features(geojson, code), "county " + code + ": patches.geojson features");
    }
    assertEquals(judged, all.results().size(), "every county's patches judged once");
    assertTrue(judged > 2500, "ten counties of about 290 judged patches: " + judged);
    // both workers ran executors, and what came back was one row per patch plus notes
    assertEquals(2, cluster.executorDirs().stream().map(p -> p.getParent().getParent()).distinct().count(),
        "executors on both workers: " + cluster.executorDirs());
    assertTrue(traffic.rows() >= judged && traffic.rows() < judged + 200, traffic.toString());
  }

  /** A county's features (one per line in patches.geojson, after the comma that separates it from the one before). */
  private static String features(List<String> lines, String code) {
    return lines.stream().map(l -> l.startsWith(",") ? l.substring(1) : l)
        .filter(l -> l.startsWith("{\"type\":\"Feature\",\"id\":\"" + code + "2023")).collect(Collectors.joining("\n"));
  }
}
