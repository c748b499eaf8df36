package io.landwatch.write;

import io.landwatch.config.TaskLabels;
import io.landwatch.plan.Task;
import java.util.List;

/**
 * The columns of every task output, in order, with the Chinese headers township offices read
 * (the job's {@code output.task_labels} may rename any of them).
 */
public final class TaskColumns {
  private TaskColumns() {}

  public static List<String> names() {
    return List.copyOf(TaskLabels.CHINESE.keySet());
  }

  /** A task's values in column order: String, Integer, Double or null. */
  public static List<Object> values(Task t) {
    return java.util.Arrays.asList(t.townshipSeq(), t.routeSeq(), t.taskId(), t.caseId(), t.patchId(),
        t.township(), t.village(), t.inspector(), t.phone(), t.priority() == null ? null : t.priority().name(), t.dueOn().toString(),
        t.status(), t.areaMu(), t.unapprovedMu(), t.farmlandMu(), t.basicFarmlandMu(), t.lon(), t.lat(),
        t.gcj02Lon(), t.gcj02Lat(), round3(t.legKm()), round3(t.townshipLegKm()));
  }

  private static double round3(double km) {
    return Math.round(km * 1000) / 1000.0;
  }

  /** Text for a cell: numbers plain, null empty. */
  public static String text(Object v) {
    if (v == null) {
      return "";
    }
    if (v instanceof Double d) {
      return Numbers.plain(d, 7);
    }
    return v.toString();
  }
}
