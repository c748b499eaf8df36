package io.landwatch.job;

import io.landwatch.geo.Reprojector;
import io.landwatch.model.Village;
import io.landwatch.plan.Task;
import io.landwatch.judge.PatchResult;
import io.landwatch.plan.TaskPlanner;
import io.landwatch.util.TestHooks;
import io.landwatch.write.FeedbackTemplate;
import io.landwatch.write.PatrolSheet;
import io.landwatch.write.TaskGisLayer;
import io.landwatch.write.TaskWriters;
import io.landwatch.write.TaskXlsx;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.geom.Geometry;

/** The patrol tasks: tasks.csv/.geojson/.xlsx and per township a CSV and a printable sheet. */
final class TaskOutputs {
  private TaskOutputs() {}

  /** @param background where the workbooks are written, beside the other outputs (awaited by the caller) */
  static List<Path> write(RunState run, TaskPlanner.Plan plan, List<Village> villages, Reprojector toLonLat,
      List<PatchResult> results, Background background) {
    Map<String, String[]> patches = patchInfo(run, results);
    Path dir = run.out;
    List<Path> written = new ArrayList<>();
    Map<String, List<Task>> byTownship = TaskWriters.byTownship(plan.tasks());
    // the two workbooks take as long as the rest together: they are written beside them
    background.run("tasks.xlsx", () -> TaskXlsx.write(dir.resolve("tasks.xlsx"), byTownship, run.job.taskLabels()));
    background.run("tasks-feedback.xlsx", () -> FeedbackTemplate.write(dir.resolve("tasks-feedback.xlsx"), plan.tasks(),
        run.job.rules().resultTypes().keySet()));
    writeRest(run, plan, villages, toLonLat, patches, byTownship, written);
    TestHooks.point("run.tasks-written");
    return written;
  }

  private static void writeRest(RunState run, TaskPlanner.Plan plan, List<Village> villages, Reprojector toLonLat,
      Map<String, String[]> patches, Map<String, List<Task>> byTownship, List<Path> written) {
    Path dir = run.out;
    TaskWriters.csv(dir.resolve("tasks.csv"), plan.tasks());
    TestHooks.point("run.tasks-csv");
    TaskWriters.geojson(dir.resolve("tasks.geojson"), plan.tasks());
    written.add(dir.resolve("tasks.csv"));
    written.add(dir.resolve("tasks.geojson"));
    for (var e : byTownship.entrySet()) {
      String name = TaskWriters.fileName(e.getKey());
      Path csv = dir.resolve("tasks").resolve(name + ".csv");
      TaskWriters.csv(csv, e.getValue());
      Map<String, Geometry> outlines = new TreeMap<>();
      villages.stream().filter(v -> v.township().equals(e.getKey()))
          .forEach(v -> outlines.put(v.village(), toLonLat.apply(v.geometry())));
      TaskPlanner.RouteSummary route = plan.townshipRoutes().stream()
          .filter(r -> e.getKey().equals(r.township() == null ? TaskPlanner.OUTSIDE : r.township()))
          .findFirst().orElseThrow();
      Path html = dir.resolve("tasks").resolve(name + ".html");
      PatrolSheet.write(html, run.job.name(), e.getKey(), run.runDate, e.getValue(), outlines, route.start(),
          route.totalKm(), run.job.taskLabels(), patches);
      written.add(csv);
      written.add(html);
    }
    TestHooks.point("run.task-sheets");
    written.add(dir.resolve("tasks.xlsx"));
    written.add(dir.resolve("tasks-feedback.xlsx"));
    for (String f : run.job.formats()) {
      Path gis = dir.resolve("tasks." + f);
      TaskGisLayer.write(gis, io.landwatch.config.OutputFormat.of(f), plan.tasks(), run.job.shapefileEncoding());
      written.add(gis);
    }
  }

  /** Patch id → {change type, monitored area} as the patch layer gives them (inputs.patches change_type, monitored_area). */
  private static Map<String, String[]> patchInfo(RunState run, List<PatchResult> results) {
    String type = run.job.patches().field("change_type");
    String area = run.job.patches().field("monitored_area");
    Map<String, String[]> out = new java.util.HashMap<>();
    for (PatchResult r : results) {
      var rec = new io.landwatch.model.SourceRecord(r.patch().record(), r.patch().source());
      out.put(r.patch().id(), new String[] {rec.text(type), rec.text(area)});
    }
    return out;
  }
}
