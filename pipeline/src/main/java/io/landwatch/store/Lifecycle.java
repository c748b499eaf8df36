package io.landwatch.store;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of a case's life, decided without I/O: which step may follow the case's stage, what
 * each step must carry, and the referral exchange (referred → answered: accepted or not → outcome
 * reported back), one thread per receiving body.
 */
public final class Lifecycle {
  /** Transition steps and the stage each leads to. */
  static final Map<String, Stage> TRANSITIONS = Map.of("verified_illegal", Stage.VERIFIED_ILLEGAL, "verified_legal",
      Stage.VERIFIED_LEGAL, "stopped", Stage.STOPPED, "filed", Stage.FILED, "decided", Stage.DECIDED, "executed",
      Stage.EXECUTED, "closed", Stage.CLOSED);

  /** Referral steps: they leave the stage as it is. */
  static final Set<String> REFERRAL_STEPS = Set.of("referred", "referral_answer", "referral_outcome");

  /** The bodies a case is referred to: police (公安), procuratorate (检察院), court (法院, for enforcement), discipline (纪委监委). */
  static final Set<String> BODIES = Set.of("police", "procuratorate", "court", "discipline");

  /** The orders a decision may give. */
  static final Set<String> ORDERS = Set.of("demolish", "confiscate", "restore");

  private Lifecycle() {}

  /**
   * Why the step cannot be taken, or null when it can.
   *
   * @param stage the case's stage before the step
   * @param steps the case's steps so far (store and earlier rows of the file), in order
   * @param followUp the case's follow-up task (issued by the nightly run after execution), or null
   */
  static String problem(CaseUpdateFile.Row u, Stage stage, List<StepRow> steps, TaskRow followUp, LocalDate today) {
    if (u.on() == null) {
      return "the date (日期) is empty";
    }
    if (u.on().isAfter(today)) {
      return "the date " + u.on() + " is in the future";
    }
    LocalDate last = steps.isEmpty() ? null : steps.get(steps.size() - 1).on();
    if (last != null && u.on().isBefore(last)) {
      return "the date " + u.on() + " is before the case's last step (" + last + ")";
    }
    Stage to = TRANSITIONS.get(u.step());
    if (to != null) {
      if (!stage.next().contains(to)) {
        return "case " + u.caseId() + " is " + stage + "; it cannot become " + to + ". Allowed next: "
            + allowed(stage);
      }
      return switch (u.step()) {
        case "filed" -> u.caseNumber() == null ? "filing needs the case number (立案号)" : null;
        case "decided" -> decisionProblem(u);
        case "closed" -> stage == Stage.EXECUTED && (followUp == null || followUp.status() == TaskStatus.OPEN)
            ? "the execution is verified by the follow-up task " + (followUp == null ? "F" + u.caseId()
                + " that the next nightly run issues" : followUp.taskId() + ", which is still open")
                + "; close the case after that check" : null;
        default -> null;
      };
    }
    return referralProblem(u, stage, steps);
  }

  private static String decisionProblem(CaseUpdateFile.Row u) {
    if (u.decisionNumber() == null || u.serviceDate() == null) {
      return "a decision needs its number (决定书文号) and service date (送达日期): the legal deadlines run from it";
    }
    if (u.serviceDate().isBefore(u.on())) {
      return "the service date " + u.serviceDate() + " is before the decision (" + u.on() + ")";
    }
    if (u.fine() != null && u.fine() < 0) {
      return "the fine is negative";
    }
    if (u.rectifyBy() != null && u.rectifyBy().isBefore(u.serviceDate())) {
      return "the rectification deadline " + u.rectifyBy() + " is before the service date";
    }
    for (String o : u.orders()) {
      if (!ORDERS.contains(o)) {
        return "unknown order '" + o + "' (use demolish 拆除, confiscate 没收, restore 恢复)";
      }
    }
    return null;
  }

  private static String referralProblem(CaseUpdateFile.Row u, Stage stage, List<StepRow> steps) {
    if (!REFERRAL_STEPS.contains(u.step())) {
      return "unknown step '" + u.step() + "' (use " + String.join(", ", CaseUpdateFile.STEP_HELP) + ")";
    }
    if (u.referredTo() == null || !BODIES.contains(u.referredTo())) {
      return "a referral step needs the body (移送机关): police 公安, procuratorate 检察院, court 法院, discipline 纪委监委";
    }
    StepRow open = null;
    for (StepRow s : steps) {
      if (u.referredTo().equals(s.referredTo())) {
        open = s.step().equals("referral_outcome") || s.step().equals("referral_answer") && "no".equals(s.accepted())
            ? null : s;
      }
    }
    return switch (u.step()) {
      case "referred" -> !Stage.REFERABLE.contains(stage)
          ? "case " + u.caseId() + " is " + stage + ": only a case verified illegal and not closed can be referred"
          : open != null ? "case " + u.caseId() + " was already referred to the " + u.referredTo() + " on " + open.on()
              + " and that referral is not concluded" : null;
      case "referral_answer" -> open == null || !open.step().equals("referred")
          ? "no referral to the " + u.referredTo() + " awaits an answer for case " + u.caseId()
          : !"yes".equals(u.accepted()) && !"no".equals(u.accepted())
              ? "an answer needs accepted (是否受理): yes (是) or no (否)" : null;
      default -> open == null || !open.step().equals("referral_answer")
          ? "no accepted referral to the " + u.referredTo() + " awaits an outcome for case " + u.caseId()
          : u.outcome() == null ? "an outcome needs the outcome (办理结果)" : null;
    };
  }

  /** "decided (已作出处罚决定), referred (移送)": what may come next, for messages. */
  static String allowed(Stage stage) {
    List<String> next = new java.util.ArrayList<>(stage.next().stream().map(Stage::toString).toList());
    if (Stage.REFERABLE.contains(stage)) {
      next.add("referred (移送)");
    }
    return next.isEmpty() ? "nothing (the case is closed)" : String.join(", ", next);
  }
}
