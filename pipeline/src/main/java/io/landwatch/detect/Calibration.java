package io.landwatch.detect;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the before image is brought onto the after image, and when a pixel has changed, fitted per
 * scene ({@link #fit}): per band a linear relative radiometric normalisation (gain, offset) from
 * the pixels that did not change, found iteratively (the idea of iteratively reweighted MAD,
 * Nielsen 2007, with a robust per-band linear fit); the spread of the no-change residuals per
 * band; and a change threshold on the standardised change magnitude (CVA), the chi-square
 * quantile of the no-change distribution. Pure; bands in the order red, NIR, green, blue (those
 * present).
 *
 * @param gain per band: after ≈ gain × before + offset on unchanged land
 * @param offset per band
 * @param sigma per band: robust spread of the residual on unchanged land
 * @param r2 per band: R² of the fit on unchanged land
 * @param threshold squared standardised magnitude above which a pixel has changed: the chi-square
 *     quantile
 * @param otsu Otsu's split of the same magnitude (squared), for the log
 * @param invariantShare the share of the samples found unchanged
 * @param misregistered whether the dates are offset by about a pixel: then an after pixel that
 *     matches a neighbour of its place in the before image has not changed (the guard is on)
 */
public record Calibration(float[] gain, float[] offset, float[] sigma, double[] r2, double threshold, double otsu,
    double invariantShare, boolean misregistered) {

  /** No normalisation: the fixed reflectance rules of earlier releases. */
  static Calibration none(int bands) {
    float[] one = new float[bands];
    Arrays.fill(one, 1f);
    return new Calibration(one, new float[bands], one.clone(), new double[bands], Double.NaN, Double.NaN, 1, false);
  }

  boolean adaptive() {
    return !Double.isNaN(threshold);
  }

  /**
   * Fits the calibration from paired samples ({@code before[band][i]}, {@code after[band][i]}, no
   * NaN).
   *
   * @param changeProbability the no-change quantile of the threshold (e.g. 0.9999)
   */
  static Calibration fit(float[][] before, float[][] after, double changeProbability) {
    int k = before.length;
    int n = before[0].length;
    if (n < 100) {
      throw new IllegalArgumentException("too few valid pixels to calibrate (" + n + ")");
    }
    boolean[] keep = new boolean[n];
    Arrays.fill(keep, true);
    float[] gain = new float[k];
    float[] offset = new float[k];
    float[] sigma = new float[k];
    double[] r2 = new double[k];
    double limit = chiSquareQuantile(0.99, k);
    double[] m2 = new double[n];
    int kept = n;
    for (int iter = 0; iter < 8; iter++) {
      for (int b = 0; b < k; b++) {
        double[] fit = robustLine(before[b], after[b], keep);
        gain[b] = (float) fit[0];
        offset[b] = (float) fit[1];
        r2[b] = fit[2];
        sigma[b] = (float) Math.max(1e-4, residualSpread(before[b], after[b], keep, gain[b], offset[b]));
      }
      int now = 0;
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int b = 0; b < k; b++) {
          double r = (after[b][i] - (gain[b] * before[b][i] + offset[b])) / sigma[b];
          s += r * r;
        }
        m2[i] = s;
        keep[i] = s <= limit;
        now += keep[i] ? 1 : 0;
      }
      if (now == kept) {
        break;
      }
      kept = now;
    }
    // Unchanged land is not all alike (fields green up or brown at their own pace, haze is not
    // uniform): the spread that decides "changed" is the robust spread of the residuals over the
    // whole scene, which such variation widens and the few changed pixels do not.
    boolean[] all = new boolean[n];
    Arrays.fill(all, true);
    double[] m = new double[n];
    for (int b = 0; b < k; b++) {
      sigma[b] = (float) Math.max(1e-4, residualSpread(before[b], after[b], all, gain[b], offset[b]));
    }
    for (int i = 0; i < n; i++) {
      double s2 = 0;
      for (int b = 0; b < k; b++) {
        double r = (after[b][i] - (gain[b] * before[b][i] + offset[b])) / sigma[b];
        s2 += r * r;
      }
      m[i] = Math.sqrt(s2);
    }
    double otsu = Otsu.threshold(m);
    return new Calibration(gain, offset, sigma, r2, chiSquareQuantile(changeProbability, k), otsu * otsu,
        kept / (double) n, false);
  }

  /** This calibration with the misregistration guard on or off. */
  Calibration withMisregistration(boolean on) {
    return new Calibration(gain, offset, sigma, r2, threshold, otsu, invariantShare, on);
  }

  /**
   * Whether a full-resolution window of both images ({@code [band][pixel]}, {@code w} wide) looks
   * misregistered: the fine detail of the NIR band (each pixel minus its 3 × 3 mean, blind to haze
   * and gain) of the after image correlates better with a one-pixel shift of the before image than
   * with the before image in place.
   */
  static boolean looksMisregistered(float[][] before, float[][] after, int w) {
    int h = before[1].length / w;
    double[] hb = highPass(before[1], w, h);
    double[] ha = highPass(after[1], w, h);
    double centre = Double.NaN;
    double best = Double.NEGATIVE_INFINITY;
    for (int dy = -1; dy <= 1; dy++) {
      for (int dx = -1; dx <= 1; dx++) {
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int y = 2; y < h - 2; y++) {
          for (int x = 2; x < w - 2; x++) {
            double va = ha[y * w + x];
            double vb = hb[(y + dy) * w + x + dx];
            if (!Double.isNaN(va) && !Double.isNaN(vb)) {
              sab += va * vb;
              saa += va * va;
              sbb += vb * vb;
            }
          }
        }
        double r = saa == 0 || sbb == 0 ? 0 : sab / Math.sqrt(saa * sbb);
        if (dx == 0 && dy == 0) {
          centre = r;
        } else {
          best = Math.max(best, r);
        }
      }
    }
    return best > centre;
  }

  private static double[] highPass(float[] v, int w, int h) {
    double[] out = new double[v.length];
    java.util.Arrays.fill(out, Double.NaN);
    for (int y = 1; y < h - 1; y++) {
      for (int x = 1; x < w - 1; x++) {
        double sum = 0;
        for (int dy = -1; dy <= 1; dy++) {
          for (int dx = -1; dx <= 1; dx++) {
            sum += v[(y + dy) * w + x + dx];
          }
        }
        out[y * w + x] = v[y * w + x] - sum / 9;
      }
    }
    return out;
  }

  /** Least squares of after on before over the kept samples: {gain, offset, R²}. */
  private static double[] robustLine(float[] x, float[] y, boolean[] keep) {
    double sx = 0;
    double sy = 0;
    double sxx = 0;
    double sxy = 0;
    double syy = 0;
    long m = 0;
    for (int i = 0; i < x.length; i++) {
      if (keep[i]) {
        sx += x[i];
        sy += y[i];
        sxx += (double) x[i] * x[i];
        sxy += (double) x[i] * y[i];
        syy += (double) y[i] * y[i];
        m++;
      }
    }
    double vx = sxx - sx * sx / m;
    double vy = syy - sy * sy / m;
    double cxy = sxy - sx * sy / m;
    if (vx <= 1e-12) {
      return new double[] {1, (sy - sx) / m, 0};
    }
    double g = cxy / vx;
    return new double[] {g, (sy - g * sx) / m, vy <= 0 ? 0 : cxy * cxy / (vx * vy)};
  }

  /** 1.4826 × the median absolute residual: the spread of the residuals, blind to the changed few. */
  private static double residualSpread(float[] x, float[] y, boolean[] keep, float g, float o) {
    int m = 0;
    for (boolean b : keep) {
      m += b ? 1 : 0;
    }
    float[] r = new float[m];
    int j = 0;
    for (int i = 0; i < x.length; i++) {
      if (keep[i]) {
        r[j++] = Math.abs(y[i] - (g * x[i] + o));
      }
    }
    Arrays.sort(r);
    return 1.4826 * r[m / 2];
  }

  /**
   * The p-quantile of chi-square with k degrees of freedom (Wilson–Hilferty: for 2–4 bands and p up
   * to 0.9999 at most 3 % high, which errs toward fewer false changes).
   */
  static double chiSquareQuantile(double p, int k) {
    double z = normalQuantile(p);
    double a = 2.0 / (9 * k);
    double c = 1 - a + z * Math.sqrt(a);
    return k * c * c * c;
  }

  /** The standard normal p-quantile (Acklam's rational approximation, relative error below 1.2e-9). */
  static double normalQuantile(double p) {
    double[] a = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02,
        -3.066479806614716e+01, 2.506628277459239e+00};
    double[] b = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01,
        -1.328068155288572e+01};
    double[] c = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00,
        4.374664141464968e+00, 2.938163982698783e+00};
    double[] d = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    if (p < 0.02425) {
      double q = Math.sqrt(-2 * Math.log(p));
      return (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5])
          / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    if (p > 1 - 0.02425) {
      return -normalQuantile(1 - p);
    }
    double q = p - 0.5;
    double r = q * q;
    return (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q
        / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
  }

  /** One line per band for the log. */
  String describe(String[] names) {
    StringBuilder s = new StringBuilder();
    for (int b = 0; b < gain.length; b++) {
      s.append(String.format(Locale.ROOT, "%s%s: gain %.4f, offset %+.4f, R² %.3f, σ %.4f", b == 0 ? "" : "; ",
          names[b], gain[b], offset[b], r2[b], sigma[b]));
    }
    return s.append(String.format(Locale.ROOT, "; change threshold %.1f (squared standardised magnitude; Otsu's"
        + " split %.1f), %.1f %% of the samples unchanged; misregistration guard %s", threshold, otsu,
        invariantShare * 100, misregistered ? "on (the dates look shifted by about a pixel)" : "off")).toString();
  }
}
