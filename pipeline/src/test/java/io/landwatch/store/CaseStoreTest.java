package io.landwatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.config.Rules;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchResult;
import io.landwatch.judge.Verdict;
import io.landwatch.model.Patch;
import io.landwatch.model.Priority;
import io.landwatch.testing.Geoms;
import io.landwatch.testing.Ogr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;

/** The case store across runs: idempotence, the 50 % overlap rule, reopening, locking, feedback. */
class CaseStoreTest {
  static final double X0 = Geoms.LINGCHUAN_X;
  static final double Y0 = Geoms.LINGCHUAN_Y;
  static final LocalDate DAY = LocalDate.of(2023, 7, 3);
  @TempDir Path dir;

  static Geometry r(double x, double y, double w, double h) {
    return Geoms.rect(X0 + x, Y0 + y, w, h);
  }

  static PatchResult suspected(String id, Geometry g, double areaM2, String priority) {
    Patch p = new Patch(id, 0, g, LocalDate.of(2023, 6, 1), null, Map.of());
    return new PatchResult(p, Verdict.SUSPECTED_ILLEGAL, areaM2, 0, areaM2, 0, 0, 0, 0, 0, "崇文镇",
        "东街村", "张伟", "13900000000", Priority.valueOf(priority), false, List.of(), g);
  }

  private CaseSync.Report sync(CaseStore s, LocalDate day, PatchResult... results) {
    Crs gk = Crs.epsg(4526);
    Crs ll = Crs.epsg(4490);
    return new CaseSync(s, Reprojector.between(gk, ll), Reprojector.between(ll, gk), Rules.defaults())
        .sync("test", List.of(results), day, Instant.parse(day + "T02:00:00Z"));
  }

  @Test
  void rerunChangesNothingButTheRunRecord() {
    Path file = dir.resolve("cases.gpkg");
    try (CaseStore s = CaseStore.open(file)) {
      CaseSync.Report first = sync(s, DAY, suspected("A", r(0, 0, 100, 100), 9999.5, "P1"),
          suspected("B", r(500, 0, 50, 50), 2500.1, "P3"));
      assertEquals(2, first.newCases());
      assertEquals(2, first.tasks().size());
      assertEquals(DAY.plusDays(1), first.tasks().get(0).dueOn());
      assertEquals(DAY.plusDays(7), first.tasks().get(1).dueOn());
      List<CaseRow> cases = s.cases();
      List<TaskRow> tasks = s.tasks();
      List<HistoryRow> history = s.history();
      CaseSync.Report again = sync(s, DAY.plusDays(1), suspected("A", r(0, 0, 100, 100), 9999.5, "P1"),
          suspected("B", r(500, 0, 50, 50), 2500.1, "P3"));
      assertEquals(0, again.newCases() + again.updatedCases() + again.reopenedCases());
      assertEquals(cases, s.cases());
      assertEquals(tasks, s.tasks());
      assertEquals(history, s.history());
      assertEquals(2, s.runs().size());
    }
    // QGIS and ogrinfo open the store directly
    String info = Ogr.run("ogrinfo", "-so", file.toString());
    assertTrue(info.contains("cases (Multi Polygon)") && info.contains("tasks (Point)") && info.contains("history"), info);
  }

  @Test
  void halfOfTheSmallerDecidesWhetherAPatchUpdatesACase() {
    try (CaseStore s = CaseStore.open(dir.resolve("c.gpkg"))) {
      sync(s, DAY, suspected("A", r(0, 0, 100, 100), 10000, "P2"));
      CaseSync.Report p49 = sync(s, DAY, suspected("B49", r(51, 0, 100, 100), 10000, "P2"));
      assertEquals(1, p49.newCases(), "49 % overlap opens a new case");
      CaseSync.Report p51 = sync(s, DAY, suspected("C51", r(-51, 500, 100, 100), 10000, "P2"),
          suspected("A2", r(-49, 0, 100, 100), 10000.5, "P2"));
      assertEquals(1, p51.newCases(), "C51 is new");
      assertEquals(1, p51.updatedCases(), "A2 overlaps case A by 51 %: same case");
      assertEquals(List.of("TA", "TB49", "TC51"), p51.tasks().stream().map(t -> t.taskId()).toList(),
          "the task outputs hold every open task of the store");
      assertEquals("A2", p51.tasks().get(0).patchId(), "case A now follows patch A2");
      assertEquals(3, s.cases().size());
    }
  }

  @Test
  void closedCaseReopensOnlyWhenThePatchGrew() throws Exception {
    try (CaseStore s = CaseStore.open(dir.resolve("c.gpkg"))) {
      sync(s, DAY, suspected("A", r(0, 0, 100, 100), 10000, "P2"));
      Path fb = dir.resolve("fb.csv");
      Files.writeString(fb, "task_id,result,action,checked_on,inspector,note\nTA,legal,none,2023-07-04,张伟,已办理手续\n");
      assertEquals(1, FeedbackImport.run(s, fb, false, DAY.plusDays(5)).applied());
      assertEquals(TaskStatus.CLOSED, s.cases().get(0).status());
      CaseSync.Report same = sync(s, DAY.plusDays(30), suspected("A", r(0, 0, 100, 100), 10000.8, "P2"));
      assertEquals(0, same.reopenedCases(), "grew by 0.8 m² ≤ tolerance");
      CaseSync.Report grown = sync(s, DAY.plusDays(31), suspected("A", r(0, 0, 100, 120), 12000, "P2"));
      assertEquals(1, grown.reopenedCases());
      CaseRow c = s.cases().get(0);
      assertEquals(TaskStatus.OPEN, c.status());
      assertTrue(c.expanded());
      assertEquals(TaskStatus.OPEN, s.tasks().get(0).status());
      List<HistoryRow> h = s.history();
      HistoryRow last = h.get(h.size() - 1);
      assertEquals(TaskStatus.CLOSED, last.oldStatus());
      assertEquals(TaskStatus.OPEN, last.newStatus());
      assertTrue(last.note().contains("expanded"), last.note());
    }
  }

  @Test
  void aSecondUserOfTheStoreIsRefusedAtOnce() {
    Path file = dir.resolve("c.gpkg");
    try (CaseStore s = CaseStore.open(file)) {
      LandwatchException e = assertThrows(LandwatchException.class, () -> CaseStore.open(file));
      assertEquals(ExitCode.STORE_BUSY, e.exitCode());
      assertTrue(e.getMessage().contains("is being used by another landwatch process"), e.getMessage());
    }
    try (CaseStore again = CaseStore.open(file)) {
      assertTrue(again.cases().isEmpty());
    }
  }

  @Test
  void everyFeedbackRejectionReasonAndAllOrNothing() throws Exception {
    try (CaseStore s = CaseStore.open(dir.resolve("c.gpkg"))) {
      sync(s, DAY, suspected("A", r(0, 0, 100, 100), 10000, "P1"), suspected("B", r(300, 0, 50, 50), 2500, "P2"),
          suspected("C", r(600, 0, 50, 50), 2500, "P3"));
      Path fb = dir.resolve("fb.csv");
      Files.writeString(fb, "\uFEFFtask_id,patch_id,result,action,checked_on,inspector,note\n"
          + "TA,,illegal,stopped,2023-07-04,张伟,已制止\n"
          + "TX,,illegal,none,2023-07-04,张伟,\n"
          + ",NOPE,illegal,none,2023-07-04,张伟,\n"
          + "TB,,illegal,none,2023-07-32,张伟,\n"
          + "TB,,maybe,none,2023-07-04,张伟,\n"
          + "TB,,illegal,bulldozed,2023-07-04,张伟,\n"
          + "TC,,illegal,demolished,2023-07-04,张伟,\n"
          + "TB,,illegal,none,2023-06-01,张伟,\n"
          + "TB,,illegal,none,2023-12-01,张伟,\n"
          + "TB,,legal,demolished,2023-07-04,张伟,\n"
          + ",B,other,none,2023-07-04,李娜,\n"
          + "TA,,illegal,demolished,2023-07-05,张伟,已拆除\n"
          + "TA,,illegal,none,2023-07-06,张伟,\n");
      FeedbackImport.Report strict = FeedbackImport.run(s, fb, false, DAY.plusDays(10));
      Map<Integer, String> reasons = new java.util.TreeMap<>();
      strict.rows().forEach(o -> reasons.put(o.row(), o.outcome().equals("rejected") ? o.reason() : o.outcome()));
      assertEquals("not applied", reasons.get(2));
      assertTrue(reasons.get(3).startsWith("unknown task_id 'TX'"), reasons.get(3));
      assertTrue(reasons.get(4).startsWith("unknown patch_id 'NOPE'"), reasons.get(4));
      assertTrue(reasons.get(5).contains("'2023-07-32' is not a date"), reasons.get(5));
      assertTrue(reasons.get(6).startsWith("unknown result 'maybe'"), reasons.get(6));
      assertTrue(reasons.get(7).startsWith("unknown action 'bulldozed'"), reasons.get(7));
      assertTrue(reasons.get(8).startsWith("closing a task that was never checked"), reasons.get(8));
      assertTrue(reasons.get(9).contains("before the task existed (2023-07-03)"), reasons.get(9));
      assertTrue(reasons.get(10).contains("is in the future"), reasons.get(10));
      assertTrue(reasons.get(11).contains("makes no sense when the result is legal"), reasons.get(11));
      assertEquals("not applied", reasons.get(12));
      assertEquals("not applied", reasons.get(13), "TA stopped then demolished: a valid sequence");
      assertTrue(reasons.get(14).equals("the task is already closed"), reasons.get(14));
      assertEquals(0, strict.applied());
      assertEquals(3, s.history().size(), "nothing applied");

      FeedbackImport.Report partial = FeedbackImport.run(s, fb, true, DAY.plusDays(10));
      assertEquals(3, partial.applied());
      Map<String, String> status = new java.util.HashMap<>();
      s.tasks().forEach(t -> status.put(t.taskId(), t.status().label()));
      assertEquals(Map.of("TA", "closed", "TB", "checked", "TC", "open"), status);
      List<Ledger.Line> ledger = Ledger.lines(s, "崇文镇", null, null);
      assertEquals(6, ledger.size());
      assertEquals(List.of(TaskStatus.OPEN, TaskStatus.STOPPED, TaskStatus.CLOSED), ledger.stream()
          .filter(x -> x.caseId().equals("A")).map(Ledger.Line::newStatus).toList());
      StoreStatus.Summary st = StoreStatus.of(s, DAY.plusDays(5), 10);
      StoreStatus.Counts p3 = st.byTownship().get("崇文镇").get("P3");
      assertEquals(1, p3.open());
      assertEquals(0, p3.overdue(), "TC is due on " + DAY.plusDays(7));
      assertEquals(1, st.byTownship().get("崇文镇").get("P2").overdue(), "TB was due on " + DAY.plusDays(3));
      assertEquals(1, st.byTownship().get("崇文镇").get("P1").closed());
      assertEquals("TB", st.oldestOverdue().get(0).taskId());
    }
  }
}
