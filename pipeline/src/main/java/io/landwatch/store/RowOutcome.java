package io.landwatch.store;

/**
 * What an import did with one row of a file (feedback, leads, patrols): applied, not applied,
 * rejected (with the reason), already applied (imported before); for leads also opened, attached
 * or approved, with the case.
 *
 * @param row the row number in the file (the header is row 1), or the feature number
 * @param id how the row names its subject (task, lead, patrol), or null
 */
public record RowOutcome(int row, String id, String outcome, String reason) {
  public boolean rejected() {
    return outcome.equals("rejected");
  }
}
