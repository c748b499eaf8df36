package io.landwatch.config;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The columns of the task outputs (tasks.csv, tasks.xlsx, the patrol sheets) in order, with the
 * Chinese headers township offices read; {@code output.task_labels} renames any of them.
 */
public final class TaskLabels {
  /** Column name → default header, in output order. */
  public static final Map<String, String> CHINESE = labels();

  private TaskLabels() {}

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
}
