package io.landwatch.detect;

import io.landwatch.LandwatchException;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Gdal;
import io.landwatch.util.ProgressLog;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.locationtech.jts.geom.Geometry;

/**
 * Candidate change patches from a before/after raster pair ({@link RasterPair}). Per block (with
 * a halo, so nothing changes at block edges) each pixel is classified by the change rule
 * ({@link PixelRule}), nodata and masked pixels never change, and a morphological opening drops
 * speckle; the class raster is then polygonized whole ({@link Polygonizer}). Memory holds one
 * block, not the image.
 */
public final class ChangeDetector {
  private static final Logger LOG = Logger.getLogger("landwatch");

  /** One detected patch. */
  public record DetectedPatch(String id, ChangeType type, Geometry geometry, long pixels, double meanDeltaNdvi,
      double areaM2) {}

  /** All patches, their CRS and the image dates. */
  public record Result(List<DetectedPatch> patches, Crs crs, LocalDate before, LocalDate after, boolean warped) {}

  /** GDAL raster block cache while detecting. */
  static final int CACHE_BYTES = 128 << 20;

  private final DetectConfig cfg;
  private final int progressSeconds;

  public ChangeDetector(DetectConfig cfg, int progressSeconds) {
    this.cfg = cfg;
    this.progressSeconds = progressSeconds;
  }

  /** Detects the changes from {@code beforePath} to {@code afterPath}, on the after image's grid. */
  public Result detect(Path beforePath, Path afterPath) {
    Gdal.init();
    // GDAL's raster block cache defaults to 5 % of RAM; blocks are read once here, so a small
    // cache keeps memory bounded whatever the image size.
    gdal.SetCacheMax(CACHE_BYTES);
    try (RasterPair pair = new RasterPair(cfg, beforePath, afterPath)) {
      Calibration cal = calibrate(pair);
      Dataset classes = pair.raster("classes.tif", gdalconst.GDT_Byte);
      Dataset changed = pair.raster("changed.tif", gdalconst.GDT_Byte);
      Dataset delta = pair.raster("dndvi.tif", gdalconst.GDT_Float32);
      classify(pair, classes, changed, delta, cal);
      classes.FlushCache();
      changed.FlushCache();
      delta.FlushCache();
      List<DetectedPatch> patches = new Polygonizer(cfg).polygonize(changed, classes, delta, pair.crs,
          pair.geoTransform(), pair.afterDate);
      return new Result(patches, pair.crs, pair.beforeDate, pair.afterDate, pair.warped);
    }
  }

  /** Pixels sampled for the calibration: the scene read decimated to at most this many per side. */
  static final int SAMPLE_SIDE = 1024;

  /**
   * The scene's calibration (radiometry.method adaptive), from a decimated read of both images;
   * logs each band's statistics on both dates and the fit. Fixed method: none.
   */
  private Calibration calibrate(RasterPair pair) {
    int[] idx = pair.bands();
    String[] names = new String[idx.length];
    String[] all = {"red", "nir", "green", "blue"};
    for (int k = 0; k < idx.length; k++) {
      names[k] = all[k];
    }
    if (!cfg.radiometry().adaptive()) {
      LOG.info("detect: fixed reflectance thresholds (radiometry.method: fixed)");
      return Calibration.none(idx.length);
    }
    float[][][] s = pair.samples(SAMPLE_SIDE);
    for (int k = 0; k < idx.length; k++) {
      LOG.info(String.format(Locale.ROOT, "detect: %s before mean %.4f sd %.4f, after mean %.4f sd %.4f (%d samples)",
          names[k], mean(s[0][k]), sd(s[0][k]), mean(s[1][k]), sd(s[1][k]), s[0][k].length));
    }
    if (s[0][0].length < 100) {
      throw LandwatchException.invalidInput("The two images share fewer than 100 valid pixels (of the " + SAMPLE_SIDE
          + "² sampled): check the nodata values, the mask and that they cover the same place.");
    }
    Calibration cal = Calibration.fit(s[0], s[1], cfg.radiometry().changeProbability());
    // a full-resolution window in the middle of the scene tells whether the dates are misregistered
    int side = Math.min(512, Math.min(pair.width(), pair.height()));
    PixelRule.Window mid = pair.window((pair.width() - side) / 2, (pair.height() - side) / 2, side, side);
    cal = cal.withMisregistration(Calibration.looksMisregistered(mid.before(), mid.after(), side));
    LOG.info("detect: relative radiometric normalisation of the before image: " + cal.describe(names));
    return cal;
  }

  private static double mean(float[] v) {
    double sum = 0;
    for (float x : v) {
      sum += x;
    }
    return v.length == 0 ? Double.NaN : sum / v.length;
  }

  private static double sd(float[] v) {
    double m = mean(v);
    double sum = 0;
    for (float x : v) {
      sum += (x - m) * (x - m);
    }
    return v.length < 2 ? Double.NaN : Math.sqrt(sum / (v.length - 1));
  }

  private void classify(RasterPair pair, Dataset classes, Dataset changed, Dataset delta, Calibration cal) {
    int w = pair.width();
    int h = pair.height();
    int bs = cfg.blockSize();
    // the opening reaches 2 × its radius; the misregistration guard one pixel more
    int halo = 2 * cfg.openingRadius() + 1;
    long blocks = (long) ((w + bs - 1) / bs) * ((h + bs - 1) / bs);
    PixelRule rule = new PixelRule(cfg, cal);
    ProgressLog progress = new ProgressLog("detect", (long) w * h, progressSeconds, "pixels");
    LOG.info(String.format(Locale.ROOT, "detect: %d × %d pixels in %d blocks of %d", w, h, blocks, bs));
    for (int by = 0; by < h; by += bs) {
      for (int bx = 0; bx < w; bx += bs) {
        int cw = Math.min(bs, w - bx);
        int ch = Math.min(bs, h - by);
        int x0 = Math.max(0, bx - halo);
        int y0 = Math.max(0, by - halo);
        int ww = Math.min(w, bx + cw + halo) - x0;
        int hh = Math.min(h, by + ch + halo) - y0;
        byte[] cls = new byte[ww * hh];
        float[] dn = new float[ww * hh];
        rule.classify(pair.window(x0, y0, ww, hh), cls, dn);
        byte[] opened = Morphology.open(cls, ww, hh, cfg.openingRadius());
        byte[] core = new byte[cw * ch];
        float[] coreDn = new float[cw * ch];
        for (int y = 0; y < ch; y++) {
          for (int x = 0; x < cw; x++) {
            int i = (by - y0 + y) * ww + (bx - x0 + x);
            core[y * cw + x] = opened[i] != 0 ? cls[i] : 0;
            coreDn[y * cw + x] = dn[i];
          }
        }
        classes.GetRasterBand(1).WriteRaster(bx, by, cw, ch, cw, ch, gdalconst.GDT_Byte, core);
        byte[] any = new byte[core.length];
        for (int i = 0; i < core.length; i++) {
          any[i] = (byte) (core[i] != 0 ? 1 : 0);
        }
        changed.GetRasterBand(1).WriteRaster(bx, by, cw, ch, cw, ch, gdalconst.GDT_Byte, any);
        delta.GetRasterBand(1).WriteRaster(bx, by, cw, ch, cw, ch, gdalconst.GDT_Float32, coreDn);
        progress.advance((long) cw * ch);
      }
    }
    progress.done();
  }
}
