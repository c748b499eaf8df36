package io.landwatch.detect;

/**
 * The change rule of one pixel, pure: from the before and after reflectances of red, NIR and
 * (optional) green and blue, the change type and the NDVI change. Water first (new or vanished
 * water also moves NDVI and brightness), then construction (brighter, bare, greener before),
 * then vegetation loss.
 */
final class PixelRule {
  private final DetectConfig cfg;

  PixelRule(DetectConfig cfg) {
    this.cfg = cfg;
  }

  /** One window of the two images, as reflectance (NaN for nodata); green/blue may be null. */
  record Window(float[] redB, float[] nirB, float[] greenB, float[] blueB, float[] redA, float[] nirA,
      float[] greenA, float[] blueA, byte[] masked) {}

  /** Classifies every pixel of the window into {@code cls} (ChangeType codes) and {@code dn} (ΔNDVI, NaN where invalid). */
  void classify(Window win, byte[] cls, float[] dn) {
    for (int i = 0; i < cls.length; i++) {
      float ndviB = ndvi(win.redB()[i], win.nirB()[i]);
      float ndviA = ndvi(win.redA()[i], win.nirA()[i]);
      boolean valid = !Float.isNaN(ndviB) && !Float.isNaN(ndviA) && (win.masked() == null || win.masked()[i] == 0)
          && (win.greenB() == null || !Float.isNaN(win.greenB()[i]) && !Float.isNaN(win.greenA()[i]))
          && (win.blueB() == null || !Float.isNaN(win.blueB()[i]) && !Float.isNaN(win.blueA()[i]));
      if (!valid) {
        dn[i] = Float.NaN;
        continue;
      }
      dn[i] = ndviA - ndviB;
      cls[i] = (byte) type(win, i, ndviB, ndviA).code;
    }
  }

  private ChangeType type(Window win, int i, float ndviB, float ndviA) {
    if (win.greenB() != null) {
      float wB = ndvi(win.nirB()[i], win.greenB()[i]);
      float wA = ndvi(win.nirA()[i], win.greenA()[i]);
      if (Math.abs(wA - wB) >= cfg.waterChange() && (wB > 0) != (wA > 0)) {
        return wB > 0 ? ChangeType.WATER_TO_LAND : ChangeType.LAND_TO_WATER;
      }
    }
    float brightB = brightness(win.redB()[i], at(win.greenB(), i), at(win.blueB(), i));
    float brightA = brightness(win.redA()[i], at(win.greenA(), i), at(win.blueA(), i));
    if (brightA - brightB >= cfg.brightnessIncrease() && ndviA <= cfg.bareNdviMax() && ndviB - ndviA > 0) {
      return ChangeType.CONSTRUCTION;
    }
    return ndviB - ndviA >= cfg.ndviDrop() ? ChangeType.VEGETATION_LOSS : ChangeType.NONE;
  }

  private static float at(float[] band, int i) {
    return band == null ? Float.NaN : band[i];
  }

  /** (a − b) / (a + b) as NDVI = (nir − red)/(nir + red) and NDWI = (green − nir)/(green + nir). */
  static float ndvi(float red, float nir) {
    float s = nir + red;
    return Float.isNaN(s) || s == 0 ? Float.NaN : (nir - red) / s;
  }

  /** The mean of the visible bands present. */
  static float brightness(float red, float green, float blue) {
    float sum = red;
    int n = 1;
    if (!Float.isNaN(green)) {
      sum += green;
      n++;
    }
    if (!Float.isNaN(blue)) {
      sum += blue;
      n++;
    }
    return sum / n;
  }
}
