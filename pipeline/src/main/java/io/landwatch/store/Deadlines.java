package io.landwatch.store;

import io.landwatch.config.CaseRules;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The legal windows of open cases, decided without I/O: a filed case must be decided within
 * {@code decision_days}; a decided one has the rectification deadline its decision gives, the
 * administrative review and litigation windows from the service date, and then the months in which
 * the office must apply to the court for enforcement. A window is listed while it closes within
 * the horizon, and after it closed when the step it asks for is missing.
 */
public final class Deadlines {
  /**
   * One window of a case.
   *
   * @param window what closes: decision, rectification, review, litigation, enforcement_application
   * @param due its last day
   * @param state closing (0 or more days left) or passed (closed without the next step)
   * @param nextStep what the office must do before it closes, or null when nothing is asked
   */
  public record Deadline(String caseId, String township, String village, String window, LocalDate due, String state,
      String nextStep) {

    public long daysLeft(LocalDate asOf) {
      return java.time.temporal.ChronoUnit.DAYS.between(asOf, due);
    }
  }

  private Deadlines() {}

  /** Every listed window of the store's cases, by due day and case. */
  public static List<Deadline> of(CaseStore store, CaseRules rules, LocalDate asOf, int withinDays) {
    return of(store, store.cases(), rules, asOf, withinDays);
  }

  /** As above, for the store's cases as the caller has just read them. */
  static List<Deadline> of(CaseStore store, List<CaseRow> cases, CaseRules rules, LocalDate asOf, int withinDays) {
    Map<String, List<StepRow>> steps = new java.util.HashMap<>();
    store.steps().forEach(s -> steps.computeIfAbsent(s.caseId(), k -> new ArrayList<>()).add(s));
    return of(cases, store.caseLife(), steps, rules, asOf, withinDays);
  }

  static List<Deadline> of(List<CaseRow> cases, Map<String, CaseLife> life, Map<String, List<StepRow>> steps,
      CaseRules rules, LocalDate asOf, int withinDays) {
    List<Deadline> out = new ArrayList<>();
    LocalDate horizon = asOf.plusDays(withinDays);
    for (CaseRow c : cases) {
      CaseLife l = life.getOrDefault(c.caseId(), CaseLife.NEW);
      List<StepRow> s = steps.getOrDefault(c.caseId(), List.of());
      List<Deadline> windows = new ArrayList<>();
      if (l.stage() == Stage.FILED) {
        StepRow filed = last(s, "filed");
        if (filed != null) {
          windows.add(window(c, "decision", filed.on().plusDays(rules.decisionDays()), "decided (处罚决定)"));
        }
      } else if (l.stage() == Stage.DECIDED) {
        StepRow d = last(s, "decided");
        if (d != null && d.serviceDate() != null) {
          LocalDate served = d.serviceDate();
          if (d.rectifyBy() != null) {
            windows.add(window(c, "rectification", d.rectifyBy(), "executed (履行)"));
          }
          windows.add(window(c, "review", served.plusDays(rules.reviewDays()), null));
          LocalDate litigation = served.plusMonths(rules.litigationMonths());
          windows.add(window(c, "litigation", litigation, null));
          boolean applied = s.stream().anyMatch(x -> x.step().equals("referred") && "court".equals(x.referredTo())
              && !x.on().isBefore(d.on()));
          windows.add(window(c, "enforcement_application", litigation.plusMonths(rules.enforcementMonths()),
              applied ? null : "referred to the court for enforcement (移送法院强制执行)"));
        }
      }
      for (Deadline w : windows) {
        if (!w.due().isBefore(asOf) && !w.due().isAfter(horizon)) {
          out.add(w);
        } else if (w.due().isBefore(asOf) && w.nextStep() != null) {
          out.add(new Deadline(w.caseId(), w.township(), w.village(), w.window(), w.due(), "passed", w.nextStep()));
        }
      }
    }
    out.sort(Comparator.comparing(Deadline::due).thenComparing(Deadline::caseId).thenComparing(Deadline::window));
    return out;
  }

  private static Deadline window(CaseRow c, String window, LocalDate due, String next) {
    return new Deadline(c.caseId(), c.township(), c.village(), window, due, "closing", next);
  }

  private static StepRow last(List<StepRow> steps, String step) {
    StepRow found = null;
    for (StepRow s : steps) {
      if (s.step().equals(step)) {
        found = s;
      }
    }
    return found;
  }
}
