package io.landwatch.store;

import java.util.List;

/** Finds a file's column among the header names accepted for it (English or Chinese, case ignored). */
final class Columns {
  private Columns() {}

  /** The file's header for the first accepted name it has, or null. */
  static String find(List<String> headers, List<String> accepted) {
    for (String name : accepted) {
      for (String h : headers) {
        if (h.strip().replace("\uFEFF", "").equalsIgnoreCase(name)) {
          return h;
        }
      }
    }
    return null;
  }
}
