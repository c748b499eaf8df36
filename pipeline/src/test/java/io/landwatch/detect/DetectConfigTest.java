package io.landwatch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.LandwatchException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The radiometry settings of detect.yaml: defaults, per-band scale, clear errors. */
class DetectConfigTest {
  @TempDir Path dir;

  DetectConfig load(String yaml) throws Exception {
    Path f = dir.resolve("detect.yaml");
    Files.writeString(f, yaml);
    return DetectConfig.load(f);
  }

  @Test
  void adaptiveByDefaultAndScalesPerBand() throws Exception {
    assertTrue(load("bands: {red: 1, nir: 2}\n").radiometry().adaptive());
    DetectConfig c = load("radiometry: {method: fixed, change_probability: 0.999, scale: {red: 0.0001, nir: 0.0001},"
        + " offset: {red: -0.1}}\n");
    assertEquals("fixed", c.radiometry().method());
    assertEquals(0.999, c.radiometry().changeProbability());
    assertEquals(Map.of("red", 0.0001, "nir", 0.0001), c.radiometry().scale());
    assertEquals(Map.of("red", -0.1), c.radiometry().offset());
  }

  @Test
  void badRadiometrySettingsAreNamed() {
    LandwatchException e = assertThrows(LandwatchException.class, () -> load("radiometry: {method: magic}\n"));
    assertTrue(e.getMessage().contains("'radiometry.method' is 'magic'; use adaptive or fixed"), e.getMessage());
    e = assertThrows(LandwatchException.class, () -> load("radiometry: {scale: {swir: 0.0001}}\n"));
    assertTrue(e.getMessage().contains("'radiometry.scale.swir' is not a known key"), e.getMessage());
    e = assertThrows(LandwatchException.class, () -> load("radiometry: {change_probability: 2}\n"));
    assertTrue(e.getMessage().contains("between 0.5 and 1"), e.getMessage());
  }

  @Test
  void chiSquareQuantilesMatchTheTables() {
    // reference values from standard chi-square tables; Wilson–Hilferty errs high by up to 3 % at 4 bands
    for (double[] q : new double[][] {{0.99, 13.277}, {0.999, 18.467}, {0.9999, 23.513}}) {
      double got = Calibration.chiSquareQuantile(q[0], 4);
      assertTrue(got >= q[1] && got <= q[1] * 1.03, q[0] + ": " + got);
    }
    assertEquals(3.0902, Calibration.normalQuantile(0.999), 1e-4);
  }
}
