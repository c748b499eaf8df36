package io.landwatch.report;

import java.util.Arrays;
import java.util.Locale;

/** Who an export is for (county notice §二, §三(三), §五, §六), with the file stem and its title. */
public enum Department {
  POLICE("police", "移送公安机关线索清单"),
  COURT("court", "申请法院强制执行清单"),
  PERMITS("permits", "停止办理审批手续清单"),
  UTILITIES("utilities", "停止供水供电供气清单"),
  PUBLIC("public", "土地违法案件执法公示"),
  JOINT_MEETING("joint-meeting", "联席会议通报材料");

  private final String code;
  private final String title;

  Department(String code, String title) {
    this.code = code;
    this.title = title;
  }

  public String code() {
    return code;
  }

  public String title() {
    return title;
  }

  /** The department a --for value names, or null. */
  public static Department parse(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT).replace('_', '-');
    return Arrays.stream(values()).filter(d -> d.code.equals(t) || t.equals("procuratorate") && d == POLICE)
        .findFirst().orElse(null);
  }

  public static String help() {
    return String.join(", ", Arrays.stream(values()).map(Department::code).toList());
  }
}
