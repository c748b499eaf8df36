package io.landwatch.model;

/**
 * How soon a suspected patch is checked: P1 (basic farmland or the ecological red line occupied),
 * P2 (other farmland), P3 (the rest). Written as its name everywhere.
 */
public enum Priority {
  P1, P2, P3;

  /** The priority of a stored or written name, or null for none. */
  public static Priority of(String name) {
    return name == null || name.isBlank() ? null : valueOf(name.trim());
  }
}
