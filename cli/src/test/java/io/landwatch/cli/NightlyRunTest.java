package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The nightly set-up with real processes: a run killed with SIGKILL inside its store transaction
 * leaves the store as it was, the next run completes, and a second run on a busy store exits at
 * once with exit code 7. Task outputs are read back with GDAL.
 */
@Tag("slow")
class NightlyRunTest {
  @TempDir static Path county;

  @BeforeAll
  static void samples() {
    SampleCounty.write(county, 11, 1);
  }

  private static Process child(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.library.path=" + System.getProperty("java.library.path")));
    for (String a : args) {
      if (a.startsWith("-D")) {
        cmd.add(a);
      }
    }
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.landwatch.cli.Main"));
    for (String a : args) {
      if (!a.startsWith("-D")) {
        cmd.add(a);
      }
    }
    return new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
  }

  /** The store's tables as text, read by ogr2ogr. */
  private static String dump(Path store) throws Exception {
    StringBuilder b = new StringBuilder();
    for (String layer : List.of("cases", "tasks", "history", "runs")) {
      b.append(layer).append('\n');
      Csv.parse(Ogr.run("ogr2ogr", "-f", "CSV", "/vsistdout/", store.toString(), layer))
          .forEach(r -> b.append(String.join("|", r)).append('\n'));
    }
    return b.toString();
  }

  @Test
  void killedRunLeavesTheStoreUnchangedAndBusyStoreIsRefused() throws Exception {
    Path job = county.resolve("job.yaml");
    Path store = county.resolve("landwatch.gpkg");
    CliRunner.Outcome first = CliRunner.run("-q", "run", job.toString(), "--as-of", "2023-07-03");
    assertEquals(0, first.exit(), first.err());
    String before = dump(store);

    // A run with a different date would change nothing; a different job (farmland removed) would:
    // use a run that re-opens nothing but records a run row, so any leak of the killed transaction shows.
    Process slow = child("-Dlandwatch.test.pauseAt=sync.before-commit", "-q", "run", job.toString(),
        "--as-of", "2023-07-04");
    BufferedReader err = new BufferedReader(new InputStreamReader(slow.getErrorStream(), StandardCharsets.UTF_8));
    String line;
    while ((line = err.readLine()) != null && !line.contains("pausing at sync.before-commit")) {
      // wait until the run is inside its transaction
    }
    assertTrue(line != null, "the child reached the pause");

    Process second = child("-q", "run", job.toString(), "--as-of", "2023-07-04");
    assertTrue(second.waitFor(60, TimeUnit.SECONDS));
    String secondErr = new String(second.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(7, second.exitValue(), secondErr);
    assertTrue(secondErr.contains("is being used by another landwatch process"), secondErr);

    slow.destroyForcibly(); // SIGKILL
    assertTrue(slow.waitFor(30, TimeUnit.SECONDS));
    assertEquals(137, slow.exitValue());
    assertEquals(before, dump(store), "the killed run left no trace");

    CliRunner.Outcome after = CliRunner.run("-q", "run", job.toString(), "--as-of", "2023-07-04");
    assertEquals(0, after.exit(), after.err());
    assertTrue(after.out().contains(": 0 new cases, 0 updated, 0 reopened"), after.out());
    String now = dump(store);
    assertEquals(before.substring(0, before.indexOf("runs\n")), now.substring(0, now.indexOf("runs\n")),
        "re-running the same job changes nothing but the run record");
    assertEquals(before.split("\n").length + 1, now.split("\n").length);
  }

  @Test
  void taskOutputsReadBackWithGdal() throws Exception {
    Path out = county.resolve("tasks-out");
    Path store = county.resolve("tasks-store.gpkg");
    Files.writeString(county.resolve("tasks-job.yaml"), Files.readString(county.resolve("job.yaml"))
        .replace("output:  {dir: out}", "output:  {dir: tasks-out, task_labels: {inspector: 巡查员}}\nstore: tasks-store.gpkg"));
    CliRunner.Outcome r = CliRunner.run("-q", "run", county.resolve("tasks-job.yaml").toString(), "--as-of", "2023-07-03");
    assertEquals(0, r.exit(), r.err());
    List<List<String>> tasks = Csv.read(out.resolve("tasks.csv"));
    List<List<String>> patches = Csv.read(out.resolve("patches.csv"));
    long suspected = patches.stream().filter(p -> p.contains("suspected_illegal")).count();
    assertEquals(suspected, tasks.size() - 1, "one task per suspected patch");
    int due = Csv.col(tasks, "due_on");
    int pr = Csv.col(tasks, "priority");
    for (int i = 1; i < tasks.size(); i++) {
      String expected = switch (tasks.get(i).get(pr)) {
        case "P1" -> "2023-07-04";
        case "P2" -> "2023-07-06";
        default -> "2023-07-10";
      };
      assertEquals(expected, tasks.get(i).get(due));
    }
    String info = Ogr.run("ogrinfo", "-so", "-al", out.resolve("tasks.geojson").toString());
    assertTrue(info.contains("Feature Count: " + suspected) && info.contains("Point"), info);
    // every task point lies inside its patch (checked by GDAL's SQLite dialect)
    String inside = Ogr.run("ogrinfo", "-q", "-dialect", "SQLite", "-sql",
        "SELECT count(*) AS n FROM (SELECT t.task_id FROM tasks t, '" + out.resolve("patches.geojson")
            + "'.patches p WHERE t.patch_id = p.patch_id AND ST_Within(t.geometry, p.geometry))",
        out.resolve("tasks.geojson").toString());
    assertTrue(inside.contains("n (Integer) = " + suspected), inside);
    try (var files = Files.list(out.resolve("tasks"))) {
      List<String> names = files.map(p -> p.getFileName().toString()).sorted().toList();
      assertTrue(names.containsAll(List.of("崇文镇.csv", "崇文镇.html", "礼义镇.csv", "附城镇.html")), names.toString());
    }
    String html = Files.readString(out.resolve("tasks").resolve("崇文镇.html"), StandardCharsets.UTF_8);
    long rows = java.util.regex.Pattern.compile("<tr class=\"P\\d\">").matcher(html).results().count();
    long townTasks = tasks.stream().filter(t -> t.contains("崇文镇")).count();
    assertEquals(townTasks, rows);
    assertTrue(html.contains("<svg") && html.contains("@page { size: A4"), "sketch map and A4 print style");
    assertTrue(html.contains("个任务 · 巡查员 "), "configured label");
    String manifest = Files.readString(out.resolve("manifest.json"));
    assertTrue(manifest.contains("\"tasks.xlsx\"") && manifest.contains("\"manifest.json\""), "the manifest lists the task outputs");
    List<List<String>> sheet = Ogr.readCsv(out.resolve("tasks.xlsx"), "SELECT * FROM \"崇文镇\"", null);
    assertEquals(townTasks, sheet.size() - 1);
    assertTrue(sheet.get(0).contains("任务编号") && sheet.get(0).contains("巡查员"), sheet.get(0).toString());
  }

  @Test
  void feedbackLedgerAndStatusFromTheCommandLine() throws Exception {
    Path store = county.resolve("fb-store.gpkg");
    Files.writeString(county.resolve("fb-job.yaml"), Files.readString(county.resolve("job.yaml"))
        .replace("output:  {dir: out}", "output:  {dir: fb-out}\nstore: fb-store.gpkg"));
    assertEquals(0, CliRunner.run("-q", "run", county.resolve("fb-job.yaml").toString(), "--as-of", "2023-07-03").exit());
    List<List<String>> tasks = Csv.read(county.resolve("fb-out/tasks.csv"));
    String t1 = tasks.get(1).get(Csv.col(tasks, "task_id"));
    String t2 = tasks.get(2).get(Csv.col(tasks, "task_id"));
    Path fb = county.resolve("feedback.csv");
    Files.writeString(fb, "task_id,result,action,checked_on,inspector,note\n"
        + t1 + ",illegal,stopped,2023-07-04,张伟,已制止\n"
        + t2 + ",illegal,restored,2023-07-04,张伟,\n");
    CliRunner.Outcome rejected = CliRunner.run("feedback", "import", fb.toString(), "--store", store.toString(), "--today", "2023-07-10");
    assertEquals(8, rejected.exit(), rejected.out() + rejected.err());
    assertTrue(rejected.out().contains("row 3 (" + t2 + "): rejected: closing a task that was never checked"), rejected.out());
    List<List<String>> report = Csv.read(county.resolve("feedback.csv.report.csv"));
    assertEquals(List.of("2", t1, "not applied"), report.get(1).subList(0, 3));
    CliRunner.Outcome partial = CliRunner.run("feedback", "import", fb.toString(), "--store", store.toString(),
        "--today", "2023-07-10", "--partial");
    assertEquals(0, partial.exit(), partial.err());
    assertTrue(partial.out().contains("1 rows applied, 0 already applied before, 1 rejected"), partial.out());
    Path ledger = county.resolve("ledger.csv");
    assertEquals(0, CliRunner.run("ledger", "--store", store.toString(), "--out", ledger.toString()).exit());
    List<List<String>> l = Csv.read(ledger);
    assertEquals(tasks.size() - 1 + 1, l.size() - 1, "one opening per case plus the applied check");
    assertTrue(l.stream().anyMatch(row -> row.contains("stopped") && row.contains(t1.substring(1))), "the case of " + t1);
    Path xlsx = county.resolve("ledger.xlsx");
    assertEquals(0, CliRunner.run("ledger", "--store", store.toString(), "--from", "2020-01-01", "--out", xlsx.toString()).exit());
    assertEquals(l.size(), Ogr.readCsv(xlsx, "SELECT * FROM \"巡查台账\"", null).size());
    CliRunner.Outcome status = CliRunner.run("status", "--store", store.toString(), "--as-of", "2023-07-20");
    assertEquals(0, status.exit());
    assertTrue(status.out().contains("oldest overdue tasks:"), status.out());
  }
}
