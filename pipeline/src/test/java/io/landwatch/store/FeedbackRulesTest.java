package io.landwatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.Rules;
import io.landwatch.model.Priority;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feedback rules without a store: transitions, sequences within a file, repeats. */
class FeedbackRulesTest {
  static final LocalDate DAY = LocalDate.of(2023, 7, 3);

  static TaskRow task(String id, TaskStatus status) {
    return new TaskRow(1, id, id.substring(1), id.substring(1), "崇文镇", "东街村", "张伟", null, Priority.P2,
        DAY.plusDays(3), status, DAY, 113, 35, 113.006, 35.0, 1, 1, 0, 0, null, null, null);
  }

  static FeedbackRow row(int n, String task, String result, String action, String date) {
    return new FeedbackRow(n, task, null, result, action, date, "张伟", null);
  }

  @Test
  void transitions() {
    assertEquals(TaskStatus.CLOSED, FeedbackRules.transition(TaskStatus.OPEN, "legal", "none"));
    assertNull(FeedbackRules.transition(TaskStatus.OPEN, "legal", "stopped"));
    assertEquals(TaskStatus.CHECKED, FeedbackRules.transition(TaskStatus.OPEN, "other", "none"));
    assertEquals(TaskStatus.CHECKED, FeedbackRules.transition(TaskStatus.OPEN, "illegal", "none"));
    assertEquals(TaskStatus.STOPPED, FeedbackRules.transition(TaskStatus.OPEN, "illegal", "stopped"));
    assertEquals(TaskStatus.RECTIFYING, FeedbackRules.transition(TaskStatus.CHECKED, "illegal", "referred_police"));
    assertNull(FeedbackRules.transition(TaskStatus.OPEN, "illegal", "demolished"), "never checked");
    assertEquals(TaskStatus.CLOSED, FeedbackRules.transition(TaskStatus.STOPPED, "illegal", "restored"));
    for (String action : FeedbackRules.ACTIONS) {
      assertNull(FeedbackRules.transition(TaskStatus.CLOSED, "illegal", action), "closed is final: " + action);
    }
  }

  @Test
  void aFileMayCheckThenCloseAndRepeatsApplyOnce() {
    var plan = FeedbackRules.plan(List.of(row(2, "TA", "illegal", "stopped", "2023-07-04"),
        row(3, "TA", "illegal", "demolished", "2023-07-05"), row(4, "TA", "illegal", "stopped", "2023-07-04")),
        List.of(task("TA", TaskStatus.OPEN)), Set.of(), DAY.plusDays(5));
    assertEquals(List.of(TaskStatus.STOPPED, TaskStatus.CLOSED), plan.changes().stream().map(FeedbackRules.Change::next).toList());
    assertEquals("already applied", plan.outcomes().get(2).outcome());
    assertEquals("repeats row 2", plan.outcomes().get(2).reason());
    assertEquals(0, plan.rejected());
  }

  @Test
  void aCheckTheStoreHoldsIsNotAppliedAgain() {
    var plan = FeedbackRules.plan(List.of(row(2, "TA", "Illegal", "Stopped", "2023/7/4")),
        List.of(task("TA", TaskStatus.STOPPED)), Set.of("feedback:TA|2023-07-04|illegal|stopped"), DAY.plusDays(5));
    assertEquals(0, plan.changes().size());
    assertEquals("already applied", plan.outcomes().get(0).outcome());
  }

  @Test
  void resultTypesThatNeedNoEnforcementCloseTheTaskAndTypesAreConfigurable() {
    var types = new java.util.HashMap<>(Rules.DEFAULT_RESULT_TYPES);
    types.put("临时用地", "legal");
    var plan = FeedbackRules.plan(List.of(row(2, "TA", "facility_agriculture", null, "2023-07-04"),
        row(3, "TB", "false_change", null, "2023-07-04"), row(4, "TC", "临时用地", null, "2023-07-04"),
        row(5, "TD", "temporary_use", null, "2023-07-04")),
        List.of(task("TA", TaskStatus.OPEN), task("TB", TaskStatus.OPEN), task("TC", TaskStatus.OPEN),
            task("TD", TaskStatus.OPEN)), Set.of(), DAY.plusDays(5), types);
    assertEquals(List.of(TaskStatus.CLOSED, TaskStatus.CLOSED, TaskStatus.CLOSED),
        plan.changes().stream().map(FeedbackRules.Change::next).toList());
    assertEquals("facility_agriculture", plan.changes().get(0).result(), "the type is what the store keeps");
    assertEquals(1, plan.rejected(), "an unconfigured type is refused");
    assertTrue(plan.outcomes().get(3).reason().startsWith("unknown result 'temporary_use'"), plan.outcomes().get(3).reason());
  }

  @Test
  void rejections() {
    var plan = FeedbackRules.plan(List.of(row(2, "TZ", "illegal", "none", "2023-07-04"),
        row(3, "TA", "illegal", "none", "2023-07-02"), row(4, "TA", "illegal", "none", "2023-07-09"),
        row(5, "TA", "guilty", "none", "2023-07-04"), row(6, "TA", "illegal", "none", null)),
        List.of(task("TA", TaskStatus.OPEN)), Set.of(), DAY.plusDays(5));
    assertEquals(5, plan.rejected());
    List<String> reasons = plan.outcomes().stream().map(RowOutcome::reason).toList();
    assertEquals(List.of("unknown task_id 'TZ'", "checked_on 2023-07-02 is before the task existed (2023-07-03)",
        "checked_on 2023-07-09 is in the future"), reasons.subList(0, 3));
    assertTrue(reasons.get(3).startsWith("unknown result 'guilty' (use results 违法/合法已批/设施农用地"),
        reasons.get(3));
    assertEquals("checked_on is empty", reasons.get(4));
  }
}
