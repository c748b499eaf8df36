package io.landwatch.store;

import io.landwatch.config.Rules;
import io.landwatch.geo.Gcj02;
import io.landwatch.geo.Reprojector;
import io.landwatch.geo.Units;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.Channel;
import io.landwatch.plan.Task;
import io.landwatch.util.TestHooks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.HashSet;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Brings the case store up to date with one run, in one transaction. Suspected patches are paired
 * with cases one to one by {@link CaseMatcher} (own id, latest patch id, then at least half
 * overlap); a closed case whose patch grew by more than the tolerance is reopened and marked
 * expanded; any other suspected patch opens a case and its patrol task. Nothing that is already
 * true is written again, so re-running a job changes nothing but the run record, and the store
 * after any sequence of runs of the same data, ending with a full one, equals the store of one run.
 */
public final class CaseSync {
  /** What a run did to the store, and the store's open tasks for the task outputs. */
  public record Report(String runId, int newCases, int updatedCases, int reopenedCases, List<Task> tasks,
      Nightly nightly) {}

  /**
   * What the nightly checks found: follow-up tasks issued, cases with a later-approval suggestion,
   * cases escalated, cases routed, split pieces joined to their case, and the legal windows that
   * close within 7 days or closed without the next step.
   */
  public record Nightly(int followUps, int laterApprovals, int escalated, int routed, int parts,
      List<Deadlines.Deadline> deadlines) {
    /** The deadline line cron mail shows. */
    public String deadlineLine() {
      long passed = deadlines.stream().filter(d -> d.state().equals("passed")).count();
      return String.format("deadlines: %d closing within %d days, %d passed without the next step%s",
          deadlines.size() - passed, DEADLINE_DAYS, passed, deadlines.isEmpty() ? "" : " (landwatch status --deadlines)");
    }
  }

  /** How far ahead the nightly run lists closing windows. */
  public static final int DEADLINE_DAYS = 7;

  private final CaseStore store;
  private final Reprojector toLonLat;
  private final Reprojector toWorking;
  private final Rules rules;
  private final GeometryFactory gf = new GeometryFactory();

  /**
   * @param toLonLat working CRS → CGCS2000 lon/lat (the store's CRS)
   * @param toWorking the way back, to compare cases with patches in metres
   */
  public CaseSync(CaseStore store, Reprojector toLonLat, Reprojector toWorking, Rules rules) {
    this.store = store;
    this.toLonLat = toLonLat;
    this.toWorking = toWorking;
    this.rules = rules;
  }

  /**
   * Updates the store with the run's judged patches (only suspected ones make cases) in one
   * transaction, and returns what changed and every open task of the store.
   *
   * @param job the job's name, for the run id
   * @param results the run's judged patches
   * @param runDate the run date: opening date of new cases, start of the due days
   * @param started when the run started, for the run id
   */
  public Report sync(String job, List<PatchResult> results, LocalDate runDate, Instant started) {
    return sync(job, results, runDate, started, List.of());
  }

  /**
   * As above, with the run's approvals (working CRS) for the later-approval check of open cases.
   */
  public Report sync(String job, List<PatchResult> results, LocalDate runDate, Instant started,
      List<io.landwatch.model.Approval> approvals) {
    String runId = job + "@" + started;
    store.begin();
    try {
      Map<String, CaseRow> cases = new HashMap<>();
      List<CaseMatcher.CaseShape> shapes = new ArrayList<>();
      List<CaseRow> caseRows = store.cases();
      List<TaskRow> taskRows = store.tasks();
      long writesAtRead = store.writes();
      for (CaseRow c : caseRows) {
        cases.put(c.caseId(), c);
        shapes.add(new CaseMatcher.CaseShape(c.caseId(), c.patchId(), c.closed(),
            c.geometry() == null ? null : toWorking.apply(c.geometry())));
      }
      Map<String, TaskRow> tasks = new HashMap<>();
      for (TaskRow t : taskRows) {
        if (t.taskId().equals("T" + t.caseId())) {
          tasks.put(t.caseId(), t);
        }
      }
      List<PatchResult> suspected = results.stream().filter(PatchResult::suspected)
          .sorted(Comparator.comparing(r -> r.patch().id())).toList();
      Map<String, String> matched = CaseMatcher.match(suspected.stream()
          .map(r -> new CaseMatcher.PatchShape(r.patch().id(), r.patch().geometry())).toList(), shapes);
      Set<String> delivered = new HashSet<>();
      results.forEach(r -> delivered.add(r.patch().id()));
      Map<String, List<PatchResult>> parts = Splits.parts(suspected.stream()
          .filter(r -> !matched.containsKey(r.patch().id())).toList(), shapes, delivered);
      Map<String, PatchResult> primary = new java.util.TreeMap<>();
      for (PatchResult r : suspected) {
        if (matched.containsKey(r.patch().id())) {
          primary.put(matched.get(r.patch().id()), r);
        }
      }
      parts.forEach((caseId, ps) -> primary.putIfAbsent(caseId, ps.get(0)));
      Set<String> joined = new HashSet<>();
      parts.values().forEach(ps -> ps.forEach(r -> joined.add(r.patch().id())));
      Lineage lineage = new Lineage(store, runId);
      Map<String, String> kinds = new HashMap<>();
      int[] counts = new int[3];
      for (PatchResult r : suspected) {
        if (joined.contains(r.patch().id())) {
          continue;
        }
        String caseId = matched.get(r.patch().id());
        if (caseId == null) {
          open(r, runId, runDate);
          lineage.record(r.patch().id(), r, "opened");
          kinds.put(r.patch().id(), kind(r));
          counts[0]++;
        }
      }
      for (Map.Entry<String, PatchResult> e : primary.entrySet()) {
        String caseId = e.getKey();
        PatchResult first = e.getValue();
        List<PatchResult> pieces = parts.getOrDefault(caseId, List.of()).stream().filter(p -> p != first).toList();
        int outcome = sync(Splits.combine(first, pieces, rules), cases.get(caseId), tasks.get(caseId), runId, runDate);
        if (outcome > 0) {
          counts[outcome]++;
        }
        lineage.record(caseId, first, first.patch().id().equals(caseId) ? "opened" : "continued");
        pieces.forEach(p -> lineage.record(caseId, p, "part"));
        kinds.put(caseId, kind(first));
      }
      // a run that changed no case hands its reading on: the checks need not read the store again
      boolean current = store.writes() == writesAtRead;
      NightlyChecks.Counts checks = new NightlyChecks(store, rules, runId, runDate).run(kinds, approvals, toWorking,
          toLonLat, current ? caseRows : store.cases(), current ? taskRows : store.tasks());
      // nor need the deadlines and the open tasks, when the checks changed nothing either
      boolean unchanged = store.writes() == writesAtRead;
      totals(results, runId, runDate);
      store.insert(new RunRow(runId, job, runDate.toString(), started.toString(), Instant.now().toString(),
          results.size(), counts[0], counts[1], counts[2], "committed"));
      TestHooks.point("sync.before-commit");
      store.commit();
      TestHooks.point("sync.after-commit");
      List<Deadlines.Deadline> deadlines = Deadlines.of(store, unchanged ? caseRows : store.cases(), rules.cases(), runDate,
          DEADLINE_DAYS);
      List<TaskRow> open = unchanged ? taskRows.stream().filter(t -> t.status() != TaskStatus.CLOSED)
          .sorted(Comparator.comparing(TaskRow::taskId)).toList() : store.openTasks();
      return new Report(runId, counts[0], counts[1], counts[2], open.stream().map(CaseSync::task).toList(),
          new Nightly(checks.followUps(), checks.laterApprovals(), checks.escalated(), checks.routed(), joined.size(),
              deadlines));
    } catch (RuntimeException e) {
      store.rollback();
      throw e;
    }
  }

  private void open(PatchResult r, String runId, LocalDate runDate) {
    openCase(r, r.patch().id(), new CaseRow.Origin(Channel.SATELLITE, r.patch().afterDate()), "run " + runId,
        runId, "opened by run " + runId + " for patch " + r.patch().id(), runDate);
  }

  /**
   * Opens a case and its patrol task for a judged shape (a patch, or a polygon lead).
   *
   * @param actor who opened it, for the history
   * @param runId the run or import that opened it
   */
  void openCase(PatchResult r, String caseId, CaseRow.Origin origin, String actor, String runId, String note,
      LocalDate runDate) {
    store.insert(caseRow(r, 0, caseId, TaskStatus.OPEN, false, runDate, runId, runId, origin, null)
        .withGeometry(outline(r)));
    TaskRow plan = plan(r, caseId);
    store.insert(new TaskRow(0, plan.taskId(), caseId, plan.patchId(), plan.township(), plan.village(),
        plan.inspector(), plan.phone(), plan.priority(), due(r, runDate), TaskStatus.OPEN, runDate, plan.lon(),
        plan.lat(), plan.gcj02Lon(), plan.gcj02Lat(), plan.areaMu(), plan.unapprovedMu(), plan.farmlandMu(),
        plan.basicFarmlandMu(), null, null, null));
    store.insert(HistoryRow.now(runDate, actor, caseId, "T" + caseId, null, TaskStatus.OPEN, note,
        null));
  }

  /** Updates a matched case: 1 when it changed, 2 when it was reopened, 0 when nothing changed. */
  private int sync(PatchResult r, CaseRow c, TaskRow task, String runId, LocalDate runDate) {
    if (c.closed()) {
      if (r.areaM2() <= c.areaM2() + rules.toleranceM2()) {
        return 0;
      }
      store.update(caseRow(r, c.fid(), c.caseId(), TaskStatus.OPEN, true, c.openedOn(), c.openedRun(), runId,
          c.origin(), null).withGeometry(outline(r)));
      if (task != null) {
        store.update(task.replan(plan(r, c.caseId())).reopened(due(r, runDate)));
      }
      store.setLife(c.fid(), w -> {
        w.set("stage", null); // a new occupation: verified anew
        w.set("stage_on", null);
      });
      history(runId, runDate, c.caseId(), TaskStatus.CLOSED, TaskStatus.OPEN, String.format(Locale.ROOT,
          "reopened: patch %s grew from %.2f m² to %.2f m² (expanded)", r.patch().id(), c.areaM2(), r.areaM2()));
      return 2;
    }
    if (c.measuredM2() != null) {
      return 0; // the outline measured in the field stands; a run only reopens a closed case that grew
    }
    CaseRow fresh = caseRow(r, c.fid(), c.caseId(), c.status(), c.expanded(), c.openedOn(), c.openedRun(), runId,
        c.origin(), null);
    TaskRow plan = plan(r, c.caseId());
    boolean caseChanged = !fresh.sameJudgment(c);
    boolean taskChanged = task == null || !plan.samePlan(task);
    if (caseChanged) {
      store.update(fresh.withGeometry(outline(r)));
      if (!r.patch().id().equals(c.patchId())) {
        history(runId, runDate, c.caseId(), c.status(), c.status(), "patch " + r.patch().id()
            + " continues the case (was patch " + c.patchId() + ")");
      }
    }
    if (taskChanged && task != null) {
      store.update(task.replan(plan));
    }
    return caseChanged || taskChanged ? 1 : 0;
  }

  /** The run's farmland per township, all patches and the suspected ones (the §七 ratio of a period). */
  private void totals(List<PatchResult> results, String runId, LocalDate runDate) {
    Map<String, double[]> t = new java.util.TreeMap<>();
    for (PatchResult r : results) {
      double[] v = t.computeIfAbsent(r.township() == null ? io.landwatch.plan.TaskPlanner.OUTSIDE : r.township(),
          k -> new double[3]);
      v[0]++;
      v[1] += r.patchFarmlandM2();
      if (r.suspected()) {
        v[2] += r.patchFarmlandM2();
      }
    }
    t.forEach((town, v) -> store.insert(new CaseStore.RunTotal(runId, runDate, town, (int) v[0], Units.round2(v[1]),
        Units.round2(v[2]))));
  }

  /** The case's kind for routing: the value of rules.routing.field on its patch, or null. */
  private String kind(PatchResult r) {
    String field = rules.cases().routingField();
    if (field == null) {
      return null;
    }
    for (Map.Entry<String, Object> e : r.patch().source().entrySet()) {
      if (e.getKey().equalsIgnoreCase(field) && e.getValue() != null) {
        return e.getValue().toString().strip();
      }
    }
    return null;
  }

  private void history(String runId, LocalDate runDate, String caseId, TaskStatus from, TaskStatus to, String note) {
    store.insert(HistoryRow.now(runDate, "run " + runId, caseId, "T" + caseId, from, to, note, null));
  }

  /** The case as the run judged it, without its outline: unchanged cases need no reprojection. */
  private static CaseRow caseRow(PatchResult r, long fid, String caseId, TaskStatus status, boolean expanded,
      LocalDate openedOn, String openedRun, String updatedRun, CaseRow.Origin origin, Double measuredM2) {
    return new CaseRow(fid, caseId, r.patch().id(), status, expanded, Units.round2(r.areaM2()),
        Units.round2(r.unapprovedM2()), r.township(), r.village(), r.priority(), r.referral(), openedOn, openedRun,
        updatedRun, null, origin, measuredM2);
  }

  /** The patch in the store's CRS (CGCS2000 lon/lat), always a multipolygon. */
  private Geometry outline(PatchResult r) {
    return multi(toLonLat.apply(r.patch().geometry()));
  }

  /** What a run plans for a case's task: the patch, the point to visit, the areas. */
  private TaskRow plan(PatchResult r, String caseId) {
    Geometry ll = toLonLat.apply(gf.createPoint(InteriorPointArea.getInteriorPoint(r.patch().geometry())));
    double lon = ll.getCoordinate().x;
    double lat = ll.getCoordinate().y;
    double[] gcj = Gcj02.fromWgs84(lon, lat);
    return new TaskRow(0, "T" + caseId, caseId, r.patch().id(), r.township(), r.village(), r.inspector(),
        r.phone(), r.priority(), null, TaskStatus.OPEN, null, Units.round7(lon), Units.round7(lat),
        Units.round7(gcj[0]), Units.round7(gcj[1]), Units.round4(Units.mu(r.areaM2())),
        Units.round4(Units.mu(r.unapprovedM2())), Units.round4(Units.mu(r.farmlandM2())),
        Units.round4(Units.mu(r.basicFarmlandM2())), null, null, null);
  }

  private LocalDate due(PatchResult r, LocalDate runDate) {
    return runDate.plusDays(rules.dueDaysFor(r.priority().name()));
  }

  private Geometry multi(Geometry g) {
    return g instanceof Polygon p ? gf.createMultiPolygon(new Polygon[] {p}) : g;
  }

  /** A stored task as the planner takes it. */
  static Task task(TaskRow t) {
    return new Task(t.taskId(), t.caseId(), t.patchId(), new Task.Place(t.township(), t.village(), t.inspector(),
        t.phone()), t.priority(), t.dueOn(), t.status().label(), new Task.Point(t.lon(), t.lat(), t.gcj02Lon(),
        t.gcj02Lat()), new Task.Areas(t.areaMu(), t.unapprovedMu(), t.farmlandMu(), t.basicFarmlandMu()),
        Task.Stop.NONE, Task.Stop.NONE);
  }
}
