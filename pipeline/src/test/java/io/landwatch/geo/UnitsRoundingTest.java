package io.landwatch.geo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.landwatch.write.Numbers;
import java.math.BigDecimal;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The fast rounding gives BigDecimal's answer bit for bit and character for character: on seeded
 * coordinates and areas, on exact decimal ties (0.125, 38500000.00000005), near ties, zeros of
 * either sign, and values too large for the fast path.
 */
class UnitsRoundingTest {
  private static double reference(double v, int d) {
    return Units.rounded(v, d).doubleValue();
  }

  private static String referenceText(double v, int d) {
    BigDecimal x = Units.rounded(v, d).stripTrailingZeros();
    if (x.signum() == 0) {
      return "0";
    }
    return x.scale() < 0 ? x.setScale(0).toPlainString() : x.toPlainString();
  }

  private static void check(double v) {
    assertEquals(Double.doubleToRawLongBits(reference(v, 2)), Double.doubleToRawLongBits(Units.round2(v)), "round2 " + v);
    assertEquals(Double.doubleToRawLongBits(reference(v, 4)), Double.doubleToRawLongBits(Units.round4(v)), "round4 " + v);
    assertEquals(Double.doubleToRawLongBits(reference(v, 7)), Double.doubleToRawLongBits(Units.round7(v)), "round7 " + v);
    for (int d : new int[] {0, 2, 4, 7, 10}) {
      assertEquals(referenceText(v, d), Numbers.plain(v, d), "plain " + v + " to " + d);
    }
  }

  @Test
  void seededCoordinatesAndAreasRoundAsBigDecimalDoes() {
    SplittableRandom r = new SplittableRandom(20261130);
    for (int i = 0; i < 40_000; i++) {
      check(r.nextDouble(73, 136));                 // longitudes
      check(-r.nextDouble(0, 90));                  // southern latitudes
      check(r.nextDouble(38_000_000, 39_000_000));  // Gauss-Kruger eastings with the zone prefix
      check(r.nextDouble(0, 5e6) * r.nextDouble()); // areas in m²
      check(r.nextDouble(-1e-6, 1e-6));             // around zero
    }
  }

  @Test
  void decimalTiesGoHalfUpOnTheirShortestText() {
    double[] ties = {0.125, 0.005, 2.675, -2.675, 1.00005, 113.12345675, 38500000.00000005, 0.5, -0.5, 1.5, 2.5,
        1e-7 / 2, -1e-7 / 2, 12345678.905, 666.66665};
    for (double v : ties) {
      check(v);
    }
    SplittableRandom r = new SplittableRandom(7);
    for (int i = 0; i < 25_000; i++) {
      long k = r.nextLong(-10_000_000_000L, 10_000_000_000L);
      check((k + 0.5) / 1e7); // ties at 7 places, as near as a double gets
      check((k + 0.5) / 100);
      check(Math.nextUp((k + 0.5) / 1e4));
      check(Math.nextDown((k + 0.5) / 1e4));
    }
  }

  @Test
  void zerosLargeValuesAndWholeNumbers() {
    for (double v : new double[] {0.0, -0.0, -1e-12, 1e-12, 1e15, -1e15, 123456789012.345, 1e300, 181.0, 100.0, -100.0,
        Double.MIN_VALUE, 4503599627370496.5}) {
      check(v);
    }
  }
}
