package io.landwatch.store;

import io.landwatch.config.Rules;
import io.landwatch.util.IoErrors;
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
  public record Report(List<RowOutcome> rows, int applied, int rejected) {}

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
    return run(store, file, encoding, partial, today, Rules.defaults());
  }

  /**
   * As {@link #run(CaseStore, Path, String, boolean, LocalDate)} with the job's rules: result types,
   * how far a photo may be from its case, whether closing needs a photo. Photos of accepted rows
   * are copied to {@code evidence/CASE/} beside the store, with their hashes and flags in the store.
   */
  public static Report run(CaseStore store, Path file, String encoding, boolean partial, LocalDate today,
      Rules rules) {
    List<FeedbackRow> rows = FeedbackFile.read(file, encoding);
    Set<String> recorded = new HashSet<>();
    store.history().stream().filter(h -> h.sourceKey() != null).forEach(h -> recorded.add(h.sourceKey()));
    java.util.Map<String, org.locationtech.jts.geom.Geometry> outlines = new java.util.HashMap<>();
    store.cases().forEach(c -> outlines.put(c.caseId(), c.geometry()));
    java.util.Map<String, String> caseOfHash = new java.util.HashMap<>();
    store.evidence().forEach(e -> caseOfHash.putIfAbsent(e.sha256(), e.caseId()));
    FeedbackRules.Plan plan = FeedbackRules.plan(rows, store.tasks(), recorded, today, rules.resultTypes(),
        new FeedbackRules.Evidence(outlines, caseOfHash, rules.photoMaxDistanceM(), rules.requirePhotoToClose()));
    boolean apply = plan.rejected() == 0 || partial;
    if (apply && !plan.changes().isEmpty()) {
      apply(store, plan.changes(), file);
    }
    List<RowOutcome> outcomes = plan.outcomes().stream().map(o -> !o.outcome().equals("ok") ? o
        : new RowOutcome(o.row(), o.id(), apply ? "applied" : "not applied",
            apply ? o.reason() : "the file has rejected rows; fix them or import with --partial")).toList();
    return new Report(outcomes, apply ? plan.changes().size() : 0, plan.rejected());
  }

  /**
   * Copies a photo to evidence/CASE/ beside the store, named by the start of its hash (the same
   * file twice is one copy); returns the path relative to the store's folder.
   */
  private static String copyEvidence(CaseStore store, String caseId, Photo p) {
    Path dir = store.file().toAbsolutePath().getParent().resolve("evidence").resolve(caseId);
    String name = p.sha256().substring(0, 12) + "-" + p.file().getFileName();
    try {
      java.nio.file.Files.createDirectories(dir);
      Path target = dir.resolve(name);
      if (!java.nio.file.Files.exists(target)) {
        java.nio.file.Files.copy(p.file(), target);
      }
    } catch (java.io.IOException e) {
      throw new io.landwatch.LandwatchException(io.landwatch.ExitCode.OUTPUT, "Cannot copy the photo " + p.file()
          + " to " + dir + ": " + IoErrors.describe(e) + ". Nothing of this file was imported.");
    }
    return "evidence/" + caseId + "/" + name;
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
        for (PhotoCheck.Checked p : c.photos()) {
          store.insert(new EvidenceRow(before.caseId(), before.taskId(), copyEvidence(store, before.caseId(), p.photo()),
              p.photo().sha256(), p.photo().takenAt() == null ? null : p.photo().takenAt().toString(), p.photo().lon(),
              p.photo().lat(), p.distanceM(), p.flags().isEmpty() ? null : String.join(",", p.flags()), c.key()));
        }
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
