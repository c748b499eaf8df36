package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Property: whatever sequence of partial (where:) and full runs of the same data a county makes
 * before a full run, the case store ends up as one full run leaves it, and every further run
 * changes nothing. The default sample county (seed 20230420) holds the pair of
 * patches that made case 14052420230080 swap between two patches on every run.
 */
@Tag("slow")
class ConvergenceTest {
  @TempDir static Path root;
  static Path base;
  static String reference;
  static final int PATCHES = 300;

  @BeforeAll
  static void oneFullRun() throws Exception {
    base = root.resolve("base");
    SampleCounty.write(base, 20230420, 1);
    CountyCopy c = CountyCopy.of(base, root.resolve("reference"));
    assertEquals(0, c.run().exit());
    reference = store(c);
  }

  /** Cases and tasks, every column a run's data decides (run ids and clock times aside). */
  static String store(CountyCopy c) {
    Path gpkg = c.file("landwatch.gpkg");
    return CountyCopy.sql(gpkg, "SELECT case_id, patch_id, status, expanded, area_m2, unapproved_m2, township,"
        + " village, priority, referral, opened_on, ST_AsText(geom) FROM cases ORDER BY case_id") + "\n"
        + CountyCopy.sql(gpkg, "SELECT task_id, case_id, patch_id, township, village, inspector, phone, priority,"
        + " due_on, status, created_on, lon, lat, gcj02_lon, gcj02_lat, area_mu, unapproved_mu, farmland_mu,"
        + " basic_farmland_mu FROM tasks ORDER BY task_id");
  }

  static String id(int n) {
    return String.format("1405242023%04d", n);
  }

  /** Runs the job restricted to patches [lo, hi) (1-based ids), or all of them when lo is 0. */
  static String run(CountyCopy c, int lo, int hi) throws Exception {
    String job = Files.readString(base.resolve("job.yaml"));
    if (lo > 0) {
      job = job.replace("{path: patches.shp,", "{path: patches.shp, where: \"JCBH >= '" + id(lo) + "' AND JCBH < '"
          + id(hi) + "'\",");
    }
    Files.writeString(c.file("job.yaml"), job);
    CliRunner.Outcome o = c.run();
    assertEquals(0, o.exit(), o.err());
    return o.out();
  }

  @Test
  void theIssuesRepro() throws Exception {
    CountyCopy c = CountyCopy.of(base, root.resolve("repro"));
    run(c, 1, 250);
    for (int i = 0; i < 3; i++) {
      String out = run(c, 0, 0);
      assertEquals(reference, store(c), "run " + (i + 1) + " after the partial one");
      if (i > 0) {
        assertTrue(out.contains(": 0 new cases, 0 updated, 0 reopened"), out);
      }
    }
    assertEquals("0", CountyCopy.sql(c.file("landwatch.gpkg"), "SELECT count(*) FROM cases WHERE expanded = 1"),
        "no case that was never closed is marked expanded");
  }

  /**
   * Months that each see part of the patches (some of them overlapping patches that another month
   * saw, which a later batch may legitimately continue), then a run that sees them all: the store
   * is the one full run's, and it stays so.
   */
  @ParameterizedTest(name = "random sequence, seed {0}")
  @ValueSource(longs = {1, 2, 3, 4, 5, 6})
  void anySequenceOfRunsThenAFullRunEndsAsOneFullRun(long seed) throws Exception {
    Random rnd = new Random(seed);
    CountyCopy c = CountyCopy.of(base, root.resolve("seq-" + seed));
    List<String> steps = new ArrayList<>();
    int runs = 1 + rnd.nextInt(4);
    for (int i = 0; i < runs; i++) {
      if (rnd.nextInt(4) == 0) {
        run(c, 0, 0);
        steps.add("full");
      } else {
        int lo = 1 + rnd.nextInt(PATCHES);
        int hi = Math.min(PATCHES + 1, lo + 1 + rnd.nextInt(PATCHES));
        run(c, lo, hi);
        steps.add("[" + lo + "," + hi + ")");
      }
    }
    run(c, 0, 0);
    assertEquals(reference, store(c), "store after " + steps + " and a full run");
    String again = run(c, 0, 0);
    assertTrue(again.contains(": 0 new cases, 0 updated, 0 reopened"), steps + ": " + again);
    assertEquals(reference, store(c));
  }
}
