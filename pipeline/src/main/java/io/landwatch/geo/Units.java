package io.landwatch.geo;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Area units land offices read, and how numbers are rounded for them. */
public final class Units {
  /** 1 亩 = 2000/3 m². */
  public static final double M2_PER_MU = 2000.0 / 3.0;

  private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
  /** Below 2^36 a scaled value is within 2 ulp (< 3.1e-5) of the scaled shortest decimal text. */
  private static final double FAST_LIMIT = 0x1p36;
  private static final double TIE_MARGIN = 1e-4;
  /** What {@link #scaledHalfUp} returns when only BigDecimal can tell. */
  public static final long UNDECIDED = Long.MIN_VALUE;

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

  /**
   * {@code v × 10^decimals} rounded as {@link #rounded} rounds, as a whole number, found without
   * BigDecimal (the writers round every coordinate: BigDecimal's decimal text cost a small
   * county's run ~20 ms); {@link #UNDECIDED} for a value within 1e-4 of a tie or too large, which
   * only the decimal text can settle.
   */
  public static long scaledHalfUp(double v, int decimals) {
    if (decimals >= 0 && decimals < POW10.length) {
      double x = v * POW10[decimals];
      if (Math.abs(x) < FAST_LIMIT) {
        double n = Math.rint(x);
        if (Math.abs(x - n) < 0.5 - TIE_MARGIN) {
          return (long) n;
        }
      }
    }
    return UNDECIDED;
  }

  /** {@code rounded(v, decimals).doubleValue()}: the same bits (BigDecimal divides k by 10^d too). */
  private static double roundedDouble(double v, int decimals) {
    long k = scaledHalfUp(v, decimals);
    return k == UNDECIDED ? rounded(v, decimals).doubleValue() : k / POW10[decimals];
  }

  /** To 0.01, as reports print areas in m². */
  public static double round2(double v) {
    return roundedDouble(v, 2);
  }

  /** To 0.0001, as areas in mu are kept. */
  public static double round4(double v) {
    return roundedDouble(v, 4);
  }

  /** To 1e-7 degrees (about 1 cm), as coordinates are written. */
  public static double round7(double v) {
    return roundedDouble(v, 7);
  }
}
