package io.landwatch.spark;

import java.io.File;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real multi-process Spark standalone cluster on 127.0.0.1: a Master and Worker JVMs started
 * from the Spark jars on the test classpath (a SPARK_HOME of links to them); the Workers launch
 * executor JVMs, which get no GDAL (no java.library.path). Closing it stops every process.
 */
final class LocalCluster implements AutoCloseable {
  static final String OPENS = "--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED"
      + " --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED"
      + " --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED"
      + " --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED"
      + " --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/jdk.internal.ref=ALL-UNNAMED"
      + " --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED"
      + " --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED";
  private final Path dir;
  private final Path home;
  private final List<Process> processes = new ArrayList<>();
  private final int port;

  private LocalCluster(Path dir, int workers) throws Exception {
    this.dir = dir;
    this.home = dir.resolve("spark-home");
    Files.createDirectories(home.resolve("jars"));
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path p = Path.of(entry);
      if (entry.endsWith(".jar") && Files.isRegularFile(p) && !Files.exists(home.resolve("jars").resolve(p.getFileName()))) {
        Files.createSymbolicLink(home.resolve("jars").resolve(p.getFileName()), p);
      }
    }
    port = freePort();
    int ui = freePort();
    processes.add(start(dir.resolve("master.log"), "org.apache.spark.deploy.master.Master",
        "--host", "127.0.0.1", "--port", Integer.toString(port), "--webui-port", Integer.toString(ui)));
    awaitStatus(ui, "\"status\":\"ALIVE\"", 90, dir.resolve("master.log"));
    for (int w = 0; w < workers; w++) {
      processes.add(start(dir.resolve("worker-" + w + ".log"), "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1",
          "--cores", "1", "--memory", "1g", "--webui-port", Integer.toString(freePort()), "--work-dir",
          dir.resolve("work-" + w).toString(), "spark://127.0.0.1:" + port));
    }
    awaitStatus(ui, "\"aliveworkers\":" + workers, 90, dir.resolve("worker-0.log"));
  }

  /** Starts a master and {@code workers} workers (1 core, 1 GiB each) with their files under {@code dir}. */
  static LocalCluster start(Path dir, int workers) throws Exception {
    return new LocalCluster(dir, workers);
  }

  String url() {
    return "spark://127.0.0.1:" + port;
  }

  /** The Spark properties a driver of this cluster needs (as -D options or system properties). */
  static List<String> driverProperties() {
    return List.of("spark.driver.host=127.0.0.1", "spark.executor.extraJavaOptions=" + OPENS,
        "spark.executor.memory=768m", "spark.cores.max=2");
  }

  /**
   * The landwatch classes the executors need, as jars (Maven gives them to the tests as class
   * folders): for {@code spark.jars}, comma-separated.
   */
  static String appJars(Path dir) throws Exception {
    List<String> jars = new ArrayList<>();
    int n = 0;
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      Path classes = Path.of(e);
      if (Files.isDirectory(classes.resolve("io/landwatch"))) {
        Path jar = dir.resolve("landwatch-classes-" + n++ + ".jar");
        try (var out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar)); var files = Files.walk(classes)) {
          for (Path f : files.filter(Files::isRegularFile).toList()) {
            out.putNextEntry(new java.util.jar.JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
            Files.copy(f, out);
            out.closeEntry();
          }
        }
        jars.add(jar.toUri().toString());
      }
    }
    return String.join(",", jars);
  }

  /** Executor folders the workers created for applications: work-W/app-…/N. */
  List<Path> executorDirs() throws Exception {
    List<Path> out = new ArrayList<>();
    try (var s = Files.list(dir)) {
      for (Path w : s.filter(p -> p.getFileName().toString().startsWith("work-")).toList()) {
        try (var apps = Files.walk(w, 2)) {
          apps.filter(p -> p.getParent() != null && p.getParent().getFileName().toString().startsWith("app-")).forEach(out::add);
        }
      }
    }
    return out;
  }

  /** The end of every executor's stderr and of the worker logs, for a failure message. */
  String logs() throws Exception {
    StringBuilder b = new StringBuilder();
    try (var files = Files.walk(dir)) {
      for (Path p : files.filter(f -> f.getFileName().toString().equals("stderr") || f.getFileName().toString().endsWith(".log")).toList()) {
        String t = Files.readString(p);
        b.append(p).append(":\n").append(t, Math.max(0, t.length() - 3000), t.length()).append('\n');
      }
    }
    return b.toString();
  }

  /**
   * The test classpath's jars with geotools-wrapper last: it bundles an old SLF4J API that would
   * otherwise silence Spark's logging.
   */
  static String orderedClasspath() {
    List<String> jars = new ArrayList<>();
    List<String> last = new ArrayList<>();
    for (String e : System.getProperty("java.class.path").split(File.pathSeparator)) {
      if (e.endsWith(".jar") || Files.isDirectory(Path.of(e))) {
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

  private Process start(Path log, String... args) throws Exception {
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
  private static void awaitStatus(int uiPort, String text, int seconds, Path log) throws Exception {
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
          return;
        }
      } catch (java.io.IOException notYet) {
        // the master is still starting
      }
      Thread.sleep(300);
    }
    throw new AssertionError("the master never reported '" + text + "': " + last + "\n" + (Files.exists(log) ? Files.readString(log) : ""));
  }

  @Override
  public void close() throws Exception {
    for (int i = processes.size() - 1; i >= 0; i--) {
      processes.get(i).destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
  }
}
