package io.landwatch.store;

import io.landwatch.config.Rules;
import io.landwatch.geo.Gcj02;
import io.landwatch.geo.Reprojector;
import io.landwatch.geo.Units;
import io.landwatch.judge.PatchResult;
import io.landwatch.plan.Task;
import io.landwatch.util.TestHooks;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Polygon;

/**
 * Brings the case store up to date with one run, in one transaction. Suspected patches are paired
 * with cases one to one by {@link CaseMatcher} (own id, latest patch id, then at least half
 * overlap); a closed case whose patch grew by more than the tolerance is reopened and marked
 * expanded; any other suspected patch opens a case and its patrol task. Nothing that is already
 * true is written again, so re-running a job changes nothing but the run record, and the store
 * after any sequence of runs of the same data equals the store of one run.
 */
public final class CaseSync {
  /** What a run did to the store, and the tasks of its suspected patches. */
  public record Report(String runId, int newCases, int updatedCases, int reopenedCases, List<Task> tasks) {}

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
   * Brings the store up to date with the run's results in one transaction and returns what
   * changed and the store's open tasks (all of them, not only this run's).
   */
  public Report sync(String job, List<PatchResult> results, LocalDate runDate, Instant started) {
    String runId = job + "@" + started;
    store.begin();
    try {
      List<CaseRow> cases = store.cases();
      Map<Long, Map<String, Object>> caseRows = new HashMap<>();
      for (Map<String, Object> row : store.rows("cases", null)) {
        caseRows.put((Long) row.get("fid"), row);
      }
      Map<String, CaseRow> byId = new HashMap<>();
      List<CaseMatcher.CaseShape> shapes = new ArrayList<>();
      for (CaseRow c : cases) {
        byId.put(c.caseId(), c);
        shapes.add(new CaseMatcher.CaseShape(c.caseId(), c.patchId(), c.status().equals("closed"),
            c.geometry() == null ? null : toWorking.apply(c.geometry())));
      }
      List<PatchResult> suspected = results.stream().filter(PatchResult::suspected)
          .sorted(java.util.Comparator.comparing(r -> r.patch().id())).toList();
      Map<String, String> matched = CaseMatcher.match(suspected.stream()
          .map(r -> new CaseMatcher.PatchShape(r.patch().id(), r.patch().geometry())).toList(), shapes);
      Map<String, Map<String, Object>> taskRows = new HashMap<>();
      for (Map<String, Object> t : store.rows("tasks", null)) {
        taskRows.put((String) t.get("case_id"), t);
      }
      int created = 0;
      int updated = 0;
      int reopened = 0;
      for (PatchResult r : suspected) {
        Geometry lonLat = multi(toLonLat.apply(r.patch().geometry()));
        String caseId = matched.get(r.patch().id());
        if (caseId == null) {
          caseId = r.patch().id();
          store.insert("cases", caseValues(r, caseId, "open", false, runId, runDate), lonLat);
          Map<String, Object> t = taskValues(r, caseId, runDate);
          t.put("status", "open");
          t.put("created_on", runDate.toString());
          store.insert("tasks", t, point(t));
          history(runId, caseId, null, "open", "opened by run " + runId + " for patch " + r.patch().id());
          created++;
          continue;
        }
        CaseRow c = byId.get(caseId);
        Map<String, Object> storedTask = taskRows.get(caseId);
        if (c.status().equals("closed")) {
          if (r.areaM2() <= c.areaM2() + rules.toleranceM2()) {
            continue;
          }
          Map<String, Object> cv = caseValues(r, caseId, "open", true, runId, runDate);
          cv.remove("opened_on");
          cv.remove("opened_run");
          store.update("cases", c.fid(), cv, lonLat);
          Map<String, Object> t = taskValues(r, caseId, runDate);
          t.put("status", "open");
          updateTask(storedTask, t);
          history(runId, caseId, "closed", "open", String.format(java.util.Locale.ROOT,
              "reopened: patch %s grew from %.2f m² to %.2f m² (expanded)", r.patch().id(), c.areaM2(), r.areaM2()));
          reopened++;
          continue;
        }
        Map<String, Object> cv = caseValues(r, caseId, c.status(), c.expanded(), runId, runDate);
        Map<String, Object> t = taskValues(r, caseId, runDate);
        t.remove("due_on");
        boolean caseChanged = differs(cv, caseRows.get(c.fid()), CASE_COMPARED);
        boolean taskChanged = differs(t, storedTask, TASK_COMPARED);
        if (caseChanged) {
          cv.remove("opened_on");
          cv.remove("opened_run");
          store.update("cases", c.fid(), cv, lonLat);
          if (!r.patch().id().equals(c.patchId())) {
            history(runId, caseId, c.status(), c.status(), "patch " + r.patch().id()
                + " continues the case (was patch " + c.patchId() + ")");
          }
        }
        if (taskChanged) {
          updateTask(storedTask, t);
        }
        if (caseChanged || taskChanged) {
          updated++;
        }
      }
      Map<String, Object> run = new LinkedHashMap<>();
      run.put("run_id", runId);
      run.put("job", job);
      run.put("run_date", runDate.toString());
      run.put("started", started.toString());
      run.put("finished", Instant.now().toString());
      run.put("patches", results.size());
      run.put("new_cases", created);
      run.put("updated_cases", updated);
      run.put("reopened_cases", reopened);
      run.put("status", "committed");
      store.insert("runs", run, null);
      TestHooks.point("sync.before-commit");
      store.commit();
      TestHooks.point("sync.after-commit");
      return new Report(runId, created, updated, reopened, openTasks());
    } catch (RuntimeException e) {
      store.rollback();
      throw e;
    }
  }

  private static final List<String> CASE_COMPARED = List.of("patch_id", "area_m2", "unapproved_m2",
      "township", "village", "priority", "referral");
  private static final List<String> TASK_COMPARED = List.of("patch_id", "township", "village",
      "inspector", "phone", "priority", "lon", "lat", "gcj02_lon", "gcj02_lat", "area_mu",
      "unapproved_mu", "farmland_mu", "basic_farmland_mu");

  private static boolean differs(Map<String, Object> fresh, Map<String, Object> stored, List<String> keys) {
    if (stored == null) {
      return true;
    }
    for (String k : keys) {
      if (!java.util.Objects.equals(fresh.get(k), stored.get(k))) {
        return true;
      }
    }
    return false;
  }

  /** Updates the case's task; its status change, if any, is in the case's history row. */
  private void updateTask(Map<String, Object> storedTask, Map<String, Object> values) {
    if (storedTask != null) {
      store.update("tasks", (Long) storedTask.get("fid"), values, point(values));
    }
  }

  private void history(String runId, String caseId, String from, String to, String note) {
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("at", Instant.now().toString());
    h.put("actor", "run " + runId);
    h.put("case_id", caseId);
    h.put("task_id", "T" + caseId);
    h.put("old_status", from);
    h.put("new_status", to);
    h.put("note", note);
    store.insert("history", h, null);
  }

  private Map<String, Object> caseValues(PatchResult r, String caseId, String status, boolean expanded,
      String runId, LocalDate runDate) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("case_id", caseId);
    m.put("patch_id", r.patch().id());
    m.put("status", status);
    m.put("expanded", expanded ? 1 : 0);
    m.put("area_m2", Units.round2(r.areaM2()));
    m.put("unapproved_m2", Units.round2(r.unapprovedM2()));
    m.put("township", r.township());
    m.put("village", r.village());
    m.put("priority", r.priority());
    m.put("referral", r.referral() ? 1 : 0);
    m.put("opened_on", runDate.toString());
    m.put("opened_run", runId);
    m.put("updated_run", runId);
    return m;
  }

  private Map<String, Object> taskValues(PatchResult r, String caseId, LocalDate runDate) {
    Coordinate c = InteriorPointArea.getInteriorPoint(r.patch().geometry());
    Geometry ll = toLonLat.apply(gf.createPoint(c));
    double lon = ll.getCoordinate().x;
    double lat = ll.getCoordinate().y;
    double[] gcj = Gcj02.fromWgs84(lon, lat);
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("task_id", "T" + caseId);
    m.put("case_id", caseId);
    m.put("patch_id", r.patch().id());
    m.put("township", r.township());
    m.put("village", r.village());
    m.put("inspector", r.inspector());
    m.put("phone", r.phone());
    m.put("priority", r.priority());
    m.put("due_on", runDate.plusDays(rules.dueDaysFor(r.priority())).toString());
    m.put("lon", Units.round7(lon));
    m.put("lat", Units.round7(lat));
    m.put("gcj02_lon", Units.round7(gcj[0]));
    m.put("gcj02_lat", Units.round7(gcj[1]));
    m.put("area_mu", Units.round4(Units.mu(r.areaM2())));
    m.put("unapproved_mu", Units.round4(Units.mu(r.unapprovedM2())));
    m.put("farmland_mu", Units.round4(Units.mu(r.farmlandM2())));
    m.put("basic_farmland_mu", Units.round4(Units.mu(r.basicFarmlandM2())));
    return m;
  }

  private Geometry point(Map<String, Object> t) {
    return gf.createPoint(new Coordinate((Double) t.get("lon"), (Double) t.get("lat")));
  }

  private Geometry multi(Geometry g) {
    return g instanceof Polygon p ? gf.createMultiPolygon(new Polygon[] {p}) : g;
  }

  /** Every task of the store that is not closed, in task id order. */
  private List<Task> openTasks() {
    List<Task> out = new ArrayList<>();
    for (Map<String, Object> t : store.rows("tasks", "status <> 'closed'")) {
      out.add(new Task((String) t.get("task_id"), (String) t.get("case_id"), (String) t.get("patch_id"),
          (String) t.get("township"), (String) t.get("village"), (String) t.get("inspector"),
          (String) t.get("phone"), (String) t.get("priority"), LocalDate.parse((String) t.get("due_on")),
          (String) t.get("status"), (Double) t.get("lon"), (Double) t.get("lat"), (Double) t.get("gcj02_lon"),
          (Double) t.get("gcj02_lat"), (Double) t.get("area_mu"), (Double) t.get("unapproved_mu"),
          (Double) t.get("farmland_mu"), (Double) t.get("basic_farmland_mu"), 0, 0, 0, 0));
    }
    out.sort(java.util.Comparator.comparing(Task::taskId));
    return out;
  }
}
