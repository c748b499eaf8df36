package io.landwatch.store;

/**
 * One row of a feedback file as written (trimmed text; null for blank cells).
 *
 * @param row the row number in the file (the header is row 1)
 */
public record FeedbackRow(int row, String taskId, String patchId, String result, String action, String checkedOn,
    String inspector, String note) {

  /** How the row names its task, for reports. */
  public String id() {
    return taskId != null ? taskId : patchId;
  }
}
