package io.landwatch.detect;

/**
 * Binary morphology on byte rasters (non-zero = set) with a square structuring element:
 * opening = erosion then dilation, which removes specks narrower than 2r + 1 pixels and keeps
 * larger shapes as they were. Separable min/max filters, so cost does not grow with r².
 */
final class Morphology {
  private Morphology() {}

  /** Opening of {@code mask} (w × h) with radius r; pixels outside the array count as unset. */
  static byte[] open(byte[] mask, int w, int h, int r) {
    if (r <= 0) {
      return mask;
    }
    return filter(filter(mask, w, h, r, true), w, h, r, false);
  }

  private static byte[] filter(byte[] in, int w, int h, int r, boolean erode) {
    byte[] tmp = new byte[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        tmp[y * w + x] = window(in, w, h, x, y, r, erode, true);
      }
    }
    byte[] out = new byte[in.length];
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        out[y * w + x] = window(tmp, w, h, x, y, r, erode, false);
      }
    }
    return out;
  }

  private static byte window(byte[] a, int w, int h, int x, int y, int r, boolean erode, boolean horizontal) {
    for (int k = -r; k <= r; k++) {
      int xx = horizontal ? x + k : x;
      int yy = horizontal ? y : y + k;
      boolean set = xx >= 0 && yy >= 0 && xx < w && yy < h && a[yy * w + xx] != 0;
      if (erode && !set) {
        return 0;
      }
      if (!erode && set) {
        return 1;
      }
    }
    return (byte) (erode ? 1 : 0);
  }
}
