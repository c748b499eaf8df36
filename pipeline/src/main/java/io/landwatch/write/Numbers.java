package io.landwatch.write;

import io.landwatch.geo.Units;
import java.math.BigDecimal;

/** Plain decimal text for numbers (never scientific notation), rounded half-up. */
public final class Numbers {
  private Numbers() {}

  public static String plain(double v, int decimals) {
    if (!Double.isFinite(v)) {
      throw new IllegalArgumentException("not a finite number: " + v);
    }
    BigDecimal d = Units.rounded(v, decimals).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }
}
