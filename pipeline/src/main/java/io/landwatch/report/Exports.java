package io.landwatch.report;

import io.landwatch.config.CaseRules;
import io.landwatch.geo.Gcj02;
import io.landwatch.geo.Units;
import io.landwatch.store.CaseStore;
import io.landwatch.store.Deadlines;
import io.landwatch.store.EvidenceRow;
import io.landwatch.store.Stage;
import io.landwatch.store.StepRow;
import io.landwatch.write.TypedTable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What each department receives, decided from the case store as of the end of the period (or the
 * report day, when earlier). Only what the department needs: no inspector's phone, no reporter,
 * no notes; the public list carries no name, phone, id number or contact of anybody.
 */
public final class Exports {
  /** The stages of a case under a stop order: stopped and not yet executed. */
  static final Set<Stage> UNDER_STOP = Set.of(Stage.STOPPED, Stage.FILED, Stage.DECIDED);

  /** How far ahead the court list looks for enforcement applications coming due. */
  public static final int COURT_DAYS = 30;

  private Exports() {}

  /** The tables for a department: one for most, three for the joint meeting. */
  public static List<TypedTable> of(Department d, CaseStore store, CaseRules rules, Period p, LocalDate asOf) {
    List<CaseFacts> facts = CaseFacts.of(store);
    LocalDate end = asOf.isBefore(p.to()) ? asOf : p.to();
    return switch (d) {
      case POLICE -> List.of(police(facts, store.evidence(), end));
      case COURT -> List.of(court(facts, Deadlines.of(store, rules, end, COURT_DAYS), end));
      case PERMITS, UTILITIES -> List.of(stopOrders(d, facts, end));
      case PUBLIC -> List.of(publicList(facts, p));
      case JOINT_MEETING -> joint(facts, Deadlines.of(store, rules, end, COURT_DAYS), rules, end);
    };
  }

  /** Referral candidates and cases referred to the police or procuratorate, with areas and the evidence list. */
  static TypedTable police(List<CaseFacts> facts, List<EvidenceRow> evidence, LocalDate end) {
    Map<String, List<String>> photos = new HashMap<>();
    for (EvidenceRow e : evidence) {
      photos.computeIfAbsent(e.caseId(), k -> new ArrayList<>()).add(e.file().substring(e.file().lastIndexOf('/') + 1)
          + " (SHA-256 " + e.sha256().substring(0, 12) + "…)");
    }
    List<List<Object>> rows = new ArrayList<>();
    for (CaseFacts f : facts) {
      List<StepRow> sent = f.steps().stream().filter(s -> s.step().equals("referred") && !s.on().isAfter(end)
          && ("police".equals(s.referredTo()) || "procuratorate".equals(s.referredTo()))).toList();
      if (f.kase().openedOn().isAfter(end) || !f.kase().referral() && sent.isEmpty() || stage(f) == Stage.VERIFIED_LEGAL) {
        continue;
      }
      StepRow last = sent.isEmpty() ? null : sent.get(sent.size() - 1);
      rows.add(Arrays.asList(f.kase().caseId(), f.township(), f.village(), f.kase().openedOn(),
          Units.round2(f.kase().unapprovedM2()), Units.round4(f.farmlandMu()), Units.round4(f.basicFarmlandMu()),
          f.kase().referral() ? "是" : "否", stage(f).label(), last == null ? null : last.referredTo(),
          last == null ? null : last.on(), answer(f, last), String.join("; ", photos.getOrDefault(f.kase().caseId(),
              List.of())), f.task() == null ? null : f.task().lon(), f.task() == null ? null : f.task().lat()));
    }
    return new TypedTable("移送公安", Department.POLICE.title(), List.of(TypedTable.id("案件编号"),
        TypedTable.text("乡镇", 10), TypedTable.text("村", 10), TypedTable.date("立案核查日期"), TypedTable.number("违法面积（平方米）"),
        TypedTable.number("耕地（亩）"), TypedTable.number("永久基本农田（亩）"), TypedTable.text("达刑事移送线", 8),
        TypedTable.text("办理阶段", 12), TypedTable.text("已移送机关", 12), TypedTable.date("移送日期"),
        TypedTable.text("受理与结果", 24), TypedTable.text("证据照片", 40), TypedTable.number("经度"),
        TypedTable.number("纬度")), rows);
  }

  private static String answer(CaseFacts f, StepRow referral) {
    if (referral == null) {
      return null;
    }
    String out = null;
    for (StepRow s : f.steps()) {
      if (referral.referredTo().equals(s.referredTo()) && !s.on().isBefore(referral.on())) {
        if (s.step().equals("referral_answer")) {
          out = ("yes".equals(s.accepted()) ? "已受理 " : "不予受理 ") + s.on();
        } else if (s.step().equals("referral_outcome")) {
          out = (out == null ? "" : out + "；") + s.outcome() + " " + s.on();
        }
      }
    }
    return out == null ? "待回复" : out;
  }

  /** Decisions whose application to the court for enforcement is due within 30 days or overdue. */
  static TypedTable court(List<CaseFacts> facts, List<Deadlines.Deadline> deadlines, LocalDate end) {
    Map<String, CaseFacts> byId = new HashMap<>();
    facts.forEach(f -> byId.put(f.kase().caseId(), f));
    List<List<Object>> rows = new ArrayList<>();
    for (Deadlines.Deadline d : deadlines) {
      if (!d.window().equals("enforcement_application") || d.nextStep() == null) {
        continue;
      }
      CaseFacts f = byId.get(d.caseId());
      StepRow dec = f.last("decided");
      rows.add(Arrays.asList(d.caseId(), f.township(), f.village(), dec.decisionNumber(), dec.on(), dec.serviceDate(),
          orders(dec.orders()), dec.fine(), dec.rectifyBy(), d.due(), d.state().equals("passed") ? "已逾期" : "即将到期",
          d.daysLeft(end)));
    }
    return new TypedTable("申请强制执行", Department.COURT.title(), List.of(TypedTable.id("案件编号"),
        TypedTable.text("乡镇", 10), TypedTable.text("村", 10), TypedTable.text("处罚决定书文号", 22),
        TypedTable.date("决定日期"), TypedTable.date("送达日期"), TypedTable.text("处罚内容", 14), TypedTable.number("罚款（元）"),
        TypedTable.date("整改期限"), TypedTable.date("申请执行期限"), TypedTable.text("状态", 8), TypedTable.integer("剩余天数")),
        rows);
  }

  /** Cases under a stop order: no permit, no connection of power, water or gas there. */
  static TypedTable stopOrders(Department d, List<CaseFacts> facts, LocalDate end) {
    List<List<Object>> rows = new ArrayList<>();
    for (CaseFacts f : facts) {
      StepRow stop = f.last("stopped");
      if (!UNDER_STOP.contains(stage(f)) || stop == null || stop.on().isAfter(end) || f.task() == null) {
        continue;
      }
      double[] gcj = Gcj02.fromWgs84(f.task().lon(), f.task().lat());
      rows.add(Arrays.asList(f.kase().caseId(), f.township(), f.village(), stage(f).label(), stop.on(),
          Units.round2(f.kase().areaM2()), f.task().lon(), f.task().lat(), Units.round7(gcj[0]), Units.round7(gcj[1])));
    }
    return new TypedTable(d == Department.PERMITS ? "停止审批" : "停止供应", d.title(), List.of(TypedTable.id("案件编号"),
        TypedTable.text("乡镇", 10), TypedTable.text("村", 10), TypedTable.text("办理阶段", 14), TypedTable.date("制止日期"),
        TypedTable.number("面积（平方米）"), TypedTable.number("经度（CGCS2000）"), TypedTable.number("纬度（CGCS2000）"),
        TypedTable.number("经度（GCJ-02）"), TypedTable.number("纬度（GCJ-02）")), rows);
  }

  /** 执法公示: cases decided in the period, nothing personal. */
  static TypedTable publicList(List<CaseFacts> facts, Period p) {
    List<List<Object>> rows = new ArrayList<>();
    for (CaseFacts f : facts) {
      List<StepRow> decided = f.in(p, "decided");
      if (decided.isEmpty()) {
        continue;
      }
      StepRow dec = decided.get(decided.size() - 1);
      StepRow filed = f.last("filed");
      rows.add(Arrays.asList(filed == null ? null : filed.caseNumber(), dec.decisionNumber(), dec.on(), f.township(),
          f.village(), Units.round2(f.kase().unapprovedM2()), orders(dec.orders()), dec.fine(), stage(f).label()));
    }
    return new TypedTable("执法公示", Department.PUBLIC.title() + " " + p.chinese(), List.of(TypedTable.text("立案号", 22),
        TypedTable.text("处罚决定书文号", 22), TypedTable.date("决定日期"), TypedTable.text("乡镇", 10), TypedTable.text("村", 10),
        TypedTable.number("违法面积（平方米）"), TypedTable.text("处罚内容", 14), TypedTable.number("罚款（元）"),
        TypedTable.text("执行情况", 12)), rows);
  }

  /** §五: major cases by the joint-meeting rules, referrals awaiting an answer, overdue items. */
  static List<TypedTable> joint(List<CaseFacts> facts, List<Deadlines.Deadline> deadlines, CaseRules rules,
      LocalDate end) {
    List<List<Object>> major = new ArrayList<>();
    List<List<Object>> awaiting = new ArrayList<>();
    for (CaseFacts f : facts) {
      if (f.kase().openedOn().isAfter(end) || f.kase().closed()) {
        continue;
      }
      List<String> why = majorReasons(f, rules);
      if (!why.isEmpty()) {
        major.add(Arrays.asList(f.kase().caseId(), f.township(), f.village(), Units.round4(Units.mu(f.kase().unapprovedM2())),
            Units.round4(f.basicFarmlandMu()), stage(f).label(), String.join("；", why)));
      }
      Map<String, StepRow> open = new java.util.TreeMap<>();
      for (StepRow s : f.steps()) {
        if (s.referredTo() == null || s.on().isAfter(end)) {
          continue;
        }
        if (s.step().equals("referred")) {
          open.put(s.referredTo(), s);
        } else {
          open.remove(s.referredTo());
        }
      }
      open.values().forEach(s -> awaiting.add(Arrays.asList(f.kase().caseId(), f.township(), f.village(), s.referredTo(),
          s.on(), java.time.temporal.ChronoUnit.DAYS.between(s.on(), end))));
    }
    List<List<Object>> overdue = new ArrayList<>();
    for (Deadlines.Deadline d : deadlines) {
      if (d.state().equals("passed")) {
        overdue.add(Arrays.asList(d.caseId(), d.township(), d.village(), d.window(), d.due(), d.nextStep()));
      }
    }
    for (CaseFacts f : facts) {
      if (f.task() != null && f.task().status() != io.landwatch.store.TaskStatus.CLOSED && f.task().dueOn() != null
          && f.task().dueOn().isBefore(end) && !f.kase().openedOn().isAfter(end)) {
        overdue.add(Arrays.asList(f.kase().caseId(), f.township(), f.village(), "patrol_task", f.task().dueOn(),
            "核查 (" + f.task().taskId() + ")"));
      }
    }
    return List.of(new TypedTable("重大案件", "联席会议：重大案件", List.of(TypedTable.id("案件编号"), TypedTable.text("乡镇", 10),
        TypedTable.text("村", 10), TypedTable.number("违法面积（亩）"), TypedTable.number("永久基本农田（亩）"),
        TypedTable.text("办理阶段", 14), TypedTable.text("列入理由", 30)), major),
        new TypedTable("待回复移送", "联席会议：移送待回复", List.of(TypedTable.id("案件编号"), TypedTable.text("乡镇", 10),
            TypedTable.text("村", 10), TypedTable.text("移送机关", 12), TypedTable.date("移送日期"), TypedTable.integer("已等待天数")),
            awaiting),
        new TypedTable("逾期事项", "联席会议：逾期事项", List.of(TypedTable.id("案件编号"), TypedTable.text("乡镇", 10),
            TypedTable.text("村", 10), TypedTable.text("事项", 22), TypedTable.date("期限"), TypedTable.text("应办事项", 30)),
            overdue));
  }

  /** Why a case is major (rules.joint_meeting), empty when it is not. */
  static List<String> majorReasons(CaseFacts f, CaseRules rules) {
    List<String> why = new ArrayList<>();
    if (f.basicFarmlandMu() >= rules.majorBasicFarmlandMu()) {
      why.add("占用永久基本农田 ≥ " + Html.num(rules.majorBasicFarmlandMu()) + " 亩");
    }
    if (rules.majorReferral() && f.kase().referral()) {
      why.add("达刑事移送线");
    }
    if (rules.majorExpanded() && f.kase().expanded()) {
      why.add("整改后再次扩大（重复违法）");
    }
    if (f.life() != null && "county".equals(f.life().escalation())) {
      why.add("已提级至县");
    }
    return why;
  }

  private static Stage stage(CaseFacts f) {
    return f.life() == null ? Stage.REPORTED : f.life().stage();
  }

  private static String orders(String codes) {
    if (codes == null) {
      return null;
    }
    return String.join("、", Arrays.stream(codes.split(",")).map(c -> switch (c) {
      case "demolish" -> "拆除";
      case "confiscate" -> "没收";
      case "restore" -> "恢复原状";
      default -> c;
    }).toList());
  }
}
