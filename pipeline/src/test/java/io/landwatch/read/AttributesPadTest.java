package io.landwatch.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Dates are written as {@code %04d-%02d-%02d} without a Formatter: the same text for every value. */
class AttributesPadTest {
  @Test
  void padsAsTheFormatterDoes() {
    for (int width : new int[] {2, 4}) {
      for (int v = -12_345; v <= 12_345; v++) {
        String expected = String.format(Locale.ROOT, "%0" + width + "d", v);
        assertEquals(expected, Attributes.pad(new StringBuilder(), v, width).toString(), v + " to " + width);
      }
    }
  }
}
