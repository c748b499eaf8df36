package io.landwatch.write;

import io.landwatch.plan.Task;
import io.landwatch.plan.TaskPlanner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** tasks.csv, tasks.geojson and one CSV per township under tasks/. */
public final class TaskWriters {
  private TaskWriters() {}

  public static void csv(Path target, List<Task> tasks) {
    CsvWriter.table(target, TaskColumns.names(), out -> {
      for (Task t : tasks) {
        out.row(TaskColumns.values(t).stream().map(TaskColumns::text).toList());
      }
    });
  }

  public static void geojson(Path target, List<Task> tasks) {
    List<String> names = TaskColumns.names();
    GeoJsonWriter.collection(target, tasks, (g, t) -> {
      g.writeStringField("id", t.taskId());
      g.writeObjectFieldStart("geometry");
      g.writeStringField("type", "Point");
      g.writeArrayFieldStart("coordinates");
      g.writeNumber(Numbers.plain(t.lon(), 7));
      g.writeNumber(Numbers.plain(t.lat(), 7));
      g.writeEndArray();
      g.writeEndObject();
      g.writeObjectFieldStart("properties");
      List<Object> values = TaskColumns.values(t);
      for (int i = 0; i < names.size(); i++) {
        g.writeFieldName(names.get(i));
        GeoJsonWriter.value(g, values.get(i));
      }
      g.writeEndObject();
    });
  }

  /** Tasks grouped by township (tasks outside every village under their own name). */
  public static Map<String, List<Task>> byTownship(List<Task> tasks) {
    Map<String, List<Task>> m = new LinkedHashMap<>();
    for (Task t : tasks) {
      m.computeIfAbsent(t.township() == null ? TaskPlanner.OUTSIDE : t.township(), k -> new ArrayList<>()).add(t);
    }
    return m;
  }

  /** A file name for a township: its name, with characters file systems refuse replaced. */
  public static String fileName(String township) {
    return township.replaceAll("[\\\\/:*?\"<>|\\s()]+", "_");
  }
}
