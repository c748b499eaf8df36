package io.landwatch.store;

import java.time.LocalDate;

/** Typed access to the fields of one stored row, for the row records to read and write themselves. */
interface StoreFields {
  /** The row's id in its table. */
  long fid();

  /** A text field, or null when empty. */
  String text(String name);

  /** A real field (0 when empty). */
  double real(String name);

  /** An integer field (0 when empty). */
  int integer(String name);

  /** An ISO date field, or null when empty. */
  default LocalDate date(String name) {
    String t = text(name);
    return t == null ? null : LocalDate.parse(t);
  }

  /** Where a row record writes its values: String, Integer, Double or null. */
  @FunctionalInterface
  interface Writer {
    void set(String name, Object value);

    default void date(String name, LocalDate value) {
      set(name, value == null ? null : value.toString());
    }
  }
}
