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
import io.landwatch.samples.SampleCounty;
import java.util.ArrayList;
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
    // -Dprovince.scale=10 for the province-sized run docs/SPARK.md reports (2.7 M parcels)
    int scale = Integer.getInteger("province.scale", 1);
    Province province = Province.write(dir.resolve("data"), 97, scale, 10);
    long started = System.nanoTime();
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
    System.out.printf(java.util.Locale.ROOT, "province of 10 counties at scale %d on 2 workers: %.1f s; driver received %s%n",
        scale, (System.nanoTime() - started) / 1e9, traffic);
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

  /**
   * The same patches against 1× and 10× the parcels (sample county, seed 97, scale 1 and 10), the
   * driver in its own JVM as spark-submit would start it: the bytes the executors return and the
   * driver's peak live heap (after full collections) do not grow with the parcels.
   */
  @Test
  void theDriverDoesNotGrowWithTheParcels() throws Exception {
    SampleCounty.Written one = SampleCounty.write(dir.resolve("x1"), 97, 1);
    SampleCounty.Written ten = SampleCounty.write(dir.resolve("x10"), 97, 10);
    assertEquals(one.patches(), ten.patches());
    assertTrue(ten.farmland() > 9 * one.farmland(), ten.farmland() + " vs " + one.farmland());
    String jars = LocalCluster.appJars(dir);
    long[] x1 = driverRun(dir.resolve("x1"), jars);
    long[] x10 = driverRun(dir.resolve("x10"), jars);
    System.out.printf("driver at 1x parcels (%,d): peak live heap %,d B, %,d B of task results, %,d rows;"
        + " at 10x (%,d): %,d B, %,d B, %,d rows%n", one.farmland() + one.basicFarmland(), x1[0], x1[1], x1[2],
        ten.farmland() + ten.basicFarmland(), x10[0], x10[1], x10[2]);
    assertTrue(Math.abs(x10[0] - x1[0]) <= 0.10 * x1[0], "peak heap at 10x within 10% of 1x: " + x10[0] + " vs " + x1[0]);
    assertTrue(Math.abs(x10[1] - x1[1]) <= 0.10 * x1[1], "task results at 10x within 10% of 1x: " + x10[1] + " vs " + x1[1]);
    assertTrue(Math.abs(x10[2] - x1[2]) <= 10, "rows: " + x10[2] + " vs " + x1[2]);
  }

  /** Runs SparkMain on the cluster in a new JVM; its report line as {peak heap, task result bytes, rows}. */
  private static long[] driverRun(Path county, String jars) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx1g", "-XX:+UseSerialGC", "-Djava.library.path=" + System.getProperty("java.library.path"), "-Dspark.jars=" + jars));
    LocalCluster.driverProperties().forEach(p -> cmd.add("-D" + p));
    cmd.addAll(List.of(LocalCluster.OPENS.split(" ")));
    cmd.addAll(List.of("-cp", LocalCluster.orderedClasspath(), "io.landwatch.spark.SparkMain", "run",
        county.resolve("job.yaml").toString(), "--master", cluster.url(), "--out", county.resolve("out").toString(),
        "--as-of", DAY.toString(), "--no-store"));
    Path log = county.resolve("driver.log");
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    assertTrue(p.waitFor(10, java.util.concurrent.TimeUnit.MINUTES), "driver finished");
    String out = Files.readString(log);
    assertEquals(0, p.exitValue(), out.substring(Math.max(0, out.length() - 5000)) + cluster.logs());
    var m = java.util.regex.Pattern.compile("driver: peak live heap (\\d+) bytes; received (\\d+) bytes of task results, (\\d+) rows")
        .matcher(out);
    assertTrue(m.find(), out.substring(Math.max(0, out.length() - 3000)));
    return new long[] {Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3))};
  }

  /** A county's features (one per line in patches.geojson, after the comma that separates it from the one before). */
  private static String features(List<String> lines, String code) {
    return lines.stream().map(l -> l.startsWith(",") ? l.substring(1) : l)
        .filter(l -> l.startsWith("{\"type\":\"Feature\",\"id\":\"" + code + "2023")).collect(Collectors.joining("\n"));
  }
}
