package io.landwatch.store;

import io.landwatch.config.Rules;
import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchInputs;
import io.landwatch.judge.PatchJudge;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * What every nightly run checks on the open cases, inside the run's transaction, writing only what
 * changed: follow-up tasks for executed decisions, later approvals (补办手续) as a suggestion for a
 * person (never a closure), escalation of overdue tasks (village → township → county), and the
 * department a case goes to by its kind.
 */
final class NightlyChecks {
  /** What the checks did. */
  record Counts(int followUps, int laterApprovals, int escalated, int routed) {}

  private final CaseStore store;
  private final Rules rules;
  private final String actor;
  private final LocalDate runDate;

  NightlyChecks(CaseStore store, Rules rules, String runId, LocalDate runDate) {
    this.store = store;
    this.rules = rules;
    this.actor = "run " + runId;
    this.runDate = runDate;
  }

  /**
   * @param kinds case id → its kind (the value of rules.routing.field on the run's patch)
   * @param approvals every approval of the run, working CRS
   * @param toWorking CGCS2000 lon/lat → working CRS
   * @param toLonLat the way back, for areas
   * @param caseRows the store's cases as they are now
   * @param tasks the store's tasks as they are now
   */
  Counts run(Map<String, String> kinds, List<Approval> approvals, Reprojector toWorking, Reprojector toLonLat,
      List<CaseRow> caseRows, List<TaskRow> tasks) {
    Map<String, CaseRow> cases = new HashMap<>();
    caseRows.forEach(c -> cases.put(c.caseId(), c));
    Map<String, CaseLife> life = store.caseLife();
    List<String> ids = new ArrayList<>(cases.keySet());
    java.util.Collections.sort(ids);
    int followUps = followUps(ids, cases, life, tasks);
    int later = laterApprovals(ids, cases, life, approvals, toWorking, toLonLat);
    int escalated = escalate(ids, cases, life, tasks);
    int routed = route(ids, cases, life, kinds);
    return new Counts(followUps, later, escalated, routed);
  }

  /** The department each case goes to by its kind (rules.routing: homestead cases to the agriculture bureau, §二). */
  private int route(List<String> ids, Map<String, CaseRow> cases, Map<String, CaseLife> life, Map<String, String> kinds) {
    int n = 0;
    for (String id : ids) {
      if (!kinds.containsKey(id)) {
        continue;
      }
      String kind = kinds.get(id);
      String dept = rules.cases().routeOf(kind);
      CaseLife l = life.getOrDefault(id, CaseLife.NEW);
      if (java.util.Objects.equals(kind, l.kind()) && java.util.Objects.equals(dept, l.routedTo())) {
        continue;
      }
      store.setLife(cases.get(id).fid(), f -> {
        f.set("kind", kind);
        f.set("routed_to", dept);
      });
      if (dept != null && !dept.equals(l.routedTo())) {
        history(cases.get(id), "T" + id, "routed to " + dept + " (kind " + kind + ", rules.routing)");
        n++;
      }
    }
    return n;
  }

  /** A case whose decision was executed gets a follow-up task (F + case id): someone must see it done. */
  private int followUps(List<String> ids, Map<String, CaseRow> cases, Map<String, CaseLife> life, List<TaskRow> tasks) {
    Map<String, TaskRow> byId = new HashMap<>();
    tasks.forEach(t -> byId.put(t.taskId(), t));
    int n = 0;
    for (String id : ids) {
      TaskRow t = byId.get("T" + id);
      CaseLife l = life.get(id);
      if (t == null || l == null || l.stage() != Stage.EXECUTED || byId.containsKey("F" + id)) {
        continue;
      }
      store.insert(new TaskRow(0, "F" + id, id, t.patchId(), t.township(), t.village(), t.inspector(), t.phone(),
          t.priority(), runDate.plusDays(rules.dueDaysFor(t.priority() == null ? "P3" : t.priority().name())),
          TaskStatus.OPEN, runDate, t.lon(), t.lat(), t.gcj02Lon(), t.gcj02Lat(), t.areaMu(), t.unapprovedMu(),
          t.farmlandMu(), t.basicFarmlandMu(), null, null, null));
      history(cases.get(id), "F" + id, "follow-up task F" + id + " issued: verify on site that the decision was"
          + " executed (executed " + l.stageOn() + ")");
      n++;
    }
    return n;
  }

  /**
   * Approvals granted after a case was seen (补办手续) that now cover it: a full cover gives
   * {@code covered_by_later_approval: ID} for a person to confirm, a partial one the area that
   * remains unapproved. The case is never closed here.
   */
  private int laterApprovals(List<String> ids, Map<String, CaseRow> cases, Map<String, CaseLife> life,
      List<Approval> approvals, Reprojector toWorking, Reprojector toLonLat) {
    if (approvals.isEmpty()) {
      return 0;
    }
    STRtree tree = new STRtree();
    approvals.forEach(a -> tree.insert(a.geometry().getEnvelopeInternal(), a));
    PatchJudge judge = new PatchJudge(rules, toLonLat);
    Map<String, Geometry> measured = new HashMap<>();
    store.outlines().forEach(o -> measured.put(o.caseId(), o.geometry()));
    int n = 0;
    for (String id : ids) {
      CaseRow c = cases.get(id);
      CaseLife l = life.getOrDefault(id, CaseLife.NEW);
      Geometry outline = measured.getOrDefault(id, c.geometry());
      if (c.closed() || outline == null || c.judgedOn() == null) {
        continue;
      }
      Geometry w = toWorking.apply(outline);
      @SuppressWarnings("unchecked")
      List<Approval> near = new ArrayList<>(tree.query(w.getEnvelopeInternal()));
      near.sort(java.util.Comparator.comparing(Approval::id).thenComparing(Approval::layer)
          .thenComparingLong(Approval::record));
      String suggestion = null;
      LocalDate seen = c.judgedOn();
      // only an approval granted after the case was seen, and valid now, can be a later approval
      boolean candidate = near.stream().anyMatch(a -> a.approvedOn().isAfter(seen) && a.validOn(runDate));
      if (candidate) {
        PatchResult then = judge.judge(inputs(id, w, c.judgedOn(), near));
        PatchResult now = judge.judge(inputs(id, w, runDate, near));
        Set<String> later = new TreeSet<>(now.approvals());
        later.removeAll(then.approvals());
        if (!later.isEmpty() && now.unapprovedM2() < then.unapprovedM2() - rules.toleranceM2()) {
          suggestion = now.unapprovedM2() <= rules.toleranceM2()
              ? "covered_by_later_approval: " + String.join(", ", later)
              : String.format(Locale.ROOT, "partly covered by later approval %s: %.2f m² remain unapproved",
                  String.join(", ", later), now.unapprovedM2());
        }
      }
      if (!java.util.Objects.equals(suggestion, l.laterApproval())) {
        String s = suggestion;
        store.setLife(c.fid(), f -> f.set("later_approval", s));
        history(c, "T" + id, s == null ? "the later approval no longer covers the case" : s
            + " (a suggestion: confirm the approval and close the case by hand)");
      }
      if (suggestion != null) {
        n++;
      }
    }
    return n;
  }

  private static PatchInputs inputs(String id, Geometry w, LocalDate on, List<Approval> approvals) {
    return new PatchInputs(new Patch(id, 0, w, on, null, Map.of()), approvals, List.of(), List.of(), List.of(),
        List.of());
  }

  /**
   * A case whose open task is overdue by rules.escalation_days goes to the township, then the
   * county; a case whose offender refused to stop goes to the county at once (set by the field
   * check). Levels only rise.
   */
  private int escalate(List<String> ids, Map<String, CaseRow> cases, Map<String, CaseLife> life, List<TaskRow> tasks) {
    Map<String, TaskRow> worst = new HashMap<>();
    for (TaskRow t : tasks) {
      if (t.status() != TaskStatus.CLOSED && t.dueOn() != null
          && (worst.get(t.caseId()) == null || t.dueOn().isBefore(worst.get(t.caseId()).dueOn()))) {
        worst.put(t.caseId(), t);
      }
    }
    int n = 0;
    for (String id : ids) {
      TaskRow t = worst.get(id);
      CaseRow c = cases.get(id);
      if (t == null || c.closed()) {
        continue;
      }
      long overdue = ChronoUnit.DAYS.between(t.dueOn(), runDate);
      String level = overdue >= rules.cases().countyAfterDays() ? "county"
          : overdue >= rules.cases().townshipAfterDays() ? "township" : null;
      String before = life.getOrDefault(id, CaseLife.NEW).escalation();
      if (level != null && rank(level) > rank(before)) {
        store.setLife(c.fid(), f -> f.set("escalation", level));
        history(c, t.taskId(), "escalated to the " + level + ": task " + t.taskId() + " overdue by " + overdue
            + " days (due " + t.dueOn() + ", rules.escalation_days." + level + ")");
        n++;
      }
    }
    return n;
  }

  static int rank(String level) {
    return level == null ? 0 : level.equals("township") ? 1 : 2;
  }

  private void history(CaseRow c, String taskId, String note) {
    store.insert(HistoryRow.now(runDate, actor, c.caseId(), taskId, c.status(), c.status(), note,
        null));
  }
}
