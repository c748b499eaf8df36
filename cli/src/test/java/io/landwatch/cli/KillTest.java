package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.landwatch.geo.Gdal;
import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A server's bad night: the process is killed with SIGKILL at each named point of a run and of a
 * feedback import (after every stage, inside and after the store commit, between an output's
 * last byte and its rename, around the switch of the output set). After each kill the store
 * passes SQLite's integrity check, {@code out/} is the previous complete set or the new one,
 * never a mix, and running again gives exactly what an uninterrupted run gives.
 */
@Tag("slow")
class KillTest {
  @TempDir static Path root;
  static Path base;
  static final AtomicInteger N = new AtomicInteger();
  /** The outputs of the partial run (the set a killed run must leave or replace). */
  static Map<String, String> oldSet;
  /** The outputs of the full run after it, uninterrupted. */
  static Map<String, String> newSet;
  static String storeAfterFull;
  static String storeAfterFeedback;

  @BeforeAll
  static void reference() throws Exception {
    base = root.resolve("base");
    SampleCounty.write(base, 23, 1);
    String job = Files.readString(base.resolve("job.yaml"));
    Files.writeString(base.resolve("part.yaml"), job.replace("{path: patches.shp,",
        "{path: patches.shp, where: \"JCBH < '14052420230150'\","));
    CountyCopy c = prepared();
    oldSet = outputs(c);
    assertEquals(0, full(c).exit());
    newSet = outputs(c);
    storeAfterFull = store(c);
    assertEquals(0, CliRunner.run(feedbackArgs(c)).exit());
    storeAfterFeedback = store(c);
    assertTrue(oldSet.containsKey("patches.csv") && newSet.containsKey("tasks.xlsx"), oldSet.keySet().toString());
    assertNotEquals(oldSet, newSet, "the killed run would change the outputs");
    assertNotEquals(storeAfterFull, storeAfterFeedback, "the killed import would change the store");
  }

  /** A copy of the county after the partial run: a store and a published set exist. */
  static CountyCopy prepared() throws Exception {
    CountyCopy c = CountyCopy.of(base, root.resolve("case-" + N.incrementAndGet()));
    CliRunner.Outcome part = CliRunner.run("-q", "run", c.file("part.yaml").toString(), "--as-of", "2023-09-01");
    assertEquals(0, part.exit(), part.err());
    return c;
  }

  static CliRunner.Outcome full(CountyCopy c) {
    return CliRunner.run("-q", "run", c.file("job.yaml").toString(), "--as-of", "2023-09-01");
  }

  static String[] feedbackArgs(CountyCopy c) throws Exception {
    List<List<String>> tasks = Csv.read(c.out().resolve("tasks.csv"));
    int col = Csv.col(tasks, "task_id");
    StringBuilder fb = new StringBuilder("task_id,result,action,checked_on,inspector,note\n");
    for (int i = 1; i <= 5; i++) {
      fb.append(tasks.get(i).get(col)).append(i % 2 == 0 ? ",legal,none," : ",illegal,stopped,").append("2023-09-03,王芳,\n");
    }
    Path f = c.file("fb.csv");
    if (!Files.exists(f)) {
      Files.writeString(f, fb.toString());
    }
    return new String[] {"-q", "feedback", "import", f.toString(), "--job", c.file("job.yaml").toString(),
        "--today", "2023-09-10"};
  }

  /** The outputs of a county copy, its own folder written as {@code <county>} (the manifest names inputs). */
  static Map<String, String> outputs(CountyCopy c) throws Exception {
    Map<String, String> m = new TreeMap<>();
    outputs(c.out()).forEach((k, v) -> m.put(k, v.replace(c.dir.toString(), "<county>")));
    return m;
  }

  /** Every output file by name → content; manifest.json without its clock readings. */
  static Map<String, String> outputs(Path out) throws Exception {
    Map<String, String> m = new TreeMap<>();
    out = out.toRealPath(); // out is a symbolic link to the published set
    try (Stream<Path> all = Files.walk(out)) {
      for (Path p : all.filter(Files::isRegularFile).toList()) {
        String name = out.relativize(p).toString();
        String text = new String(Files.readAllBytes(p), StandardCharsets.ISO_8859_1);
        if (name.equals("manifest.json")) {
          ObjectNode n = (ObjectNode) new ObjectMapper().readTree(p.toFile());
          n.remove(List.of("started", "finished", "stage_seconds"));
          text = n.toString();
        }
        m.put(name, name.endsWith(".xlsx") ? xlsx(p) : text);
      }
    }
    return m;
  }

  /** XLSX files carry their creation time; their cells are what must match. */
  static String xlsx(Path p) throws Exception {
    StringBuilder b = new StringBuilder();
    for (String sheet : List.of("崇文镇", "礼义镇", "西河底镇", "附城镇")) {
      try {
        Ogr.readCsv(p, "SELECT * FROM \"" + sheet + "\"", null).forEach(r -> b.append(r).append('\n'));
      } catch (Exception | AssertionError e) {
        b.append(sheet).append(": none\n");
      }
    }
    return b.toString();
  }

  /** Cases and tasks as rows, and the history without its clock; and SQLite's own check. */
  static String store(CountyCopy c) {
    return store(c.file("landwatch.gpkg"));
  }

  /** As {@link #store(CountyCopy)} for a store anywhere. */
  static String store(Path gpkg) {
    assertEquals("ok", integrity(gpkg));
    return CountyCopy.sql(gpkg, "SELECT case_id, patch_id, status, expanded, area_m2, priority, referral FROM cases ORDER BY case_id")
        + "\n" + CountyCopy.sql(gpkg, "SELECT task_id, status, due_on, checked_on, result, action FROM tasks ORDER BY task_id")
        + "\n" + CountyCopy.sql(gpkg, "SELECT case_id, old_status, new_status, source_key FROM history ORDER BY case_id, fid");
  }

  /** PRAGMA integrity_check, opened for update so SQLite first rolls back what a killed process left. */
  static String integrity(Path gpkg) {
    Gdal.init();
    var ds = org.gdal.gdal.gdal.OpenEx(gpkg.toString(), org.gdal.gdalconst.gdalconst.OF_VECTOR | org.gdal.gdalconst.gdalconst.OF_UPDATE);
    try {
      var l = ds.ExecuteSQL("PRAGMA integrity_check");
      var f = l.GetNextFeature();
      String r = f.GetFieldAsString(0);
      f.delete();
      ds.ReleaseResultSet(l);
      return r;
    } finally {
      ds.delete();
    }
  }

  @ParameterizedTest(name = "run killed at {0}")
  @ValueSource(strings = {"run.start", "run.read-small", "run.stream-big", "run.judged", "run.patches-geojson",
      "file.before-rename.patches.csv", "run.patch-outputs", "sync.before-commit", "store.commit",
      "sync.after-commit", "run.tasks-csv", "run.task-sheets", "file.before-rename.tasks.xlsx", "run.tasks-written",
      "file.before-rename.manifest.json", "run.manifest", "output.before-publish", "output.after-publish"})
  void killedRun(String point) throws Exception {
    CountyCopy c = prepared();
    assertEquals(oldSet, outputs(c), "the same partial run gives the same set in every copy");
    ChildProcess.Result r = ChildProcess.run(List.of("-Dlandwatch.test.killAt=" + point), "-q", "run",
        c.file("job.yaml").toString(), "--as-of", "2023-09-01");
    assertEquals(137, r.exit(), "killed at " + point + ": " + r.err());
    assertTrue(r.err().contains("SIGKILL at " + point), r.err());
    assertEquals("ok", integrity(c.file("landwatch.gpkg")));
    Map<String, String> seen = outputs(c);
    boolean before = point.equals("output.after-publish") ? seen.equals(newSet) : seen.equals(oldSet);
    assertTrue(before, "out/ after a kill at " + point + " is the " + (point.equals("output.after-publish") ? "new" : "previous")
        + " complete set; files: " + seen.keySet());
    assertEquals(0, full(c).exit());
    assertEquals(newSet, outputs(c), "re-run after the kill equals an uninterrupted run");
    assertEquals(storeAfterFull, store(c));
    try (Stream<Path> runs = Files.list(c.dir.resolve(".out.runs"))) {
      assertTrue(runs.count() <= 2, "the killed run's folder was cleaned up");
    }
  }

  @ParameterizedTest(name = "feedback import killed at {0}")
  @ValueSource(strings = {"feedback.begin", "feedback.first-row", "feedback.before-commit", "store.commit",
      "feedback.after-commit"})
  void killedFeedbackImport(String point) throws Exception {
    CountyCopy c = prepared();
    assertEquals(0, full(c).exit());
    String[] args = feedbackArgs(c);
    ChildProcess.Result r = ChildProcess.run(List.of("-Dlandwatch.test.killAt=" + point), args);
    assertEquals(137, r.exit(), r.err());
    String after = store(c);
    assertTrue(after.equals(point.equals("feedback.after-commit") ? storeAfterFeedback : storeAfterFull),
        "the store holds all of the import or none of it");
    CliRunner.Outcome again = CliRunner.run(args);
    assertEquals(0, again.exit(), again.out() + again.err());
    assertEquals(storeAfterFeedback, store(c), "importing again completes it exactly once");
  }
}
