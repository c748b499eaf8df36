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
    long k = Units.scaledHalfUp(v, decimals);
    if (k != Units.UNDECIDED) {
      return plain(k, decimals);
    }
    BigDecimal d = Units.rounded(v, decimals).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
  }

  /** {@code k × 10^-decimals} as BigDecimal's plain text with trailing zeros stripped. */
  private static String plain(long k, int decimals) {
    if (k == 0) {
      return "0";
    }
    while (decimals > 0 && k % 10 == 0) {
      k /= 10;
      decimals--;
    }
    String digits = Long.toString(Math.abs(k));
    StringBuilder b = new StringBuilder(digits.length() + decimals + 3);
    if (k < 0) {
      b.append('-');
    }
    if (decimals == 0) {
      return b.append(digits).toString();
    }
    int whole = digits.length() - decimals;
    if (whole <= 0) {
      b.append("0.");
      for (int i = whole; i < 0; i++) {
        b.append('0');
      }
      return b.append(digits).toString();
    }
    return b.append(digits, 0, whole).append('.').append(digits, whole, digits.length()).toString();
  }
}
