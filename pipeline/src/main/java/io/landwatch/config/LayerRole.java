package io.landwatch.config;

import java.util.List;
import java.util.Map;

/**
 * The inputs a job knows, with the role fields each one maps to a source field. The defaults are
 * the field names of the ministry's usual schema (domain.md); a job maps its own.
 */
public enum LayerRole {
  PATCHES("patches", true, Map.of("id", "JCBH", "after_date", "HSX", "before_date", "QSX", "change_type", "BHLX",
      "monitored_area", "JCMJ"),
      List.of("id", "after_date")),
  APPROVALS("approvals", false,
      Map.of("id", "PZWH", "kind", "PZLX", "approved_on", "PZRQ", "valid_until", "YXQZ"),
      List.of("id", "approved_on")),
  FARMLAND("farmland", false, Map.of(), List.of()),
  BASIC_FARMLAND("basic_farmland", false, Map.of(), List.of()),
  ECOLOGICAL_REDLINE("ecological_redline", false, Map.of(), List.of()),
  VILLAGES("villages", false,
      Map.of("village", "CJMC", "township", "XZMC", "inspector", "WGY", "phone", "LXDH", "office", "BGD"),
      List.of("village", "township"));

  private final String key;
  private final boolean mandatory;
  private final Map<String, String> defaultFields;
  private final List<String> requiredFields;

  LayerRole(String key, boolean mandatory, Map<String, String> defaultFields, List<String> requiredFields) {
    this.key = key;
    this.mandatory = mandatory;
    this.defaultFields = defaultFields;
    this.requiredFields = requiredFields;
  }

  /** The key under {@code inputs:} in the job file. */
  public String key() {
    return key;
  }

  public boolean mandatory() {
    return mandatory;
  }

  /** Role field → default source field name. */
  public Map<String, String> defaultFields() {
    return defaultFields;
  }

  /** Role fields without which the layer cannot be used. */
  public List<String> requiredFields() {
    return requiredFields;
  }

  /** Big red-line layers are streamed, never held in memory. */
  public boolean streamed() {
    return this == FARMLAND || this == BASIC_FARMLAND || this == ECOLOGICAL_REDLINE;
  }

  public static LayerRole ofKey(String key) {
    for (LayerRole r : values()) {
      if (r.key.equals(key)) {
        return r;
      }
    }
    return null;
  }
}
