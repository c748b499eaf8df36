package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.landwatch.samples.SampleCounty;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher runs landwatch on the newest Java of 25 or later it finds (its ahead-of-time cache
 * starts a run sooner); the code is Java 17, which the build and the other tests use. The same
 * nightly run (case store, patrol tasks, workbooks, township sheets) on both gives the same bytes.
 */
class NewerJavaTest {
  @TempDir Path root;

  /** The newest Java home of version 25 or later in $JAVA_HOME or /usr/lib/jvm, as the launcher looks, or null. */
  static Path newerJava() throws IOException {
    List<Path> homes = new ArrayList<>();
    String env = System.getenv("JAVA_HOME");
    if (env != null && !env.isBlank()) {
      homes.add(Path.of(env));
    }
    Path jvms = Path.of("/usr/lib/jvm");
    if (Files.isDirectory(jvms)) {
      try (Stream<Path> s = Files.list(jvms)) {
        homes.addAll(s.sorted().toList());
      }
    }
    Path best = null;
    int bestMajor = 24;
    for (Path home : homes) {
      int major = major(home);
      if (major > bestMajor && Files.isExecutable(home.resolve("bin/java"))) {
        best = home;
        bestMajor = major;
      }
    }
    return best;
  }

  private static int major(Path home) throws IOException {
    Path release = home.resolve("release");
    if (!Files.isRegularFile(release)) {
      return 0;
    }
    for (String line : Files.readAllLines(release, StandardCharsets.UTF_8)) {
      if (line.startsWith("JAVA_VERSION=")) {
        String v = line.substring("JAVA_VERSION=".length()).replace("\"", "");
        return Integer.parseInt(v.split("[.+-]")[0]);
      }
    }
    return 0;
  }

  @Test
  void nightlyRunOnTheNewerJavaWritesTheSameOutputsAsOnJava17() throws Exception {
    Path home = newerJava();
    assumeTrue(home != null, "no Java of 25 or later in $JAVA_HOME or /usr/lib/jvm: the launcher uses Java 17");
    Path base = root.resolve("county");
    SampleCounty.write(base, 11, 1);
    CountyCopy here = CountyCopy.of(base, root.resolve("java17"));
    CountyCopy there = CountyCopy.of(base, root.resolve("newer"));
    String[] args = {"-q", "run", "job.yaml", "--out", "out", "--as-of", "2023-07-03"};

    CliRunner.Outcome a = CliRunner.run(resolved(here, args));
    assertEquals(0, a.exit(), a.err());
    List<String> cmd = new ArrayList<>(List.of(home.resolve("bin/java").toString(), "--enable-native-access=ALL-UNNAMED",
        "-Djava.library.path=" + System.getProperty("java.library.path"),
        "-cp", System.getProperty("java.class.path"), "io.landwatch.cli.Main"));
    cmd.addAll(Arrays.asList(resolved(there, args)));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(180, TimeUnit.SECONDS), "the run on " + home + " did not finish");
    assertEquals(0, p.exitValue(), err);
    assertTrue(!err.contains("WARNING"), "the JVM warned: " + err);

    // "out" is the link to the run's own folder (docs/OUTPUTS.md)
    Path outA = here.file("out").toRealPath();
    Path outB = there.file("out").toRealPath();
    List<Path> files = relativeFiles(outA);
    assertEquals(files, relativeFiles(outB));
    assertTrue(files.size() >= 15, "outputs: " + files);
    for (Path f : files) {
      if (!f.toString().equals("manifest.json")) {
        assertTrue(Arrays.equals(Files.readAllBytes(outA.resolve(f)), Files.readAllBytes(outB.resolve(f))),
            f + " differs between Java " + Runtime.version() + " and " + home);
      }
    }
    JsonNode ma = new ObjectMapper().readTree(outA.resolve("manifest.json").toFile());
    JsonNode mb = new ObjectMapper().readTree(outB.resolve("manifest.json").toFile());
    assertEquals(Runtime.version().toString(), ma.get("java_version").asText());
    assertEquals(major(home), Runtime.Version.parse(mb.get("java_version").asText()).feature());
    assertEquals(ma.get("counts"), mb.get("counts"));
    assertEquals(ma.get("outputs"), mb.get("outputs"));
  }

  private static String[] resolved(CountyCopy county, String[] args) {
    return Arrays.stream(args).map(a -> a.equals("job.yaml") || a.equals("out") ? county.file(a).toString() : a)
        .toArray(String[]::new);
  }

  private static List<Path> relativeFiles(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      return s.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
    }
  }
}
