package io.landwatch.geo;

/** Area units land offices read. */
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

  /** Half-up rounding to 2 decimals, as reports print areas. */
  public static double round2(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  public static double round7(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(7, java.math.RoundingMode.HALF_UP).doubleValue();
  }

  public static double round4(double v) {
    return java.math.BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).doubleValue();
  }
}
