package io.landwatch.store;

import java.time.LocalDate;

/**
 * A case's place in its legal life, kept in the case's row beside the judgment (written only by
 * the lifecycle, never by a run's update of the judgment).
 *
 * @param stage where it stands
 * @param stageOn the date of the step that put it there, or null
 * @param escalation village (none), township or county
 * @param routedTo the department the case goes to by its kind (rules.routing), or null
 * @param laterApproval the later-approval suggestion for a person to confirm, or null
 * @param kind the case's kind for routing (the patch field rules.routing names), or null
 */
public record CaseLife(Stage stage, LocalDate stageOn, String escalation, String routedTo, String laterApproval,
    String kind) {

  static final CaseLife NEW = new CaseLife(Stage.REPORTED, null, null, null, null, null);

  static CaseLife read(StoreFields f) {
    return new CaseLife(Stage.of(f.text("stage")), f.date("stage_on"), f.text("escalation"), f.text("routed_to"),
        f.text("later_approval"), f.text("kind"));
  }
}
