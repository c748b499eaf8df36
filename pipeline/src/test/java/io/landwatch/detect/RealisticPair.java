package io.landwatch.detect;

import io.landwatch.geo.Crs;
import io.landwatch.geo.Gdal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.Vector;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;

/**
 * A generated before/after pair that carries what real imagery has: a landscape of fields of
 * crops, grass, forest, bare soil, buildings and water with texture; true changes (construction,
 * vegetation cleared, new water) on vegetated fields; and, by variant, sensor gain and offset
 * between the dates, a season's browning of all vegetation, haze over the after image, noise, a
 * one-pixel misregistration, and storage as digital numbers without scale tags. Bands: red, NIR,
 * green, blue. The true change of every pixel (after grid) is known.
 *
 * @param name for the results table
 */
record RealisticPair(String name, long seed, boolean gainOffset, boolean phenology, boolean haze, double noise,
    int shiftPx, String storage) {

  static final int SIZE = 384;
  static final double PIXEL = 10;
  static final double MIN_X = 38_440_000;
  static final double MAX_Y = 3_960_000;

  /** Land covers: reflectance of red, NIR, green, blue. */
  enum Cover { CROP, GRASS, FOREST, BARE, BUILT, WATER }

  static List<RealisticPair> all() {
    return List.of(new RealisticPair("clean", 1, false, false, false, 0.003, 0, "float"),
        new RealisticPair("gain and offset", 2, true, false, false, 0.004, 0, "float"),
        new RealisticPair("season (browning)", 3, false, true, false, 0.004, 0, "float"),
        new RealisticPair("haze", 4, false, false, true, 0.004, 0, "float"),
        new RealisticPair("1-pixel shift", 5, false, false, false, 0.004, 1, "float"),
        new RealisticPair("Byte DN, gain, haze", 6, true, false, true, 0.004, 0, "byte"),
        new RealisticPair("UInt16 DN ×10000, season, haze", 7, false, true, true, 0.004, 0, "uint16"),
        new RealisticPair("everything", 8, true, true, true, 0.006, 1, "uint16"));
  }

  /** Writes before.tif and after.tif into {@code dir}; returns the true change per after pixel. */
  boolean[] write(Path dir) {
    Gdal.init();
    SplittableRandom rnd = new SplittableRandom(seed);
    int n = SIZE * SIZE;
    Cover[] cover = new Cover[n];
    double[] vigour = new double[n];
    // fields: a jittered grid of rectangles, one cover and one vigour each
    for (int y0 = 0; y0 < SIZE; ) {
      int hh = 14 + rnd.nextInt(30);
      for (int x0 = 0; x0 < SIZE; ) {
        int ww = 14 + rnd.nextInt(30);
        double r = rnd.nextDouble();
        Cover c = r < 0.42 ? Cover.CROP : r < 0.6 ? Cover.GRASS : r < 0.68 ? Cover.FOREST : r < 0.78 ? Cover.BARE
            : r < 0.94 ? Cover.BUILT : Cover.WATER;
        double v = rnd.nextDouble();
        for (int y = y0; y < Math.min(SIZE, y0 + hh); y++) {
          for (int x = x0; x < Math.min(SIZE, x0 + ww); x++) {
            cover[y * SIZE + x] = c;
            vigour[y * SIZE + x] = v;
          }
        }
        x0 += ww;
      }
      y0 += hh;
    }
    // true changes on vegetated land: construction, vegetation cleared, new water
    Cover[] afterCover = cover.clone();
    boolean[] truth = new boolean[n];
    List<int[]> placed = new ArrayList<>();
    int made = 0;
    for (int attempt = 0; attempt < 4000 && made < 15; attempt++) {
      int w = 6 + rnd.nextInt(16);
      int h = 6 + rnd.nextInt(16);
      int x0 = 4 + rnd.nextInt(SIZE - w - 8);
      int y0 = 4 + rnd.nextInt(SIZE - h - 8);
      // a change takes part of one vegetated field: a house on a plot, a pond dug in a field
      boolean vegetated = true;
      for (int y = y0; y < y0 + h && vegetated; y++) {
        for (int x = x0; x < x0 + w && vegetated; x++) {
          Cover c = cover[y * SIZE + x];
          vegetated = c == Cover.CROP || c == Cover.GRASS || c == Cover.FOREST;
        }
      }
      if (!vegetated || placed.stream().anyMatch(p -> x0 < p[2] + 4 && p[0] < x0 + w + 4 && y0 < p[3] + 4
          && p[1] < y0 + h + 4)) {
        continue;
      }
      placed.add(new int[] {x0, y0, x0 + w, y0 + h});
      Cover to = made % 3 == 0 ? Cover.BUILT : made % 3 == 1 ? Cover.BARE : Cover.WATER;
      made++;
      for (int y = y0; y < y0 + h; y++) {
        for (int x = x0; x < x0 + w; x++) {
          afterCover[y * SIZE + x] = to;
          truth[y * SIZE + x] = true;
        }
      }
    }
    float[][] before = new float[4][n];
    float[][] after = new float[4][n];
    for (int i = 0; i < n; i++) {
      double tex = 1 + rnd.nextDouble(-0.04, 0.04);
      spectrum(cover[i], vigour[i], tex, false, before, i);
      spectrum(afterCover[i], vigour[i], tex, phenology, after, i);
    }
    // the after scene as the sensor sees it: gain/offset, haze, noise, misregistration
    double[] gain = {1.18, 0.88, 1.10, 1.22};
    double[] offset = {0.012, -0.015, 0.008, 0.02};
    double[] path = {0.028, 0.012, 0.038, 0.055};
    float[][] seen = new float[4][n];
    for (int b = 0; b < 4; b++) {
      for (int y = 0; y < SIZE; y++) {
        for (int x = 0; x < SIZE; x++) {
          int sx = Math.max(0, x - shiftPx);
          double v = after[b][y * SIZE + sx];
          if (gainOffset) {
            v = v * gain[b] + offset[b];
          }
          if (haze) {
            v += path[b] * (0.7 + 0.6 * x / (double) SIZE);
          }
          seen[b][y * SIZE + x] = (float) (v + rnd.nextDouble(-noise, noise));
        }
      }
      for (int i = 0; i < n; i++) {
        before[b][i] = (float) (before[b][i] + rnd.nextDouble(-noise, noise));
      }
    }
    boolean[] seenTruth = new boolean[n];
    for (int y = 0; y < SIZE; y++) {
      for (int x = 0; x < SIZE; x++) {
        seenTruth[y * SIZE + x] = truth[y * SIZE + Math.max(0, x - shiftPx)];
      }
    }
    store(dir.resolve("before.tif"), before);
    store(dir.resolve("after.tif"), seen);
    return seenTruth;
  }

  private static void spectrum(Cover c, double v, double tex, boolean browned, float[][] out, int i) {
    double red;
    double nir;
    double green;
    double blue;
    switch (c) {
      case CROP, GRASS, FOREST -> {
        double ndvi = c == Cover.CROP ? 0.55 + 0.25 * v : c == Cover.GRASS ? 0.42 + 0.15 * v : 0.8;
        if (browned) {
          ndvi -= 0.12 + 0.04 * v;
        }
        nir = (c == Cover.FOREST ? 0.30 : 0.34 + 0.08 * v) * (browned ? 0.9 : 1);
        red = nir * (1 - ndvi) / (1 + ndvi);
        green = 0.06 + 0.03 * v;
        blue = 0.04;
      }
      case BARE -> {
        red = 0.20 + 0.04 * v;
        nir = 0.27 + 0.04 * v;
        green = 0.16;
        blue = 0.12;
      }
      case BUILT -> {
        red = 0.24 + 0.06 * v;
        nir = 0.26 + 0.05 * v;
        green = 0.23 + 0.05 * v;
        blue = 0.21 + 0.05 * v;
      }
      default -> {
        red = 0.03;
        nir = 0.02;
        green = 0.06;
        blue = 0.08;
      }
    }
    out[0][i] = (float) (red * tex);
    out[1][i] = (float) (nir * tex);
    out[2][i] = (float) (green * tex);
    out[3][i] = (float) (blue * tex);
  }

  /** Reflectance as stored: Float32 (no tags), Byte DN × 255 or UInt16 DN × 10000, both without scale tags. */
  private void store(Path file, float[][] bands) {
    int type = storage.equals("byte") ? gdalconst.GDT_Byte : storage.equals("uint16") ? gdalconst.GDT_UInt16
        : gdalconst.GDT_Float32;
    Dataset d = gdal.GetDriverByName("GTiff").Create(file.toString(), SIZE, SIZE, 4, type,
        new Vector<>(List.of("TILED=YES", "COMPRESS=DEFLATE")));
    d.SetGeoTransform(new double[] {MIN_X, PIXEL, 0, MAX_Y, 0, -PIXEL});
    d.SetProjection(Crs.epsg(4526).wkt());
    for (int b = 0; b < 4; b++) {
      float[] v = bands[b].clone();
      double k = storage.equals("byte") ? 255 : storage.equals("uint16") ? 10_000 : 1;
      for (int i = 0; i < v.length; i++) {
        v[i] = (float) (k == 1 ? v[i] : Math.max(1, Math.min(storage.equals("byte") ? 255 : 65_535, Math.round(v[i] * k))));
      }
      d.GetRasterBand(b + 1).WriteRaster(0, 0, SIZE, SIZE, SIZE, SIZE, gdalconst.GDT_Float32, v);
    }
    d.delete();
  }
}
