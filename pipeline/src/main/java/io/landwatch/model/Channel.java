package io.landwatch.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The six ways a violation becomes known (county notice §三): each lead and each case has one.
 * Cases opened by a run of the patch layer are {@link #SATELLITE}.
 */
public enum Channel {
  PATROL("patrol", "巡查", "巡查发现", "动态巡查"),
  SATELLITE("satellite", "卫片", "卫片执法", "卫片图斑"),
  VILLAGE_REPORT("village_report", "村级报告", "村报告", "村级上报", "网格员上报"),
  PUBLIC_REPORT("public_report", "群众举报", "举报", "信访", "12336"),
  MEDIA("media", "媒体曝光", "媒体", "舆情"),
  ASSIGNED("assigned", "上级交办", "交办", "督办");

  private final String code;
  private final String label;
  private final List<String> synonyms;

  Channel(String code, String label, String... synonyms) {
    this.code = code;
    this.label = label;
    this.synonyms = List.of(synonyms);
  }

  /** The English code used in files and the store, e.g. public_report. */
  public String code() {
    return code;
  }

  /** The Chinese name the notice uses, e.g. 群众举报. */
  public String label() {
    return label;
  }

  /** The channel a cell names (code, Chinese name or a usual synonym), or null when none. */
  public static Channel parse(String text) {
    if (text == null) {
      return null;
    }
    String t = text.strip();
    for (Channel c : values()) {
      if (c.code.equalsIgnoreCase(t) || c.label.equals(t) || c.synonyms.contains(t)
          || c.name().equalsIgnoreCase(t)) {
        return c;
      }
    }
    return null;
  }

  /** The channel stored as a code (null: satellite, as cases of the first releases are). */
  public static Channel ofCode(String code) {
    return code == null ? SATELLITE : Arrays.stream(values()).filter(c -> c.code.equals(code)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown channel code " + code));
  }

  /** The accepted words, for error messages. */
  public static String help() {
    return String.join(", ", Arrays.stream(values()).map(c -> c.code + " (" + c.label + ")").toList());
  }

  @Override
  public String toString() {
    return code.toLowerCase(Locale.ROOT);
  }
}
