package io.landwatch.store;

/**
 * One row of a feedback file as written (trimmed text; null for blank cells).
 *
 * @param row the row number in the file (the header is row 1)
 * @param photos the row's photos, read; empty when it names none
 * @param problem why a named photo or outline file cannot be used (missing, not an image, no polygon), or null
 * @param outline the outline measured in the field, CGCS2000 lon/lat, or null
 * @param outlineFile the file it came from, or null
 */
public record FeedbackRow(int row, String taskId, String patchId, String result, String action, String checkedOn,
    String inspector, String note, java.util.List<Photo> photos, String problem,
    org.locationtech.jts.geom.Geometry outline, String outlineFile) {

  /** A row without photos. */
  public FeedbackRow(int row, String taskId, String patchId, String result, String action, String checkedOn,
      String inspector, String note) {
    this(row, taskId, patchId, result, action, checkedOn, inspector, note, java.util.List.of(), null, null, null);
  }

  /** How the row names its task, for reports. */
  public String id() {
    return taskId != null ? taskId : patchId;
  }
}
