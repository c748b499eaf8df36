package io.landwatch.write;

import io.landwatch.plan.Task;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The columns of every task output, in order, with the Chinese headers township offices read
 * (the job's {@code output.task_labels} may rename any of them).
 */
public final class TaskColumns {
  public static final Map<String, String> CHINESE = labels();

  private TaskColumns() {}

  private static Map<String, String> labels() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("township_seq", "乡镇顺序");
    m.put("route_seq", "村内顺序");
    m.put("task_id", "任务编号");
    m.put("case_id", "案件编号");
    m.put("patch_id", "图斑编号");
    m.put("township", "乡镇");
    m.put("village", "村");
    m.put("inspector", "网格员");
    m.put("phone", "联系电话");
    m.put("priority", "优先级");
    m.put("due_on", "办结期限");
    m.put("status", "状态");
    m.put("area_mu", "图斑面积(亩)");
    m.put("unapproved_mu", "未批面积(亩)");
    m.put("farmland_mu", "占用耕地(亩)");
    m.put("basic_farmland_mu", "占用永久基本农田(亩)");
    m.put("lon", "经度");
    m.put("lat", "纬度");
    m.put("gcj02_lon", "GCJ-02经度");
    m.put("gcj02_lat", "GCJ-02纬度");
    m.put("leg_km", "村内距上一点(km)");
    m.put("township_leg_km", "乡镇内距上一点(km)");
    return java.util.Collections.unmodifiableMap(m);
  }

  public static List<String> names() {
    return List.copyOf(CHINESE.keySet());
  }

  /** A task's values in column order: String, Integer, Double or null. */
  public static List<Object> values(Task t) {
    return java.util.Arrays.asList(t.townshipSeq(), t.routeSeq(), t.taskId(), t.caseId(), t.patchId(),
        t.township(), t.village(), t.inspector(), t.phone(), t.priority(), t.dueOn().toString(),
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
