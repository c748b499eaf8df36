package io.landwatch.write;

import java.util.Map;

/**
 * Chinese headers and values for patches.csv and patches.xlsx ({@code output.labels: zh}), for the
 * offices that read them in Excel; GeoJSON and the GIS layers keep the English names other
 * systems read.
 */
public final class PatchLabels {
  /** Column → Chinese header. */
  public static final Map<String, String> CHINESE = Map.ofEntries(
      Map.entry("patch_id", "图斑编号"), Map.entry("verdict", "判定结果"), Map.entry("area_m2", "图斑面积(平方米)"),
      Map.entry("approved_m2", "已批面积(平方米)"), Map.entry("unapproved_m2", "未批面积(平方米)"),
      Map.entry("farmland_m2", "占用耕地(平方米)"), Map.entry("basic_farmland_m2", "占用永久基本农田(平方米)"),
      Map.entry("other_farmland_m2", "占用一般耕地(平方米)"), Map.entry("ecological_m2", "占用生态保护红线(平方米)"),
      Map.entry("area_mu", "图斑面积(亩)"), Map.entry("unapproved_mu", "未批面积(亩)"), Map.entry("farmland_mu", "占用耕地(亩)"),
      Map.entry("basic_farmland_mu", "占用永久基本农田(亩)"), Map.entry("patch_farmland_m2", "图斑内耕地(平方米)"),
      Map.entry("township", "乡镇"), Map.entry("village", "村"), Map.entry("priority", "优先级"),
      Map.entry("referral", "移送公安"), Map.entry("approvals", "批准文号"), Map.entry("before_date", "前时相"),
      Map.entry("after_date", "后时相"));

  private static final Map<String, String> VALUES = Map.of("approved", "合法", "suspected_illegal", "疑似违法",
      "true", "是", "false", "否");

  private PatchLabels() {}

  /** The header of a column: Chinese when asked, source fields as 原属性.NAME. */
  public static String header(String column, boolean chinese) {
    if (!chinese) {
      return column;
    }
    return column.startsWith("source.") ? "原属性." + column.substring(7) : CHINESE.getOrDefault(column, column);
  }

  /** A cell of the verdict or referral column in Chinese; other values as they are. */
  public static String value(String column, String text, boolean chinese) {
    if (!chinese || !(column.equals("verdict") || column.equals("referral"))) {
      return text;
    }
    return VALUES.getOrDefault(text, text);
  }
}
