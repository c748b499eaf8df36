package io.landwatch.detect;

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
      Dataset classes = pair.raster("classes.tif", gdalconst.GDT_Byte);
      Dataset delta = pair.raster("dndvi.tif", gdalconst.GDT_Float32);
      classify(pair, classes, delta);
      classes.FlushCache();
      delta.FlushCache();
      List<DetectedPatch> patches = new Polygonizer(cfg).polygonize(classes, delta, pair.crs, pair.geoTransform(),
          pair.afterDate);
      return new Result(patches, pair.crs, pair.beforeDate, pair.afterDate, pair.warped);
    }
  }

  private void classify(RasterPair pair, Dataset classes, Dataset delta) {
    int w = pair.width();
    int h = pair.height();
    int bs = cfg.blockSize();
    int halo = 2 * cfg.openingRadius();
    long blocks = (long) ((w + bs - 1) / bs) * ((h + bs - 1) / bs);
    PixelRule rule = new PixelRule(cfg);
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
        delta.GetRasterBand(1).WriteRaster(bx, by, cw, ch, cw, ch, gdalconst.GDT_Float32, coreDn);
        progress.advance((long) cw * ch);
      }
    }
    progress.done();
  }
}
