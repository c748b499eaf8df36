package io.landwatch.judge;

/** The judgment of a patch. */
public enum Verdict {
  APPROVED("approved"),
  SUSPECTED_ILLEGAL("suspected_illegal");

  private final String label;

  Verdict(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
