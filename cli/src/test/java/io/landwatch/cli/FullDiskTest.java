package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A disk that fills up: the outputs or the store on a small tmpfs mounted by the test (root on
 * Linux); where mounting is not allowed, the same failure injected at the same writes. Either
 * way: exit 6, the file named, the store intact and unchanged, out/ the previous complete set.
 */
class FullDiskTest {
  @TempDir static Path root;
  static Path base;
  static Path small;
  static Path smallStore;
  static boolean mounted;

  @BeforeAll
  static void setUp() throws Exception {
    base = root.resolve("base");
    SampleCounty.write(base, 31, 1);
    small = root.resolve("small");
    Files.createDirectories(small);
    smallStore = root.resolve("small-store");
    Files.createDirectories(smallStore);
    mounted = mount(small, "1600k") && mount(smallStore, "1m");
  }

  @AfterAll
  static void tearDown() throws Exception {
    for (Path p : List.of(small, smallStore)) {
      new ProcessBuilder("umount", p.toString()).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start().waitFor(30, TimeUnit.SECONDS);
    }
  }

  static boolean mount(Path dir, String size) throws Exception {
    try {
      Process p = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", dir.toString())
          .redirectErrorStream(true).start();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  @Test
  void outputsOnAFullDiskExit6AndKeepThePreviousSet() throws Exception {
    CountyCopy c = CountyCopy.of(base, root.resolve("outputs"));
    Path out = small.resolve("out");
    CliRunner.Outcome first = c.run("--out", out.toString(), "--no-store");
    assertEquals(0, first.exit(), first.err());
    Map<String, String> published = KillTest.outputs(out);
    // The disk fills up (or the write is failed on purpose): a second set no longer fits beside the first.
    Path filler = small.resolve("filler");
    if (mounted) {
      long free = Files.getFileStore(small).getUsableSpace();
      Files.write(filler, new byte[(int) Math.max(0, free - 100 * 1024)]);
    }
    CliRunner.Outcome full = mounted ? c.run("--out", out.toString(), "--no-store")
        : ChildRun.injected("outputs", c, "--out", out.toString(), "--no-store");
    assertEquals(6, full.exit(), full.out() + full.err());
    assertTrue(full.err().contains("No space left on device"), full.err());
    assertTrue(full.err().contains(small.toString()), "the file is named: " + full.err());
    CountyCopy.assertReadable(full);
    Files.deleteIfExists(filler);
    assertEquals(published, KillTest.outputs(out), "out/ is still the previous complete set");
    try (var runs = Files.list(small.resolve(".out.runs"))) {
      assertEquals(1, runs.count(), "the failed run's folder was removed");
    }
  }

  @Test
  void storeOnAFullDiskExit6AndStaysAsItWas() throws Exception {
    CountyCopy c = CountyCopy.of(base, root.resolve("store"));
    Path store = smallStore.resolve("landwatch.gpkg");
    Files.writeString(c.file("job.yaml"), Files.readString(c.file("job.yaml")) + "store: " + store + "\n");
    c.editJob("{path: patches.shp,", "{path: patches.shp, where: \"JCBH < '14052420230030'\",");
    CliRunner.Outcome first = c.run();
    assertEquals(0, first.exit(), first.err());
    Map<String, String> published = KillTest.outputs(c.out());
    String before = KillTest.store(store);
    // Fill the disk but for a few pages, then judge all 300 patches: the store must grow.
    Path filler = smallStore.resolve("filler");
    if (mounted) {
      long free = Files.getFileStore(smallStore).getUsableSpace();
      Files.write(filler, new byte[(int) Math.max(0, free - 16 * 1024)]);
    }
    c.editJob("{path: patches.shp, where: \"JCBH < '14052420230030'\",", "{path: patches.shp,");
    CliRunner.Outcome full = mounted ? c.run() : ChildRun.injected("store", c);
    assertEquals(6, full.exit(), full.out() + full.err());
    assertTrue(full.err().contains("The case store " + store + " could not be written"), full.err());
    assertTrue(full.err().contains("full"), full.err());
    CountyCopy.assertReadable(full);
    Files.deleteIfExists(filler);
    assertEquals(before, KillTest.store(store), "the store passes its integrity check and is unchanged");
    assertEquals(published, KillTest.outputs(c.out()), "no output of the failed run was published");
    assertFalse(Files.exists(smallStore.resolve("landwatch.gpkg-journal")), "SQLite rolled back");
  }

  /** The injected failure for machines where no file system can be mounted. */
  static final class ChildRun {
    private ChildRun() {}

    static CliRunner.Outcome injected(String area, CountyCopy c, String... extra) throws Exception {
      String[] args = java.util.stream.Stream.concat(java.util.stream.Stream.of("-q", "run",
          c.file("job.yaml").toString(), "--as-of", "2023-09-01"), java.util.stream.Stream.of(extra)).toArray(String[]::new);
      ChildProcess.Result r = ChildProcess.run(List.of("-Dlandwatch.test.diskFull=" + area), args);
      return new CliRunner.Outcome(r.exit(), "", r.err());
    }
  }
}
