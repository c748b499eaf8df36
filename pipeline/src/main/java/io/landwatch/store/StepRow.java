package io.landwatch.store;

import java.time.LocalDate;

/**
 * One step of a case's life: a transition (verified, stopped, filed, decided, executed, closed)
 * or a referral step (referred, referral_answer, referral_outcome), with its date and documents.
 *
 * @param step the step's code
 * @param on the day it happened
 * @param serviceDate the decision's service date (送达), from which the legal deadlines run
 * @param orders demolish, confiscate, restore (comma-separated)
 * @param rectifyBy the rectification deadline the decision gives
 * @param referredTo police, procuratorate, court or discipline
 * @param accepted yes or no, for a referral's answer
 * @param sourceKey what makes a row of an update file the same step (idempotent imports)
 */
public record StepRow(String caseId, String step, LocalDate on, String actor, String documents, String caseNumber,
    String decisionNumber, LocalDate serviceDate, Double fine, String orders, LocalDate rectifyBy, String referredTo,
    String accepted, String outcome, String note, String sourceKey, String at) {

  static StepRow read(StoreFields f) {
    return new StepRow(f.text("case_id"), f.text("step"), f.date("on_date"), f.text("actor"), f.text("documents"),
        f.text("case_number"), f.text("decision_number"), f.date("service_date"),
        f.text("fine") == null ? null : f.real("fine"), f.text("orders"), f.date("rectify_by"), f.text("referred_to"),
        f.text("accepted"), f.text("outcome"), f.text("note"), f.text("source_key"), f.text("at"));
  }

  void write(StoreFields.Writer w) {
    w.set("case_id", caseId);
    w.set("step", step);
    w.date("on_date", on);
    w.set("actor", actor);
    w.set("documents", documents);
    w.set("case_number", caseNumber);
    w.set("decision_number", decisionNumber);
    w.date("service_date", serviceDate);
    w.set("fine", fine);
    w.set("orders", orders);
    w.date("rectify_by", rectifyBy);
    w.set("referred_to", referredTo);
    w.set("accepted", accepted);
    w.set("outcome", outcome);
    w.set("note", note);
    w.set("source_key", sourceKey);
    w.set("at", at);
  }
}
