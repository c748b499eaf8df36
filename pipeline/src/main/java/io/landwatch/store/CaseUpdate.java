package io.landwatch.store;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code landwatch case update}: the steps of cases' lives (verified, stopped, filed, decided,
 * executed, closed) and their referrals, from a file, into the store in one transaction. Every row
 * is checked against the case's stage as the rows before it leave it ({@link Lifecycle}); a file
 * with a rejected row applies nothing unless {@code partial}. A step already in the store (same
 * case, step, date and body) is "already applied", so importing a file twice changes nothing.
 */
public final class CaseUpdate {
  /** Every row's outcome, and the counts. */
  public record Report(List<RowOutcome> rows, int applied, int already, int rejected) {}

  private record Accepted(CaseUpdateFile.Row row, Stage from) {}

  private CaseUpdate() {}

  public static Report run(CaseStore store, Path file, String encoding, boolean partial, LocalDate today) {
    List<CaseUpdateFile.Row> rows = CaseUpdateFile.read(file, encoding);
    Map<String, CaseRow> cases = new HashMap<>();
    store.cases().forEach(c -> cases.put(c.caseId(), c));
    Map<String, Stage> stage = new HashMap<>();
    store.caseLife().forEach((id, life) -> stage.put(id, life.stage()));
    Map<String, List<StepRow>> steps = new HashMap<>();
    Set<String> recorded = new HashSet<>();
    for (StepRow s : store.steps()) {
      steps.computeIfAbsent(s.caseId(), k -> new ArrayList<>()).add(s);
      if (s.sourceKey() != null) {
        recorded.add(s.sourceKey());
      }
    }
    Map<String, TaskRow> tasks = new HashMap<>();
    store.tasks().forEach(t -> tasks.put(t.taskId(), t));
    List<RowOutcome> outcomes = new ArrayList<>();
    List<Accepted> accepted = new ArrayList<>();
    Map<String, Integer> inFile = new HashMap<>();
    int already = 0;
    for (CaseUpdateFile.Row r : rows) {
      String reason = r.problem();
      if (reason == null && r.caseId() == null) {
        reason = "no case_id (案件编号)";
      }
      if (reason == null && !cases.containsKey(r.caseId())) {
        reason = "unknown case '" + r.caseId() + "' (case ids are in the ledger and tasks.csv)";
      }
      if (reason == null && r.step() == null) {
        reason = "no step (环节)";
      }
      if (reason == null && (recorded.contains(r.key()) || inFile.containsKey(r.key()))) {
        outcomes.add(new RowOutcome(r.row(), r.caseId(), "already applied", inFile.containsKey(r.key())
            ? "repeats row " + inFile.get(r.key()) : "this step is already in the case store (imported before)"));
        already++;
        continue;
      }
      Stage from = reason == null ? stage.get(r.caseId()) : null;
      if (reason == null) {
        reason = Lifecycle.problem(r, from, steps.getOrDefault(r.caseId(), List.of()), tasks.get("F" + r.caseId()),
            today);
      }
      if (reason != null) {
        outcomes.add(new RowOutcome(r.row(), r.caseId(), "rejected", reason));
        continue;
      }
      inFile.put(r.key(), r.row());
      Stage to = Lifecycle.TRANSITIONS.get(r.step());
      if (to != null) {
        stage.put(r.caseId(), to);
      }
      steps.computeIfAbsent(r.caseId(), k -> new ArrayList<>()).add(step(r, null));
      accepted.add(new Accepted(r, from));
      outcomes.add(new RowOutcome(r.row(), r.caseId(), "ok", describe(r)));
    }
    int rejected = (int) outcomes.stream().filter(RowOutcome::rejected).count();
    boolean apply = rejected == 0 || partial;
    if (apply && !accepted.isEmpty()) {
      apply(store, file, accepted, cases, tasks);
    }
    List<RowOutcome> out = outcomes.stream().map(o -> !o.outcome().equals("ok") ? o
        : new RowOutcome(o.row(), o.id(), apply ? "applied" : "not applied",
            apply ? o.reason() : "the file has rejected rows; fix them or import with --partial"))
        .sorted(java.util.Comparator.comparingInt(RowOutcome::row)).toList();
    return new Report(out, apply ? accepted.size() : 0, already, rejected);
  }

  private static void apply(CaseStore store, Path file, List<Accepted> accepted, Map<String, CaseRow> cases,
      Map<String, TaskRow> tasks) {
    store.begin();
    try {
      for (Accepted a : accepted) {
        CaseUpdateFile.Row r = a.row();
        String now = Instant.now().toString();
        store.insert(step(r, now));
        CaseRow c = cases.get(r.caseId());
        Stage to = Lifecycle.TRANSITIONS.get(r.step());
        TaskStatus status = c.status();
        if (to != null) {
          store.setLife(c.fid(), w -> {
            w.set("stage", to.code());
            w.date("stage_on", r.on());
          });
        }
        if (to == Stage.CLOSED) {
          status = TaskStatus.CLOSED;
          CaseRow closed = c.withStatus(TaskStatus.CLOSED);
          store.update(closed);
          cases.put(c.caseId(), closed);
          for (TaskRow t : tasks.values()) {
            if (t.caseId().equals(c.caseId()) && t.status() != TaskStatus.CLOSED) {
              TaskRow done = t.checked(TaskStatus.CLOSED, t.checkedOn(), t.result(), t.action());
              store.update(done);
              tasks.put(done.taskId(), done);
            }
          }
        }
        store.insert(new HistoryRow(now, "case update " + file.getFileName() + " row " + r.row()
            + (r.actor() == null ? "" : " by " + r.actor()), c.caseId(), "T" + c.caseId(), c.status(), status,
            (to == null ? "" : "stage " + a.from().code() + " → " + to.code() + ": ") + describe(r), r.key(), r.on()));
      }
      store.commit();
    } catch (RuntimeException e) {
      store.rollback();
      throw e;
    }
  }

  private static StepRow step(CaseUpdateFile.Row r, String at) {
    return new StepRow(r.caseId(), r.step(), r.on(), r.actor(), r.documents(), r.caseNumber(), r.decisionNumber(),
        r.serviceDate(), r.fine(), r.orders().isEmpty() ? null : String.join(",", r.orders()), r.rectifyBy(),
        r.referredTo(), r.accepted(), r.outcome(), r.note(), r.key(), at);
  }

  /** The step in one line, for the history and the report. */
  static String describe(CaseUpdateFile.Row r) {
    StringBuilder b = new StringBuilder(r.step()).append(" on ").append(r.on());
    if (r.caseNumber() != null) {
      b.append(", case number ").append(r.caseNumber());
    }
    if (r.decisionNumber() != null) {
      b.append(", decision ").append(r.decisionNumber()).append(" served ").append(r.serviceDate());
    }
    if (r.fine() != null) {
      b.append(String.format(Locale.ROOT, ", fine %.2f yuan", r.fine()));
    }
    if (!r.orders().isEmpty()) {
      b.append(", orders ").append(String.join(", ", r.orders()));
    }
    if (r.rectifyBy() != null) {
      b.append(", rectify by ").append(r.rectifyBy());
    }
    if (r.referredTo() != null) {
      b.append(", ").append(r.referredTo());
    }
    if (r.accepted() != null) {
      b.append(", accepted: ").append(r.accepted());
    }
    if (r.outcome() != null) {
      b.append(", outcome: ").append(r.outcome());
    }
    if (r.documents() != null) {
      b.append(", documents ").append(r.documents());
    }
    return b.toString();
  }
}
