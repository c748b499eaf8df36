package io.landwatch.model;

import java.util.Map;

/**
 * One source record's attributes, typed as OGR reads them (String, Integer, Long, Double;
 * dates as text).
 *
 * @param record the OGR feature id
 * @param attributes field name → value, in field order
 */
public record SourceRecord(long record, Map<String, Object> attributes) {

  /** The value of a field as trimmed text, or null when absent or blank; 12.0 prints as 12. */
  public String text(String field) {
    if (field == null) {
      return null;
    }
    Object v = attributes.get(field);
    if (v == null) {
      for (var e : attributes.entrySet()) {
        if (e.getKey().equalsIgnoreCase(field)) {
          v = e.getValue();
          break;
        }
      }
    }
    if (v == null) {
      return null;
    }
    if (v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString(d.longValue());
    }
    String s = v.toString().trim();
    return s.isEmpty() ? null : s;
  }
}
