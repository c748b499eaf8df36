package io.landwatch.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The morning check of a nightly run: open, overdue and closed tasks by township and priority. */
public final class StoreStatus {
  /** Counts of one township and priority. */
  public record Counts(int open, int overdue, int closed) {}

  /** The table (township → priority → counts) and the oldest overdue tasks. */
  public record Summary(Map<String, Map<String, Counts>> byTownship, List<Map<String, Object>> oldestOverdue,
      Map<String, Object> lastRun) {}

  private StoreStatus() {}

  public static Summary of(CaseStore store, LocalDate today, int oldest) {
    Map<String, Map<String, int[]>> t = new TreeMap<>();
    List<Map<String, Object>> overdue = new ArrayList<>();
    for (Map<String, Object> task : store.rows("tasks", null)) {
      String town = task.get("township") == null ? "(outside villages)" : (String) task.get("township");
      String pr = task.get("priority") == null ? "-" : (String) task.get("priority");
      int[] c = t.computeIfAbsent(town, k -> new TreeMap<>()).computeIfAbsent(pr, k -> new int[3]);
      boolean closed = "closed".equals(task.get("status"));
      if (closed) {
        c[2]++;
      } else {
        c[0]++;
        if (LocalDate.parse((String) task.get("due_on")).isBefore(today)) {
          c[1]++;
          overdue.add(task);
        }
      }
    }
    Map<String, Map<String, Counts>> out = new TreeMap<>();
    t.forEach((town, m) -> m.forEach((p, c) -> out.computeIfAbsent(town, k -> new TreeMap<>())
        .put(p, new Counts(c[0], c[1], c[2]))));
    overdue.sort(Comparator.comparing((Map<String, Object> x) -> (String) x.get("due_on"))
        .thenComparing(x -> (String) x.get("task_id")));
    List<Map<String, Object>> runs = store.rows("runs", null);
    return new Summary(out, overdue.subList(0, Math.min(oldest, overdue.size())),
        runs.isEmpty() ? null : runs.get(runs.size() - 1));
  }
}
