package io.landwatch.detect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The per-pixel change rule on hand-made reflectances, without any raster. */
class PixelRuleTest {
  static final PixelRule RULE = new PixelRule(DetectConfig.defaults());

  /** One pixel: before (red, nir, green), after (red, nir, green); blue absent. */
  static ChangeType classify(float rb, float nb, float gb, float ra, float na, float ga, boolean masked) {
    byte[] cls = new byte[1];
    float[] dn = new float[1];
    RULE.classify(new PixelRule.Window(new float[] {rb}, new float[] {nb}, new float[] {gb}, null,
        new float[] {ra}, new float[] {na}, new float[] {ga}, null, masked ? new byte[] {1} : null, 1), cls, dn);
    return ChangeType.of(cls[0]);
  }

  @Test
  void fieldToBuildingIsConstruction() {
    assertEquals(ChangeType.CONSTRUCTION, classify(0.05f, 0.45f, 0.08f, 0.30f, 0.33f, 0.28f, false));
  }

  @Test
  void clearedVegetationIsVegetationLoss() {
    assertEquals(ChangeType.VEGETATION_LOSS, classify(0.05f, 0.45f, 0.08f, 0.10f, 0.20f, 0.09f, false));
  }

  @Test
  void aNewPondIsLandToWater() {
    assertEquals(ChangeType.LAND_TO_WATER, classify(0.05f, 0.45f, 0.08f, 0.04f, 0.02f, 0.08f, false));
  }

  @Test
  void unchangedNodataAndMaskedPixelsNeverChange() {
    assertEquals(ChangeType.NONE, classify(0.05f, 0.45f, 0.08f, 0.05f, 0.44f, 0.08f, false));
    assertEquals(ChangeType.NONE, classify(0.05f, 0.45f, 0.08f, 0.30f, 0.33f, 0.28f, true), "under the mask");
    byte[] cls = new byte[1];
    float[] dn = new float[1];
    RULE.classify(new PixelRule.Window(new float[] {Float.NaN}, new float[] {0.4f}, null, null,
        new float[] {0.3f}, new float[] {0.3f}, null, null, null, 1), cls, dn);
    assertEquals(0, cls[0]);
    assertTrue(Float.isNaN(dn[0]), "no ΔNDVI where the before image has no data");
  }
}
