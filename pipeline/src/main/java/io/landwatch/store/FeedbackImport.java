package io.landwatch.store;

import io.landwatch.config.Rules;
import io.landwatch.geo.Units;
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
    return run(store, file, encoding, partial, today, rules, null);
  }

  /**
   * As above, and rows with a measured outline re-judge their case on it with {@code judge} (the
   * job's layers): areas, farmland split, priority and referral become the outline's, and the
   * outline is kept beside the patch's. Without a judge such rows are rejected.
   */
  public static Report run(CaseStore store, Path file, String encoding, boolean partial, LocalDate today,
      Rules rules, OutlineJudge judge) {
    FeedbackFile.Read read = FeedbackFile.read(file, encoding);
    try {
      return run(store, file, read.rows(), partial, today, rules, judge);
    } finally {
      PhotoArchive.delete(read.temporary());
    }
  }

  private static Report run(CaseStore store, Path file, List<FeedbackRow> rows, boolean partial, LocalDate today,
      Rules rules, OutlineJudge judge) {
    Set<String> recorded = new HashSet<>();
    store.history().stream().filter(h -> h.sourceKey() != null).forEach(h -> recorded.add(h.sourceKey()));
    java.util.Map<String, org.locationtech.jts.geom.Geometry> outlines = new java.util.HashMap<>();
    java.util.Map<String, CaseRow> cases = new java.util.HashMap<>();
    store.cases().forEach(c -> cases.put(c.caseId(), c));
    List<TaskRow> tasks = store.tasks();
    for (TaskRow t : tasks) {
      CaseRow c = cases.get(t.caseId());
      // a case from a point lead has no outline: its photos are measured from its point
      outlines.put(t.caseId(), c != null && c.geometry() != null ? c.geometry()
          : new org.locationtech.jts.geom.GeometryFactory().createPoint(new org.locationtech.jts.geom.Coordinate(t.lon(), t.lat())));
    }
    java.util.Map<String, String> caseOfHash = new java.util.HashMap<>();
    store.evidence().forEach(e -> caseOfHash.putIfAbsent(e.sha256(), e.caseId()));
    FeedbackRules.Plan plan = FeedbackRules.plan(rows, tasks, recorded, today, rules.resultTypes(),
        new FeedbackRules.Evidence(outlines, caseOfHash, rules.photoMaxDistanceM(), rules.requirePhotoToClose(),
            judge != null));
    plan = judgeOutlines(plan, cases, judge);
    boolean apply = plan.rejected() == 0 || partial;
    if (apply && !plan.changes().isEmpty()) {
      apply(store, plan, file);
    }
    List<RowOutcome> outcomes = plan.outcomes().stream().map(o -> !o.outcome().equals("ok") ? o
        : new RowOutcome(o.row(), o.id(), apply ? "applied" : "not applied",
            apply ? o.reason() : "the file has rejected rows; fix them or import with --partial")).toList();
    return new Report(outcomes, apply ? plan.changes().size() : 0, plan.rejected());
  }

  /**
   * Judges the measured outlines of the accepted rows; a row whose outline cannot be judged is
   * rejected like any other bad row.
   */
  private static FeedbackRules.Plan judgeOutlines(FeedbackRules.Plan plan, java.util.Map<String, CaseRow> cases,
      OutlineJudge judge) {
    List<FeedbackRules.Change> measured = plan.changes().stream().filter(c -> c.source().outline() != null).toList();
    if (measured.isEmpty()) {
      return plan;
    }
    List<OutlineJudge.Judged> judged = judge.judge(measured.stream().map(c -> {
      CaseRow kase = cases.get(c.task().caseId());
      return new OutlineJudge.Outline(c.task().caseId(), c.source().outline(),
          kase == null || kase.judgedOn() == null ? c.checkedOn() : kase.judgedOn());
    }).toList());
    java.util.Map<Integer, OutlineJudge.Judged> byRow = new java.util.HashMap<>();
    for (int i = 0; i < measured.size(); i++) {
      byRow.put(measured.get(i).row(), judged.get(i));
    }
    List<FeedbackRules.Change> changes = new java.util.ArrayList<>();
    List<RowOutcome> outcomes = new java.util.ArrayList<>();
    int rejected = plan.rejected();
    for (RowOutcome o : plan.outcomes()) {
      OutlineJudge.Judged j = byRow.get(o.row());
      if (j != null && j.problem() != null) {
        outcomes.add(new RowOutcome(o.row(), o.id(), "rejected", "the measured outline "
            + plan.changes().stream().filter(c -> c.row() == o.row()).findFirst().orElseThrow().source().outlineFile()
            + " cannot be judged: " + j.problem()));
        rejected++;
      } else {
        outcomes.add(o);
      }
    }
    for (FeedbackRules.Change c : plan.changes()) {
      OutlineJudge.Judged j = byRow.get(c.row());
      if (j == null) {
        changes.add(c);
      } else if (j.problem() == null) {
        changes.add(c.withMeasured(j.result()));
      }
    }
    return new FeedbackRules.Plan(outcomes, changes, rejected);
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

  private static void apply(CaseStore store, FeedbackRules.Plan plan, Path file) {
    List<FeedbackRules.Change> changes = plan.changes();
    store.begin();
    try {
      TestHooks.point("feedback.begin");
      java.util.Map<String, CaseRow> cases = new java.util.HashMap<>();
      store.cases().forEach(c -> cases.put(c.caseId(), c));
      java.util.Map<String, TaskRow> tasks = new java.util.HashMap<>();
      java.util.Map<String, Stage> stages = new java.util.HashMap<>();
      store.caseLife().forEach((id, life) -> stages.put(id, life.stage()));
      for (int i = 0; i < changes.size(); i++) {
        FeedbackRules.Change c = changes.get(i);
        TaskRow before = tasks.getOrDefault(c.task().taskId(), c.task());
        TaskRow after = before.checked(c.next(), c.checkedOn(), c.result(), c.action());
        CaseRow kase = cases.get(before.caseId());
        if (kase != null && c.measured() != null) {
          CaseRow remeasured = kase.measured(c.measured());
          after = after.remeasured(remeasured, c.measured());
          store.insert(new OutlineRow(kase.caseId(), before.taskId(), c.checkedOn(), Units.round2(c.measured().areaM2()),
              Units.round2(c.measured().unapprovedM2()), Units.round2(c.measured().farmlandM2()),
              Units.round2(c.measured().basicFarmlandM2()), remeasured.priority(), remeasured.referral(),
              c.source().outlineFile(), c.key(), Instant.now().toString(), c.source().outline()));
          store.insert(HistoryRow.now(c.checkedOn(), "feedback " + file.getFileName() + " row " + c.row(),
              kase.caseId(), before.taskId(), kase.status(), kase.status(), remeasuredNote(kase, remeasured, c), null));
          kase = remeasured;
        }
        if (kase != null) {
          CaseRow next = kase.withStatus(c.next());
          store.update(next);
          cases.put(kase.caseId(), next);
          stages.put(kase.caseId(), verify(store, kase, stages.get(kase.caseId()), c));
          if (c.action().equals("refused")) {
            store.setLife(kase.fid(), w -> w.set("escalation", "county"));
            store.insert(HistoryRow.now(c.checkedOn(), "feedback " + file.getFileName() + " row " + c.row(),
                kase.caseId(), before.taskId(), next.status(), next.status(), "escalated to the county: the offender"
                    + " refused to stop (checked " + c.checkedOn() + ")", null));
          }
        }
        store.update(after);
        tasks.put(after.taskId(), after);
        store.insert(HistoryRow.now(c.checkedOn(), "feedback " + file.getFileName() + " row " + c.row()
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

  /** Both judgments side by side, for the history: the patch's (or the last measurement's) and the outline's. */
  private static String remeasuredNote(CaseRow was, CaseRow now, FeedbackRules.Change c) {
    var r = c.measured();
    return String.format(java.util.Locale.ROOT, "measured outline %s (%s): area %.2f → %.2f m², unapproved %.2f → %.2f"
        + " m², farmland %.2f m², basic farmland %.2f m², priority %s → %s, referral %s → %s%s",
        c.source().outlineFile(), c.checkedOn(), was.areaM2(), now.areaM2(), was.unapprovedM2(), now.unapprovedM2(),
        r.farmlandM2(), r.basicFarmlandM2(), was.priority(), now.priority(), was.referral() ? "yes" : "no",
        now.referral() ? "yes" : "no", r.suspected() ? "" : "; the outline is covered by valid approvals "
            + String.join(", ", r.approvals()));
  }

  /**
   * The field check is the case's verification: a case still reported becomes verified illegal or
   * verified legal by the check's result type, and a verified illegal one stopped by the action
   * "stopped"; each such step is recorded as a lifecycle step. Other results leave the stage.
   */
  private static Stage verify(CaseStore store, CaseRow kase, Stage stage, FeedbackRules.Change c) {
    Stage now = stage == null ? Stage.REPORTED : stage;
    List<Stage> steps = new java.util.ArrayList<>();
    if (now == Stage.REPORTED && ("illegal".equals(c.meaning()) || "legal".equals(c.meaning()))) {
      now = c.meaning().equals("illegal") ? Stage.VERIFIED_ILLEGAL : Stage.VERIFIED_LEGAL;
      steps.add(now);
    }
    if (now == Stage.VERIFIED_ILLEGAL && c.action().equals("stopped")) {
      now = Stage.STOPPED;
      steps.add(now);
    }
    for (Stage s : steps) {
      store.insert(new StepRow(kase.caseId(), s.code(), c.checkedOn(), c.inspector(), null, null, null, null, null,
          null, null, null, null, null, "field check, result " + c.result(), c.key() + "|" + s.code(),
          Instant.now().toString()));
    }
    if (!steps.isEmpty()) {
      Stage reached = now;
      store.setLife(kase.fid(), w -> {
        w.set("stage", reached.code());
        w.date("stage_on", c.checkedOn());
      });
    }
    return now;
  }
}
