package io.landwatch.read;

/** A record whose geometry text (WKT or coordinate columns of a table) cannot be read; the message says why. */
public final class UnreadableGeometry extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UnreadableGeometry(String message) {
    super(message);
  }
}
