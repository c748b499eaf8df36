package io.landwatch.store;

import io.landwatch.LandwatchException;
import io.landwatch.model.SourceRecord;
import io.landwatch.prepare.DateParser;
import io.landwatch.read.Attributes;
import io.landwatch.read.LayerSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a case-update file (CSV or XLSX, English or Chinese headers and values): one step of a
 * case's life per row. Cells that cannot be read (a date that is not a date, a fine that is not a
 * number) become the row's problem.
 */
public final class CaseUpdateFile {
  /** Canonical column → the headers accepted for it, English first. */
  static final Map<String, List<String>> COLUMNS = columns();

  /** The steps, for messages. */
  static final List<String> STEP_HELP = List.of("verified_illegal 核实违法", "verified_legal 核实合法", "stopped 制止",
      "filed 立案", "decided 处罚决定", "executed 履行", "closed 结案", "referred 移送", "referral_answer 移送回复",
      "referral_outcome 办理结果");

  private static final Map<String, String> STEP_WORDS = Map.ofEntries(Map.entry("核实违法", "verified_illegal"),
      Map.entry("认定违法", "verified_illegal"), Map.entry("核实合法", "verified_legal"), Map.entry("认定合法", "verified_legal"),
      Map.entry("制止", "stopped"), Map.entry("已制止", "stopped"), Map.entry("立案", "filed"), Map.entry("已立案", "filed"),
      Map.entry("处罚决定", "decided"), Map.entry("作出处罚决定", "decided"), Map.entry("履行", "executed"),
      Map.entry("执行完毕", "executed"), Map.entry("已履行", "executed"), Map.entry("结案", "closed"), Map.entry("已结案", "closed"),
      Map.entry("移送", "referred"), Map.entry("移送回复", "referral_answer"), Map.entry("受理情况", "referral_answer"),
      Map.entry("办理结果", "referral_outcome"), Map.entry("移送结果", "referral_outcome"));

  private static final Map<String, String> BODY_WORDS = Map.of("公安", "police", "公安局", "police", "检察院", "procuratorate",
      "人民检察院", "procuratorate", "法院", "court", "人民法院", "court", "纪委监委", "discipline", "纪检监察", "discipline");

  private static final Map<String, String> ORDER_WORDS = Map.of("拆除", "demolish", "没收", "confiscate", "恢复", "restore",
      "复耕", "restore", "恢复原状", "restore");

  /**
   * One row as written, values mapped to their codes.
   *
   * @param problem why a cell cannot be read, or null
   */
  public record Row(int row, String caseId, String step, LocalDate on, String actor, String documents,
      String caseNumber, String decisionNumber, LocalDate serviceDate, Double fine, List<String> orders,
      LocalDate rectifyBy, String referredTo, String accepted, String outcome, String note, String problem) {

    /** What makes two rows the same step: case, step, date, body. */
    String key() {
      return "case:" + caseId + "|" + step + "|" + on + "|" + (referredTo == null ? "" : referredTo);
    }
  }

  private CaseUpdateFile() {}

  private static Map<String, List<String>> columns() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("case_id", List.of("case_id", "案件编号", "图斑编号", "线索编号"));
    m.put("step", List.of("step", "环节", "办理环节"));
    m.put("on", List.of("on", "date", "日期", "办理日期"));
    m.put("actor", List.of("actor", "经办人", "承办人"));
    m.put("documents", List.of("documents", "文书", "文书编号"));
    m.put("case_number", List.of("case_number", "立案号", "立案编号"));
    m.put("decision_number", List.of("decision_number", "决定书文号", "处罚决定书文号"));
    m.put("service_date", List.of("service_date", "送达日期"));
    m.put("fine", List.of("fine", "罚款", "罚款金额"));
    m.put("orders", List.of("orders", "处罚内容", "责令"));
    m.put("rectify_by", List.of("rectify_by", "整改期限"));
    m.put("referred_to", List.of("referred_to", "移送机关"));
    m.put("accepted", List.of("accepted", "是否受理"));
    m.put("outcome", List.of("outcome", "办理结果", "履行情况", "结果"));
    m.put("note", List.of("note", "备注"));
    return m;
  }

  public static List<Row> read(Path file, String encoding) {
    List<Row> out = new ArrayList<>();
    try (LayerSource src = LayerSource.open("case update", file, null, encoding, null, null)) {
      Map<String, String> h = new LinkedHashMap<>();
      COLUMNS.forEach((c, names) -> h.put(c, Columns.find(src.fieldNames(), names)));
      if (h.get("case_id") == null || h.get("step") == null || h.get("on") == null) {
        throw LandwatchException.invalidInput("case update file " + file + " needs the columns case_id (案件编号),"
            + " step (环节), on (日期), and per step case_number (立案号), decision_number (决定书文号), service_date"
            + " (送达日期), fine (罚款), orders (处罚内容), rectify_by (整改期限), referred_to (移送机关), accepted (是否受理),"
            + " outcome (办理结果); it has: " + String.join(", ", src.fieldNames()) + ". See docs/LIFECYCLE.md.");
      }
      Attributes fields = src.attributes();
      src.forEach(f -> {
        int row = out.size() + 2;
        SourceRecord rec = new SourceRecord(f.GetFID(), fields.read(f));
        java.util.function.Function<String, String> cell = c -> rec.text(h.get(c));
        List<String> problems = new ArrayList<>();
        LocalDate on = date(cell.apply("on"), "on", problems);
        LocalDate service = date(cell.apply("service_date"), "service_date", problems);
        LocalDate rectify = date(cell.apply("rectify_by"), "rectify_by", problems);
        Double fine = null;
        String fineText = cell.apply("fine");
        if (fineText != null) {
          try {
            fine = Double.parseDouble(fineText.replace(",", "").replace("元", "").strip());
          } catch (NumberFormatException e) {
            problems.add("fine '" + fineText + "' is not a number (yuan)");
          }
        }
        String orders = cell.apply("orders");
        out.add(new Row(row, cell.apply("case_id"), map(STEP_WORDS, cell.apply("step")), on, cell.apply("actor"),
            cell.apply("documents"), cell.apply("case_number"), cell.apply("decision_number"), service, fine,
            orders == null ? List.of() : Arrays.stream(orders.split("[;；,，、\\s]+")).filter(s -> !s.isBlank())
                .map(s -> map(ORDER_WORDS, s)).toList(), rectify, map(BODY_WORDS, cell.apply("referred_to")),
            accepted(cell.apply("accepted")), cell.apply("outcome"), cell.apply("note"),
            problems.isEmpty() ? null : String.join("; ", problems)));
      });
    }
    return out;
  }

  private static String map(Map<String, String> words, String v) {
    return v == null ? null : words.getOrDefault(v.strip(), v.strip().toLowerCase(java.util.Locale.ROOT));
  }

  private static String accepted(String v) {
    if (v == null) {
      return null;
    }
    return switch (v.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "yes", "y", "是", "受理", "已受理", "true", "1" -> "yes";
      case "no", "n", "否", "不予受理", "未受理", "false", "0" -> "no";
      default -> v.strip();
    };
  }

  private static LocalDate date(String text, String column, List<String> problems) {
    try {
      return DateParser.parse(text);
    } catch (DateParser.InvalidDate e) {
      problems.add(column + " '" + e.value() + "' is not a date (write 2023-07-01)");
      return null;
    }
  }
}
