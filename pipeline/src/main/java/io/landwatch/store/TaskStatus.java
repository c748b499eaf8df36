package io.landwatch.store;

import java.util.Locale;

/** Where a patrol task (and its case) stands. */
public enum TaskStatus {
  OPEN, CHECKED, STOPPED, RECTIFYING, CLOSED;

  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static TaskStatus of(String s) {
    return valueOf(s.toUpperCase(Locale.ROOT));
  }
}
