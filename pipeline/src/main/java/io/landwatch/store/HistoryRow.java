package io.landwatch.store;

/**
 * One line of a case's history (append-only): a status change or an event, who made it and when.
 *
 * @param at instant, ISO-8601
 * @param actor "run JOB@…" or "feedback FILE row N by NAME"
 * @param caseId the case
 * @param taskId its task
 * @param oldStatus the status before, or null when the case was opened
 * @param newStatus the status after
 * @param note what happened, for people
 * @param sourceKey what makes an imported row the same check again, or null
 * @param onDate the day it happened (the run date, the day of the check or step), or null for rows
 *     of earlier releases, whose day is the day they were recorded
 */
public record HistoryRow(String at, String actor, String caseId, String taskId, TaskStatus oldStatus,
    TaskStatus newStatus, String note, String sourceKey, java.time.LocalDate onDate) {

  /** A row recorded now for an event of the day {@code on}. */
  static HistoryRow now(java.time.LocalDate on, String actor, String caseId, String taskId, TaskStatus oldStatus,
      TaskStatus newStatus, String note, String sourceKey) {
    return new HistoryRow(java.time.Instant.now().toString(), actor, caseId, taskId, oldStatus, newStatus, note,
        sourceKey, on);
  }

  /** The day it happened: its event day, else the day it was recorded. */
  public java.time.LocalDate day() {
    return onDate != null ? onDate : java.time.LocalDate.parse(at.substring(0, 10));
  }

  static HistoryRow read(StoreFields f) {
    String old = f.text("old_status");
    return new HistoryRow(f.text("at"), f.text("actor"), f.text("case_id"), f.text("task_id"),
        old == null ? null : TaskStatus.of(old), TaskStatus.of(f.text("new_status")), f.text("note"),
        f.text("source_key"), f.date("on_date"));
  }

  void write(StoreFields.Writer w) {
    w.set("at", at);
    w.set("actor", actor);
    w.set("case_id", caseId);
    w.set("task_id", taskId);
    w.set("old_status", oldStatus == null ? null : oldStatus.label());
    w.set("new_status", newStatus.label());
    w.set("note", note);
    w.set("source_key", sourceKey);
    w.date("on_date", onDate);
  }
}
