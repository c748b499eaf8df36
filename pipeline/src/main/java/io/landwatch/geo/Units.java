package io.landwatch.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Area units land offices read, and how numbers are rounded for them. */
public final class Units {
  /** 1 亩 = 2000/3 m². */
  public static final double M2_PER_MU = 2000.0 / 3.0;

  private Units() {}

  public static double mu(double m2) {
    return m2 / M2_PER_MU;
  }

  public static double hectares(double m2) {
    return m2 / 10_000.0;
  }

  /**
   * The one rounding of landwatch: half-up on the shortest decimal text of {@code v} (so 0.125
   * becomes 0.13 as a person expects, not 0.12 as its binary value would give).
   */
  public static BigDecimal rounded(double v, int decimals) {
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP);
  }

  /** To 0.01, as reports print areas in m². */
  public static double round2(double v) {
    return rounded(v, 2).doubleValue();
  }

  /** To 0.0001, as areas in mu are kept. */
  public static double round4(double v) {
    return rounded(v, 4).doubleValue();
  }

  /** To 1e-7 degrees (about 1 cm), as coordinates are written. */
  public static double round7(double v) {
    return rounded(v, 7).doubleValue();
  }
}
