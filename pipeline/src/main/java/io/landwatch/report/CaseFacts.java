package io.landwatch.report;

import io.landwatch.store.CaseLife;
import io.landwatch.store.CaseRow;
import io.landwatch.store.CaseStore;
import io.landwatch.store.StepRow;
import io.landwatch.store.TaskRow;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One case with what the reports need of it: the case, its place in its life, its steps, its own
 * patrol task (areas of farmland in mu), the days it was closed and photos it has.
 */
record CaseFacts(CaseRow kase, CaseLife life, List<StepRow> steps, TaskRow task, List<LocalDate> closedOn,
    int photos) {

  /** Every case of the store, in case id order. */
  static List<CaseFacts> of(CaseStore store) {
    Map<String, List<StepRow>> steps = new HashMap<>();
    store.steps().forEach(s -> steps.computeIfAbsent(s.caseId(), k -> new ArrayList<>()).add(s));
    Map<String, TaskRow> tasks = new HashMap<>();
    store.tasks().forEach(t -> {
      if (t.taskId().equals("T" + t.caseId())) {
        tasks.put(t.caseId(), t);
      }
    });
    Map<String, List<LocalDate>> closed = new HashMap<>();
    store.history().forEach(h -> {
      if (h.newStatus() == io.landwatch.store.TaskStatus.CLOSED && h.oldStatus() != io.landwatch.store.TaskStatus.CLOSED) {
        closed.computeIfAbsent(h.caseId(), k -> new ArrayList<>()).add(h.day());
      }
    });
    Map<String, Integer> photos = new HashMap<>();
    store.evidence().forEach(e -> photos.merge(e.caseId(), 1, Integer::sum));
    Map<String, CaseLife> life = store.caseLife();
    List<CaseFacts> out = new ArrayList<>();
    for (CaseRow c : store.cases()) {
      out.add(new CaseFacts(c, life.get(c.caseId()), steps.getOrDefault(c.caseId(), List.of()), tasks.get(c.caseId()),
          closed.getOrDefault(c.caseId(), List.of()), photos.getOrDefault(c.caseId(), 0)));
    }
    out.sort(java.util.Comparator.comparing(f -> f.kase().caseId()));
    return out;
  }

  /** The steps of a kind dated in the period. */
  List<StepRow> in(Period p, String step) {
    return steps.stream().filter(s -> s.step().equals(step) && p.contains(s.on())).toList();
  }

  /** The last step of a kind, or null. */
  StepRow last(String step) {
    StepRow found = null;
    for (StepRow s : steps) {
      if (s.step().equals(step)) {
        found = s;
      }
    }
    return found;
  }

  /** Verified illegal on or before the day (by a field check or a case update). */
  boolean confirmedBy(LocalDate day) {
    return steps.stream().anyMatch(s -> s.step().equals("verified_illegal") && !s.on().isAfter(day));
  }

  double farmlandMu() {
    return task == null ? 0 : task.farmlandMu();
  }

  double basicFarmlandMu() {
    return task == null ? 0 : task.basicFarmlandMu();
  }

  String township() {
    return kase.township() == null ? io.landwatch.plan.TaskPlanner.OUTSIDE : kase.township();
  }

  String village() {
    return kase.village() == null ? "-" : kase.village();
  }
}
