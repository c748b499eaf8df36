package io.landwatch.store;

import io.landwatch.config.CaseRules;
import io.landwatch.model.Channel;
import io.landwatch.model.Priority;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The patrol ledger (巡查台账): every case of the period and its history, one row per status
 * change, optionally for one township; with it the leads of the period (线索台账, without the
 * reporters' contacts), the counts by channel, and the patrol log (巡查记录).
 */
public final class Ledger {
  /** One sheet of the ledger workbook: its name, columns and rows (String, Integer, Double or null). */
  public record Sheet(String name, List<String> columns, List<List<Object>> rows) {}

  /** The columns of the leads sheet: never the reporter's contact. */
  public static final List<String> LEAD_COLUMNS = List.of("lead_id", "channel", "reported_on", "location",
      "township", "village", "case_id", "outcome", "facts", "description", "source_file", "source_row");

  /** The columns of the patrol log sheet. */
  public static final List<String> PATROL_COLUMNS = List.of("patrol_id", "patrolled_on", "inspector", "villages",
      "findings", "lead_ids", "track_km", "source_file", "source_row");

  /** The columns of the steps sheet (案件办理): transitions and referrals with their documents. */
  public static final List<String> STEP_COLUMNS = List.of("case_id", "township", "village", "step", "on", "actor",
      "case_number", "decision_number", "service_date", "fine", "orders", "rectify_by", "referred_to", "accepted",
      "outcome", "documents");

  /**
   * The ledger's sheets: cases with their history and life, steps of their legal life, leads,
   * counts by channel, patrol log.
   */
  public static List<Sheet> book(CaseStore store, String township, LocalDate from, LocalDate to, CaseRules rules,
      LocalDate asOf) {
    List<List<Object>> cases = new ArrayList<>();
    lines(store, township, from, to, rules, asOf).forEach(l -> cases.add(l.values()));
    List<List<Object>> steps = new ArrayList<>();
    Map<String, CaseRow> caseById = new HashMap<>();
    store.cases().forEach(c -> caseById.put(c.caseId(), c));
    for (StepRow s : store.steps()) {
      CaseRow c = caseById.get(s.caseId());
      if (c == null || township != null && !township.equals(c.township()) || outside(s.on(), from, to)) {
        continue;
      }
      steps.add(Arrays.asList(s.caseId(), c.township(), c.village(), s.step(), s.on().toString(), s.actor(),
          s.caseNumber(), s.decisionNumber(), s.serviceDate() == null ? null : s.serviceDate().toString(), s.fine(),
          s.orders(), s.rectifyBy() == null ? null : s.rectifyBy().toString(), s.referredTo(), s.accepted(), s.outcome(),
          s.documents()));
    }
    Map<String, CaseRow> byId = new HashMap<>();
    store.cases().forEach(c -> byId.put(c.caseId(), c));
    List<List<Object>> leads = new ArrayList<>();
    Map<Channel, int[]> counts = new java.util.EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      counts.put(c, new int[4]);
    }
    for (LeadRow l : store.leads()) {
      CaseRow c = l.caseId() == null ? null : byId.get(l.caseId());
      String town = c == null ? null : c.township();
      if (township != null && !township.equals(town) || outside(l.reportedOn(), from, to)) {
        continue;
      }
      leads.add(Arrays.asList(l.leadId(), l.channel().label(), l.reportedOn().toString(), l.location(), town,
          c == null ? null : c.village(), l.caseId(), l.outcome(), l.facts(), l.description(), l.sourceFile(),
          l.sourceRow()));
      counts.get(l.channel())[0]++;
    }
    for (CaseRow c : byId.values()) {
      if ((township == null || township.equals(c.township())) && !outside(c.openedOn(), from, to)) {
        counts.get(c.origin().channel())[c.closed() ? 2 : 1]++;
        if (c.referral()) {
          counts.get(c.origin().channel())[3]++;
        }
      }
    }
    List<List<Object>> channels = new ArrayList<>();
    counts.forEach((c, n) -> channels.add(Arrays.asList(c.label(), c.code(), n[0], n[1], n[2], n[3])));
    List<List<Object>> patrols = new ArrayList<>();
    for (PatrolRow p : store.patrols()) {
      if (outside(p.patrolledOn(), from, to) || township != null && p.villages().stream()
          .noneMatch(v -> v.startsWith(township + "/"))) {
        continue;
      }
      patrols.add(Arrays.asList(p.patrolId(), p.patrolledOn().toString(), p.inspector(), String.join("; ", p.villages()),
          p.findings() == null ? "无" : p.findings(), String.join("; ", p.leadIds()), p.trackKm(), p.sourceFile(),
          p.sourceRow()));
    }
    patrols.sort(java.util.Comparator.comparing((List<Object> r) -> r.get(1).toString()).thenComparing(r -> r.get(0).toString()));
    return List.of(new Sheet("巡查台账", COLUMNS, cases), new Sheet("案件办理", STEP_COLUMNS, steps),
        new Sheet("线索台账", LEAD_COLUMNS, leads),
        new Sheet("按来源统计", List.of("channel", "code", "leads", "open_cases", "closed_cases", "referral_candidates"),
            channels), new Sheet("巡查记录", PATROL_COLUMNS, patrols));
  }

  private static boolean outside(LocalDate day, LocalDate from, LocalDate to) {
    return day != null && (from != null && day.isBefore(from) || to != null && day.isAfter(to));
  }
  /** The ledger's columns, in order. */
  public static final List<String> COLUMNS = List.of("case_id", "patch_id", "channel", "township", "village",
      "priority", "current_status", "expanded", "area_m2", "opened_on", "at", "actor", "old_status",
      "new_status", "note", "stage", "patches", "outlines", "evidence", "deadline", "escalation", "routed_to",
      "later_approval");

  /** One ledger line: a case and one step of its history. */
  public record Line(String caseId, String patchId, Channel channel, String township, String village, Priority priority,
      TaskStatus currentStatus, boolean expanded, double areaM2, LocalDate openedOn, String at, String actor,
      TaskStatus oldStatus, TaskStatus newStatus, String note, Life life) {

    /** The values in {@link #COLUMNS} order: String, Integer, Double or null. */
    public List<Object> values() {
      return Arrays.asList(caseId, patchId, channel.label(), township, village, priority == null ? null : priority.name(),
          currentStatus.label(), expanded ? 1 : 0,
          areaM2, openedOn == null ? null : openedOn.toString(), at, actor,
          oldStatus == null ? null : oldStatus.label(), newStatus.label(), note, life.stage().label(), life.patches(),
          life.outlines(), life.evidence(), life.deadline(), life.escalation(), life.routedTo(), life.laterApproval());
    }
  }

  /**
   * The whole life of a case at a glance: stage, how many patches, measured outlines and photos it
   * has, its current deadline, escalation, routing and later-approval suggestion.
   *
   * @param deadline the nearest legal window ("rectification 2023-10-22 (closing)"), or null
   */
  public record Life(Stage stage, int patches, int outlines, int evidence, String deadline, String escalation,
      String routedTo, String laterApproval) {}

  /** Every case's life as of a day. */
  static Map<String, Life> lives(CaseStore store, CaseRules rules, LocalDate asOf) {
    Map<String, int[]> n = new HashMap<>();
    store.casePatches().forEach(r -> n.computeIfAbsent(r[0], k -> new int[3])[0]++);
    store.outlines().forEach(o -> n.computeIfAbsent(o.caseId(), k -> new int[3])[1]++);
    store.evidence().forEach(e -> n.computeIfAbsent(e.caseId(), k -> new int[3])[2]++);
    Map<String, String> deadline = new HashMap<>();
    // the windows that close within a year, or closed without the next step: the nearest first
    for (Deadlines.Deadline d : Deadlines.of(store, rules, asOf, 366)) {
      deadline.putIfAbsent(d.caseId(), d.window() + " " + d.due() + " (" + d.state() + ")");
    }
    Map<String, Life> out = new HashMap<>();
    store.caseLife().forEach((id, l) -> {
      int[] c = n.getOrDefault(id, new int[3]);
      out.put(id, new Life(l.stage(), c[0], c[1], c[2], deadline.get(id), l.escalation(), l.routedTo(),
          l.laterApproval()));
    });
    return out;
  }

  private Ledger() {}

  /** Lines ordered by case, then time. {@code from}/{@code to} (inclusive) may be null. */
  public static List<Line> lines(CaseStore store, String township, LocalDate from, LocalDate to) {
    return lines(store, township, from, to, CaseRules.DEFAULTS, LocalDate.now());
  }

  /** As above, with the job's deadlines and the day they are counted from. */
  public static List<Line> lines(CaseStore store, String township, LocalDate from, LocalDate to, CaseRules rules,
      LocalDate asOf) {
    Map<String, Life> lives = lives(store, rules, asOf);
    Map<String, CaseRow> cases = new HashMap<>();
    store.cases().forEach(c -> cases.put(c.caseId(), c));
    List<Line> out = new ArrayList<>();
    for (HistoryRow h : store.history()) {
      CaseRow c = cases.get(h.caseId());
      if (c == null || township != null && !township.equals(c.township())) {
        continue;
      }
      LocalDate day = h.day();
      if (from != null && day.isBefore(from) || to != null && day.isAfter(to)) {
        continue;
      }
      out.add(new Line(c.caseId(), c.patchId(), c.origin().channel(), c.township(), c.village(), c.priority(), c.status(), c.expanded(),
          c.areaM2(), c.openedOn(), h.at(), h.actor(), h.oldStatus(), h.newStatus(), h.note(), lives.get(c.caseId())));
    }
    out.sort(Comparator.comparing(Line::caseId).thenComparing(Line::at));
    return out;
  }
}
