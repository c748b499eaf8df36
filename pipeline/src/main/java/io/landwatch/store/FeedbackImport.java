package io.landwatch.store;

import io.landwatch.config.Rules;
import io.landwatch.util.TestHooks;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Field results coming back from the patrols: each row of a feedback file checks one task.
 * {@link FeedbackRules} decides what the rows do; a file with any rejected row applies nothing
 * unless {@code partial}. Accepted rows change task and case status and append history, all in
 * one transaction.
 */
public final class FeedbackImport {
  /** All row outcomes (applied, not applied, rejected, already applied) and how many were applied. */
  public record Report(List<FeedbackRules.RowOutcome> rows, int applied, int rejected) {}

  private FeedbackImport() {}

  public static Report run(CaseStore store, Path file, boolean partial, LocalDate today) {
    return run(store, file, null, partial, today);
  }

  /**
   * Imports a feedback file into the store. Idempotent: a row whose check (task, date, result,
   * action) is already in the store's history, or repeats an earlier row of the file, is reported
   * as already applied and changes nothing, so importing a file twice changes nothing.
   *
   * @param encoding the charset of a CSV file, or null for UTF-8; text that does not decode
   *     cleanly in it is refused, never written to the history as mojibake
   * @param partial apply the accepted rows even when others are rejected
   * @param today checks dated later are rejected
   */
  public static Report run(CaseStore store, Path file, String encoding, boolean partial, LocalDate today) {
    return run(store, file, encoding, partial, today, Rules.DEFAULT_RESULT_TYPES);
  }

  /** As {@link #run(CaseStore, Path, String, boolean, LocalDate)} with the job's result types. */
  public static Report run(CaseStore store, Path file, String encoding, boolean partial, LocalDate today,
      java.util.Map<String, String> resultTypes) {
    List<FeedbackRow> rows = FeedbackFile.read(file, encoding);
    Set<String> recorded = new HashSet<>();
    store.history().stream().filter(h -> h.sourceKey() != null).forEach(h -> recorded.add(h.sourceKey()));
    FeedbackRules.Plan plan = FeedbackRules.plan(rows, store.tasks(), recorded, today, resultTypes);
    boolean apply = plan.rejected() == 0 || partial;
    if (apply && !plan.changes().isEmpty()) {
      apply(store, plan.changes(), file);
    }
    List<FeedbackRules.RowOutcome> outcomes = plan.outcomes().stream().map(o -> !o.outcome().equals("ok") ? o
        : new FeedbackRules.RowOutcome(o.row(), o.id(), apply ? "applied" : "not applied",
            apply ? null : "the file has rejected rows; fix them or import with --partial")).toList();
    return new Report(outcomes, apply ? plan.changes().size() : 0, plan.rejected());
  }

  private static void apply(CaseStore store, List<FeedbackRules.Change> changes, Path file) {
    store.begin();
    try {
      TestHooks.point("feedback.begin");
      java.util.Map<String, CaseRow> cases = new java.util.HashMap<>();
      store.cases().forEach(c -> cases.put(c.caseId(), c));
      java.util.Map<String, TaskRow> tasks = new java.util.HashMap<>();
      for (int i = 0; i < changes.size(); i++) {
        FeedbackRules.Change c = changes.get(i);
        TaskRow before = tasks.getOrDefault(c.task().taskId(), c.task());
        TaskRow after = before.checked(c.next(), c.checkedOn(), c.result(), c.action());
        store.update(after);
        tasks.put(after.taskId(), after);
        CaseRow kase = cases.get(before.caseId());
        if (kase != null) {
          store.update(kase.withStatus(c.next()));
        }
        store.insert(new HistoryRow(Instant.now().toString(), "feedback " + file.getFileName() + " row " + c.row()
            + (c.inspector() == null ? "" : " by " + c.inspector()), before.caseId(), before.taskId(), before.status(),
            c.next(), "checked " + c.checkedOn() + ": " + c.result() + ", " + c.action()
            + (c.note() == null ? "" : "; " + c.note()), c.key()));
        if (i == 0) {
          TestHooks.point("feedback.first-row");
        }
      }
      TestHooks.point("feedback.before-commit");
      store.commit();
      TestHooks.point("feedback.after-commit");
    } catch (RuntimeException e) {
      store.rollback();
      throw e;
    }
  }
}
