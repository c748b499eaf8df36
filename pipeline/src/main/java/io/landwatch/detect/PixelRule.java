package io.landwatch.detect;

/**
 * The change rule of one pixel, pure: from the before and after reflectances of red, NIR and
 * (optional) green and blue, the change type and the NDVI change. Water first (new or vanished
 * water also moves NDVI and brightness), then construction (brighter, bare, greener before),
 * then vegetation loss.
 */
final class PixelRule {
  private final DetectConfig cfg;
  private final Calibration cal;

  /** The fixed reflectance rules (method: fixed). */
  PixelRule(DetectConfig cfg) {
    this(cfg, null);
  }

  /**
   * @param cal the scene's calibration (method: adaptive): a pixel has changed when its
   *     standardised change magnitude passes the scene's threshold against the normalised before
   *     image, at its own place and at each of its 8 neighbours (a 1-pixel misregistration of an
   *     edge is not a change); the index rules then only say what kind of change it is
   */
  PixelRule(DetectConfig cfg, Calibration cal) {
    this.cfg = cfg;
    this.cal = cal;
  }

  /**
   * One window of the two images, as reflectance (NaN for nodata); green/blue may be null.
   *
   * @param width the window's width in pixels (rows follow each other)
   */
  record Window(float[] redB, float[] nirB, float[] greenB, float[] blueB, float[] redA, float[] nirA,
      float[] greenA, float[] blueA, byte[] masked, int width) {

    /** The before bands present, in calibration order: red, NIR, green, blue. */
    float[][] before() {
      return present(redB, nirB, greenB, blueB);
    }

    float[][] after() {
      return present(redA, nirA, greenA, blueA);
    }

    private static float[][] present(float[]... bands) {
      return java.util.Arrays.stream(bands).filter(java.util.Objects::nonNull).toArray(float[][]::new);
    }
  }

  /** Classifies every pixel of the window into {@code cls} (ChangeType codes) and {@code dn} (ΔNDVI, NaN where invalid). */
  void classify(Window win, byte[] cls, float[] dn) {
    if (cal != null && cal.adaptive()) {
      adaptive(win, cls, dn);
      return;
    }
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

  private void adaptive(Window win, byte[] cls, float[] dn) {
    float[][] b = win.before();
    float[][] a = win.after();
    int k = b.length;
    int n = cls.length;
    int w = win.width();
    int h = n / w;
    // the before image normalised onto the after one, NaN where a band is missing or masked
    float[][] nb = new float[k][n];
    boolean[] valid = new boolean[n];
    for (int i = 0; i < n; i++) {
      boolean ok = win.masked() == null || win.masked()[i] == 0;
      for (int j = 0; j < k && ok; j++) {
        ok = !Float.isNaN(b[j][i]) && !Float.isNaN(a[j][i]);
      }
      valid[i] = ok;
      for (int j = 0; j < k; j++) {
        nb[j][i] = cal.gain()[j] * b[j][i] + cal.offset()[j];
      }
    }
    double t = cal.threshold();
    for (int i = 0; i < n; i++) {
      if (!valid[i]) {
        dn[i] = Float.NaN;
        continue;
      }
      float ndviB = ndvi(nb[0][i], nb[1][i]);
      float ndviA = ndvi(a[0][i], a[1][i]);
      dn[i] = ndviA - ndviB;
      if (magnitude(a, nb, i, i) < t || cal.misregistered() && matchesANeighbour(a, nb, valid, i, w, h, t)) {
        continue;
      }
      // the change must show on the raw before image too: a normalisation fitted to the scene's
      // majority (vegetation in its season) can put a dark target (water) on the wrong side, and
      // haze with gain can make browned fields look bare in raw values: the two views must agree
      ChangeType normalised = kind(nb, a, i, ndviB, ndviA);
      ChangeType raw = normalised == ChangeType.NONE ? ChangeType.NONE : kind(b, a, i, ndvi(b[0][i], b[1][i]), ndviA);
      cls[i] = (byte) agreed(normalised, raw).code;
    }
  }

  /** Squared standardised distance between the after pixel i and the normalised before pixel j. */
  private double magnitude(float[][] a, float[][] nb, int i, int j) {
    double s = 0;
    for (int b = 0; b < a.length; b++) {
      double r = (a[b][i] - nb[b][j]) / cal.sigma()[b];
      s += r * r;
    }
    return s;
  }

  private boolean matchesANeighbour(float[][] a, float[][] nb, boolean[] valid, int i, int w, int h, double t) {
    int x = i % w;
    int y = i / w;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        int xx = x + dx;
        int yy = y + dy;
        if ((dx != 0 || dy != 0) && xx >= 0 && yy >= 0 && xx < w && yy < h && valid[yy * w + xx]
            && magnitude(a, nb, i, yy * w + xx) < t) {
          return true;
        }
      }
    }
    return false;
  }

  /**
   * What kind of change a changed pixel shows, on the normalised before image: water filled or
   * drained (NDWI crossing 0), construction or bare soil (brighter, bare after, greener before),
   * vegetation loss (NDVI down); a change that is none of these (greening, shadow) is not reported.
   */
  private ChangeType kind(float[][] nb, float[][] a, int i, float ndviB, float ndviA) {
    boolean green = a.length >= 3;
    if (green) {
      float wB = ndvi(nb[1][i], nb[2][i]);
      float wA = ndvi(a[1][i], a[2][i]);
      // open water is clearly positive; hazy concrete hovers at 0 and must not flicker into water
      if (Math.abs(wA - wB) >= cfg.waterChange() / 2 && (wA >= WATER_NDWI && wB <= 0 || wB >= WATER_NDWI && wA <= 0)) {
        return wB > 0 ? ChangeType.WATER_TO_LAND : ChangeType.LAND_TO_WATER;
      }
    }
    float brightB = brightness(nb[0][i], green ? nb[2][i] : Float.NaN, a.length >= 4 ? nb[3][i] : Float.NaN);
    float brightA = brightness(a[0][i], green ? a[2][i] : Float.NaN, a.length >= 4 ? a[3][i] : Float.NaN);
    if (brightA > brightB && ndviA <= cfg.bareNdviMax() && ndviB - ndviA > 0) {
      return ChangeType.CONSTRUCTION;
    }
    // cleared, not browned: a season's browning leaves the field vegetated
    return ndviB - ndviA >= cfg.ndviDrop() / 2 && ndviA <= cfg.bareNdviMax() + SPARSE_MARGIN
        ? ChangeType.VEGETATION_LOSS : ChangeType.NONE;
  }

  /**
   * The kind both views agree on: the same kind; or water, when the raw images show water filled or
   * drained (the sign of NDWI does not care for gains or haze) and the normalised view saw a change;
   * else none.
   */
  static ChangeType agreed(ChangeType normalised, ChangeType raw) {
    if (normalised == raw) {
      return normalised;
    }
    boolean rawWater = raw == ChangeType.LAND_TO_WATER || raw == ChangeType.WATER_TO_LAND;
    return rawWater && normalised != ChangeType.NONE ? raw : ChangeType.NONE;
  }

  /** NDWI at or above which a pixel is open water (and at or below 0 land). */
  static final float WATER_NDWI = 0.1f;

  /** How far above bare soil's NDVI a cleared field may still be (sparse regrowth, mixed edge pixels). */
  static final float SPARSE_MARGIN = 0.2f;

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
