package io.landwatch.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.JobRunner;
import io.landwatch.job.RunResult;
import io.landwatch.samples.SampleCounty;
import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real multi-process Spark standalone cluster on 127.0.0.1: a Master and a Worker JVM started
 * from the Spark jars on the test classpath (a SPARK_HOME of links to them), executors launched
 * by the Worker, the driver in this JVM. The job's results equal the single-machine engine's.
 */
@Tag("slow")
class StandaloneClusterTest {
  static final String OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
      + " --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED"
      + " --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED"
      + " --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
      + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED"
      + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED"
      + " --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED";
  @TempDir Path dir;

  private String executorLogs() throws Exception {
    StringBuilder b = new StringBuilder();
    if (Files.exists(dir.resolve("work"))) {
      try (var files = Files.walk(dir.resolve("work"))) {
        for (Path p : files.filter(f -> f.getFileName().toString().equals("stderr")).toList()) {
          String t = Files.readString(p);
          b.append(p).append(":\n").append(t, Math.max(0, t.length() - 3000), t.length()).append('\n');
        }
      }
    }
    return b.toString();
  }

  /**
   * The test classpath's jars with geotools-wrapper last: it bundles an old SLF4J API that would
   * otherwise silence Spark's logging.
   */
  private static String orderedClasspath() {
    List<String> jars = new ArrayList<>();
    List<String> last = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.endsWith(".jar")) {
        (e.contains("geotools-wrapper") ? last : jars).add(e);
      }
    }
    jars.addAll(last);
    return String.join(File.pathSeparator, jars);
  }

  private static int freePort() throws Exception {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  private Process start(Path home, Path log, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m"));
    cmd.addAll(List.of(OPENS.split(" ")));
    cmd.addAll(List.of("-cp", orderedClasspath()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_HOME", home.toString());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    // without it the launcher looks for a Spark source build to learn the Scala version
    pb.environment().put("SPARK_SCALA_VERSION", "2.13");
    return pb.start();
  }

  /** Polls the master's JSON status page (on 127.0.0.1) until it contains {@code text}. */
  private static String awaitStatus(int uiPort, String text, int seconds, Path log) throws Exception {
    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    String last = "";
    while (System.nanoTime() < end) {
      try {
        var c = (java.net.HttpURLConnection) new java.net.URL("http://127.0.0.1:" + uiPort + "/json/").openConnection();
        c.setConnectTimeout(1000);
        c.setReadTimeout(2000);
        try (var in = c.getInputStream()) {
          last = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        if (last.replace(" ", "").contains(text)) {
          return last;
        }
      } catch (java.io.IOException notYet) {
        // the master is still starting
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the master never reported '" + text + "': " + last + "\n" + (Files.exists(log) ? Files.readString(log) : ""));
  }

  @Test
  void jobRunsOnAMasterAndAWorker() throws Exception {
    Path home = dir.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(home.resolve("jars").resolve(p.getFileName()))) {
        Files.createSymbolicLink(home.resolve("jars").resolve(p.getFileName()), p);
      }
    }
    int port = freePort();
    int ui = freePort();
    Process master = start(home, dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(ui));
    Process worker = null;
    try {
      awaitStatus(ui, "\"status\":\"ALIVE\"", 90, dir.resolve("master.log"));
      worker = start(home, dir.resolve("worker.log"), "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--cores", "2", "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir",
          dir.resolve("work").toString(), "spark://127.0.0.1:" + port);
      awaitStatus(ui, "\"aliveworkers\":1", 90, dir.resolve("worker.log"));

      SampleCounty.write(dir.resolve("county"), 20230420, 1);
      JobConfig job = JobConfigLoader.load(dir.resolve("county/job.yaml")).withStore(null);
      LocalDate day = LocalDate.of(2023, 7, 1);
      System.setProperty("spark.driver.host", "127.0.0.1");
      System.setProperty("spark.executor.extraJavaOptions", OPENS);
      System.setProperty("spark.executor.memory", "768m");
      System.setProperty("spark.cores.max", "2");
      RunResult cluster;
      try {
        cluster = SparkMain.run(job.withOutputDir(dir.resolve("cluster")), day, "spark://127.0.0.1:" + port, false);
      } catch (RuntimeException e) {
        throw new AssertionError("the cluster run failed; executor logs:\n" + executorLogs() + "\nworker log:\n"
            + Files.readString(dir.resolve("worker.log")), e);
      } finally {
        for (String k : List.of("spark.driver.host", "spark.executor.extraJavaOptions", "spark.executor.memory", "spark.cores.max")) {
          System.clearProperty(k);
        }
      }
      RunResult single = JobRunner.run(job.withOutputDir(dir.resolve("single")), day);
      assertEquals(single.results().size(), cluster.results().size());
      assertEquals(Files.readString(dir.resolve("single/patches.csv")), Files.readString(dir.resolve("cluster/patches.csv")));
      // the Worker launched executor processes for the application (their folders under work/)
      try (var apps = Files.list(dir.resolve("work"))) {
        List<Path> launched = apps.filter(p -> p.getFileName().toString().startsWith("app-")).toList();
        assertEquals(1, launched.size(), "one application ran on the worker");
        try (var execs = Files.list(launched.get(0))) {
          assertTrue(execs.findAny().isPresent(), "an executor was launched");
        }
      }
    } finally {
      if (worker != null) {
        worker.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      }
      master.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
