package io.landwatch.store;

import io.landwatch.config.TaskLabels;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The words a feedback file may use: the English column names and values of docs/NIGHTLY.md, and
 * the Chinese ones a township office writes (the headers tasks.xlsx hands out, and the usual field
 * words for results and actions), mapped to the canonical ones.
 */
public final class FeedbackVocabulary {
  /** Canonical column → the headers accepted for it, English first. */
  static final Map<String, List<String>> COLUMNS = columns();

  private static final Map<String, String> RESULTS = Map.of("违法", "illegal", "疑似违法", "illegal",
      "合法", "legal", "合法已批", "legal", "已批", "legal", "设施农用地", "facility_agriculture",
      "农村道路", "rural_road", "伪变化", "false_change", "其他", "other");

  private static final Map<String, String> ACTIONS = actions();

  /** Result type → the word a form offers for it, in the order a form lists them. */
  private static final Map<String, String> RESULT_WORDS = resultWords();

  /** The Chinese words for actions, in the order a form lists them. */
  public static final List<String> ACTION_WORDS = List.of("无", "已制止", "拒不停止", "已拆除", "已复耕", "已立案", "移送公安",
      "移送法院", "移送纪检监察");

  private FeedbackVocabulary() {}

  private static Map<String, List<String>> columns() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("task_id", List.of("task_id", TaskLabels.CHINESE.get("task_id")));
    m.put("patch_id", List.of("patch_id", TaskLabels.CHINESE.get("patch_id")));
    m.put("result", List.of("result", "核查结果", "结果"));
    m.put("action", List.of("action", "处置措施", "处置情况", "措施"));
    m.put("checked_on", List.of("checked_on", "核查日期", "核查时间"));
    m.put("inspector", List.of("inspector", "核查人", TaskLabels.CHINESE.get("inspector")));
    m.put("note", List.of("note", "备注"));
    m.put("photos", List.of("photos", "照片"));
    m.put("outline", List.of("outline", "实测范围", "实测图形", "测量范围"));
    return m;
  }

  private static Map<String, String> resultWords() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("illegal", "违法");
    m.put("legal", "合法已批");
    m.put("facility_agriculture", "设施农用地");
    m.put("rural_road", "农村道路");
    m.put("false_change", "伪变化");
    m.put("other", "其他");
    return m;
  }

  /**
   * The words a form offers for the configured result types: the Chinese word of each known type,
   * in the usual order, then the county's own types as configured.
   */
  public static List<String> resultWords(java.util.Collection<String> types) {
    List<String> out = new java.util.ArrayList<>();
    RESULT_WORDS.forEach((type, word) -> {
      if (types.contains(type)) {
        out.add(word);
      }
    });
    types.stream().filter(t -> !RESULT_WORDS.containsKey(t)).sorted().forEach(out::add);
    return out;
  }

  private static Map<String, String> actions() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("无", "none");
    m.put("未处置", "none");
    m.put("制止", "stopped");
    m.put("已制止", "stopped");
    m.put("拒不停止", "refused");
    m.put("拒不整改", "refused");
    m.put("拆除", "demolished");
    m.put("已拆除", "demolished");
    m.put("复耕", "restored");
    m.put("已复耕", "restored");
    m.put("恢复", "restored");
    m.put("已恢复", "restored");
    m.put("立案", "case_filed");
    m.put("已立案", "case_filed");
    m.put("移送公安", "referred_police");
    m.put("移送法院", "referred_court");
    m.put("移送纪检监察", "referred_discipline");
    return m;
  }

  /** The header of the file that names {@code column}, or null when the file has none. */
  static String header(List<String> headers, String column) {
    return Columns.find(headers, COLUMNS.get(column));
  }

  /** A result as the rules know it: Chinese words mapped, anything else as written. */
  static String result(String v) {
    return v == null ? null : RESULTS.getOrDefault(v.strip(), v);
  }

  /** An action as the rules know it: Chinese words mapped, anything else as written. */
  static String action(String v) {
    return v == null ? null : ACTIONS.getOrDefault(v.strip(), v);
  }

  /** The accepted words, for error messages. */
  static String help() {
    return "results 违法/合法已批/设施农用地/农村道路/伪变化/其他 (illegal/legal/facility_agriculture/rural_road/"
        + "false_change/other, or a type of rules.result_types); actions 无, 已制止, 拒不停止, 已拆除, 已复耕, 已立案, 移送公安,"
        + " 移送法院, 移送纪检监察 (none, stopped, refused, demolished, restored, case_filed, referred_police,"
        + " referred_court, referred_discipline)";
  }
}
