package io.landwatch.detect;

/** Otsu's threshold of a sample (256 bins between its 0.1 and 99.9 percentiles): the split that maximises the between-class variance. */
public final class Otsu {
  private Otsu() {}

  public static double threshold(double[] values) {
    double[] v = values.clone();
    java.util.Arrays.sort(v);
    int n = v.length;
    double lo = v[(int) (n * 0.001)];
    double hi = v[Math.min(n - 1, (int) (n * 0.999))];
    if (hi <= lo) {
      return hi;
    }
    int bins = 256;
    long[] h = new long[bins];
    for (double x : v) {
      int b = (int) Math.min(bins - 1, Math.max(0, (x - lo) / (hi - lo) * bins));
      h[b]++;
    }
    double total = 0;
    for (int i = 0; i < bins; i++) {
      total += i * (double) h[i];
    }
    double sumB = 0;
    long wB = 0;
    double best = -1;
    int bestBin = 0;
    for (int t = 0; t < bins; t++) {
      wB += h[t];
      if (wB == 0) {
        continue;
      }
      long wF = n - wB;
      if (wF == 0) {
        break;
      }
      sumB += t * (double) h[t];
      double mB = sumB / wB;
      double mF = (total - sumB) / wF;
      double between = (double) wB * wF * (mB - mF) * (mB - mF);
      if (between > best) {
        best = between;
        bestBin = t;
      }
    }
    return lo + (bestBin + 1) * (hi - lo) / bins;
  }
}
