package io.landwatch.detect;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.geo.Crs;
import io.landwatch.geo.EllipsoidalArea;
import io.landwatch.geo.Gdal;
import io.landwatch.geo.Reprojector;
import io.landwatch.geo.Units;
import io.landwatch.prepare.DateParser;
import io.landwatch.util.ProgressLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import java.util.logging.Logger;
import org.gdal.gdal.Band;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.WarpOptions;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.gdal.ogr.Feature;
import org.gdal.ogr.FieldDefn;
import org.gdal.ogr.Layer;
import org.gdal.ogr.ogr;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;

/**
 * Candidate change patches from a before/after raster pair. The after image fixes the grid; a
 * before image on another grid is warped onto it (GDAL Warp, as a VRT read block by block). Per
 * block (with a halo, so nothing changes at block edges) each pixel is classified by the change
 * rules, nodata and masked pixels never change, and a morphological opening drops speckle. The
 * class raster is polygonized whole by GDAL (8-connected), so a patch crossing block edges comes
 * out as one polygon. Memory holds one block, not the image.
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

  public Result detect(Path beforePath, Path afterPath) {
    Gdal.init();
    // GDAL's raster block cache defaults to 5 % of RAM; blocks are read once here, so a small
    // cache keeps memory bounded whatever the image size.
    gdal.SetCacheMax(CACHE_BYTES);
    Path work;
    try {
      work = Files.createTempDirectory("landwatch-detect-");
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot create a temporary folder: " + e.getMessage());
    }
    Dataset after = open(afterPath, "--after");
    Dataset before = open(beforePath, "--before");
    try {
      Crs crs = crsOf(after, afterPath);
      int w = after.getRasterXSize();
      int h = after.getRasterYSize();
      double[] gt = after.GetGeoTransform();
      boolean warped = false;
      if (!sameGrid(before, after)) {
        LOG.info("the before image " + beforePath.getFileName() + " is on another grid (" + describe(before)
            + "); warping it onto the after image's grid (" + describe(after) + ") with GDAL Warp");
        before = warp(before, after, work.resolve("before-warped.vrt"), "bilinear");
        warped = true;
      }
      Dataset mask = null;
      if (cfg.mask() != null) {
        mask = open(cfg.mask(), "mask");
        if (!sameGrid(mask, after)) {
          mask = warp(mask, after, work.resolve("mask-warped.vrt"), "near");
        }
      }
      for (int b : new int[] {cfg.red(), cfg.nir(), cfg.green(), cfg.blue()}) {
        if (b > 0 && (b > after.getRasterCount() || b > before.getRasterCount())) {
          throw LandwatchException.invalidInput("Band " + b + " is configured but the images have "
              + before.getRasterCount() + " (before) and " + after.getRasterCount() + " (after) bands."
              + " Set 'bands:' in the detect config.");
        }
      }
      LocalDate beforeDate = cfg.beforeDate() != null ? cfg.beforeDate() : metadataDate(before, beforePath, "before");
      LocalDate afterDate = cfg.afterDate() != null ? cfg.afterDate() : metadataDate(after, afterPath, "after");

      Dataset classes = gtiff(work.resolve("classes.tif"), w, h, gdalconst.GDT_Byte, after);
      Dataset delta = gtiff(work.resolve("dndvi.tif"), w, h, gdalconst.GDT_Float32, after);
      classify(before, after, mask, classes, delta, w, h);
      classes.FlushCache();
      delta.FlushCache();
      List<DetectedPatch> patches = polygonize(classes, delta, crs, gt, afterDate);
      classes.delete();
      delta.delete();
      return new Result(patches, crs, beforeDate, afterDate, warped);
    } finally {
      after.delete();
      before.delete();
      deleteTree(work);
    }
  }

  private void classify(Dataset before, Dataset after, Dataset mask, Dataset classes, Dataset delta, int w, int h) {
    int bs = cfg.blockSize();
    int halo = 2 * cfg.openingRadius();
    long blocks = (long) ((w + bs - 1) / bs) * ((h + bs - 1) / bs);
    ProgressLog progress = new ProgressLog("detect", (long) w * h, progressSeconds, "pixels");
    LOG.info(String.format(Locale.ROOT, "detect: %d × %d pixels in %d blocks of %d", w, h, blocks, bs));
    for (int by = 0; by < h; by += bs) {
      for (int bx = 0; bx < w; bx += bs) {
        int cw = Math.min(bs, w - bx);
        int ch = Math.min(bs, h - by);
        int x0 = Math.max(0, bx - halo);
        int y0 = Math.max(0, by - halo);
        int x1 = Math.min(w, bx + cw + halo);
        int y1 = Math.min(h, by + ch + halo);
        int ww = x1 - x0;
        int hh = y1 - y0;
        byte[] cls = new byte[ww * hh];
        float[] dn = new float[ww * hh];
        classifyWindow(before, after, mask, x0, y0, ww, hh, cls, dn);
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

  private void classifyWindow(Dataset before, Dataset after, Dataset mask, int x0, int y0, int w, int h,
      byte[] cls, float[] dn) {
    int n = w * h;
    float[] redB = band(before, cfg.red(), x0, y0, w, h);
    float[] nirB = band(before, cfg.nir(), x0, y0, w, h);
    float[] redA = band(after, cfg.red(), x0, y0, w, h);
    float[] nirA = band(after, cfg.nir(), x0, y0, w, h);
    float[] greenB = cfg.green() > 0 ? band(before, cfg.green(), x0, y0, w, h) : null;
    float[] greenA = cfg.green() > 0 ? band(after, cfg.green(), x0, y0, w, h) : null;
    float[] blueB = cfg.blue() > 0 ? band(before, cfg.blue(), x0, y0, w, h) : null;
    float[] blueA = cfg.blue() > 0 ? band(after, cfg.blue(), x0, y0, w, h) : null;
    byte[] masked = null;
    if (mask != null) {
      masked = new byte[n];
      mask.GetRasterBand(1).ReadRaster(x0, y0, w, h, w, h, gdalconst.GDT_Byte, masked);
    }
    for (int i = 0; i < n; i++) {
      float ndviB = ndvi(redB[i], nirB[i]);
      float ndviA = ndvi(redA[i], nirA[i]);
      boolean valid = !Float.isNaN(ndviB) && !Float.isNaN(ndviA) && (masked == null || masked[i] == 0)
          && (greenB == null || !Float.isNaN(greenB[i]) && !Float.isNaN(greenA[i]))
          && (blueB == null || !Float.isNaN(blueB[i]) && !Float.isNaN(blueA[i]));
      if (!valid) {
        dn[i] = Float.NaN;
        continue;
      }
      dn[i] = ndviA - ndviB;
      float brightB = brightness(redB[i], greenB == null ? Float.NaN : greenB[i], blueB == null ? Float.NaN : blueB[i]);
      float brightA = brightness(redA[i], greenA == null ? Float.NaN : greenA[i], blueA == null ? Float.NaN : blueA[i]);
      // Water first: new or vanished water also moves NDVI and brightness.
      ChangeType t = ChangeType.NONE;
      if (greenB != null) {
        float wB = ndvi(nirB[i], greenB[i]);
        float wA = ndvi(nirA[i], greenA[i]);
        if (Math.abs(wA - wB) >= cfg.waterChange() && (wB > 0) != (wA > 0)) {
          t = wB > 0 ? ChangeType.WATER_TO_LAND : ChangeType.LAND_TO_WATER;
        }
      }
      if (t == ChangeType.NONE) {
        if (brightA - brightB >= cfg.brightnessIncrease() && ndviA <= cfg.bareNdviMax() && ndviB - ndviA > 0) {
          t = ChangeType.CONSTRUCTION;
        } else if (ndviB - ndviA >= cfg.ndviDrop()) {
          t = ChangeType.VEGETATION_LOSS;
        }
      }
      cls[i] = (byte) t.code;
    }
  }

  /** (a − b) / (a + b) as NDVI = (nir − red)/(nir + red) and NDWI = (green − nir)/(green + nir). */
  private static float ndvi(float red, float nir) {
    float s = nir + red;
    return Float.isNaN(s) || s == 0 ? Float.NaN : (nir - red) / s;
  }

  private static float brightness(float red, float green, float blue) {
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

  /** A band window as reflectance: scale/offset applied, nodata as NaN. */
  private static float[] band(Dataset ds, int index, int x0, int y0, int w, int h) {
    Band b = ds.GetRasterBand(index);
    float[] v = new float[w * h];
    b.ReadRaster(x0, y0, w, h, w, h, gdalconst.GDT_Float32, v);
    Double[] nd = new Double[1];
    Double[] scale = new Double[1];
    Double[] offset = new Double[1];
    b.GetNoDataValue(nd);
    b.GetScale(scale);
    b.GetOffset(offset);
    double s = scale[0] == null ? 1 : scale[0];
    double o = offset[0] == null ? 0 : offset[0];
    for (int i = 0; i < v.length; i++) {
      if (nd[0] != null && v[i] == nd[0].floatValue() || Float.isNaN(v[i])) {
        v[i] = Float.NaN;
      } else {
        v[i] = (float) (v[i] * s + o);
      }
    }
    return v;
  }

  private List<DetectedPatch> polygonize(Dataset classes, Dataset delta, Crs crs, double[] gt, LocalDate after) {
    Dataset mem = gdal.GetDriverByName("Memory").Create("", 0, 0, 0, gdalconst.GDT_Unknown);
    Layer layer = mem.CreateLayer("patches", crs.srs(), ogr.wkbPolygon);
    layer.CreateField(new FieldDefn("cls", ogr.OFTInteger));
    Band cb = classes.GetRasterBand(1);
    Vector<String> opts = new Vector<>(List.of("8CONNECTED=8"));
    if (gdal.Polygonize(cb, cb, layer, 0, opts) != 0) {
      throw new LandwatchException(ExitCode.INTERNAL, "GDAL Polygonize failed: " + gdal.GetLastErrorMsg());
    }
    Reprojector toLonLat = Reprojector.between(crs, Crs.epsg(Crs.CGCS2000));
    double pixelArea = Math.abs(gt[1] * gt[5] - gt[2] * gt[4]);
    double pixelSize = Math.sqrt(pixelArea);
    List<DetectedPatch> out = new ArrayList<>();
    WKBReader reader = new WKBReader();
    layer.ResetReading();
    Feature f;
    while ((f = layer.GetNextFeature()) != null) {
      try {
        Geometry g = reader.read(f.GetGeometryRef().ExportToWkb());
        ChangeType type = ChangeType.of(f.GetFieldAsInteger(0));
        double area = EllipsoidalArea.of(toLonLat.apply(g));
        if (type == ChangeType.NONE || area < cfg.minAreaM2()) {
          continue;
        }
        long pixels = Math.round(g.getArea() / pixelArea);
        double mean = meanDelta(delta, g, gt);
        Geometry outline = cfg.simplify() ? TopologyPreservingSimplifier.simplify(g, pixelSize / 2) : g;
        double outArea = outline == g ? area : EllipsoidalArea.of(toLonLat.apply(outline));
        out.add(new DetectedPatch(null, type, outline, pixels, mean, outArea));
      } catch (org.locationtech.jts.io.ParseException e) {
        throw new IllegalStateException(e);
      } finally {
        f.delete();
      }
    }
    mem.delete();
    out.sort(Comparator.comparingDouble((DetectedPatch p) -> -p.geometry().getEnvelopeInternal().getMaxY())
        .thenComparingDouble(p -> p.geometry().getEnvelopeInternal().getMinX()));
    List<DetectedPatch> numbered = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      DetectedPatch p = out.get(i);
      String id = String.format(Locale.ROOT, "%s%04d%04d", cfg.countyCode(), after.getYear(), i + 1);
      numbered.add(new DetectedPatch(id, p.type(), p.geometry(), p.pixels(), p.meanDeltaNdvi(), p.areaM2()));
    }
    LOG.info(String.format(Locale.ROOT, "detect: %d patches of at least %.0f m²", numbered.size(), cfg.minAreaM2()));
    return numbered;
  }

  /** Mean NDVI change over the pixels whose centre lies in the patch. */
  private static double meanDelta(Dataset delta, Geometry g, double[] gt) {
    Envelope e = g.getEnvelopeInternal();
    int px0 = (int) Math.floor((e.getMinX() - gt[0]) / gt[1]);
    int px1 = (int) Math.ceil((e.getMaxX() - gt[0]) / gt[1]);
    int py0 = (int) Math.floor((e.getMaxY() - gt[3]) / gt[5]);
    int py1 = (int) Math.ceil((e.getMinY() - gt[3]) / gt[5]);
    px0 = Math.max(0, px0);
    py0 = Math.max(0, py0);
    px1 = Math.min(delta.getRasterXSize(), px1);
    py1 = Math.min(delta.getRasterYSize(), py1);
    int w = px1 - px0;
    int h = py1 - py0;
    float[] v = new float[w * h];
    delta.GetRasterBand(1).ReadRaster(px0, py0, w, h, w, h, gdalconst.GDT_Float32, v);
    IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(g);
    double sum = 0;
    int n = 0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double cx = gt[0] + (px0 + x + 0.5) * gt[1];
        double cy = gt[3] + (py0 + y + 0.5) * gt[5];
        float d = v[y * w + x];
        if (!Float.isNaN(d) && in.locate(new Coordinate(cx, cy)) == Location.INTERIOR) {
          sum += d;
          n++;
        }
      }
    }
    return n == 0 ? Double.NaN : Units.round4(sum / n);
  }

  private static Dataset open(Path p, String what) {
    if (!Files.exists(p)) {
      throw LandwatchException.invalidInput(what + ": the raster " + p + " does not exist.");
    }
    Dataset ds = gdal.Open(p.toString(), gdalconst.GA_ReadOnly);
    if (ds == null || ds.getRasterCount() == 0) {
      throw LandwatchException.invalidInput(what + ": " + p + " cannot be opened as a raster ("
          + gdal.GetLastErrorMsg() + "). GeoTIFF, VRT, JPEG2000 and every other GDAL raster format work.");
    }
    return ds;
  }

  private static Crs crsOf(Dataset ds, Path p) {
    var srs = ds.GetSpatialRef();
    if (srs == null) {
      throw LandwatchException.invalidInput("--after: " + p + " has no CRS; georeference it (gdal_edit.py -a_srs EPSG:4526).");
    }
    return Crs.of(srs);
  }

  private static boolean sameGrid(Dataset a, Dataset b) {
    if (a.getRasterXSize() != b.getRasterXSize() || a.getRasterYSize() != b.getRasterYSize()) {
      return false;
    }
    double[] ga = a.GetGeoTransform();
    double[] gb = b.GetGeoTransform();
    for (int i = 0; i < 6; i++) {
      if (Math.abs(ga[i] - gb[i]) > 1e-9 * Math.max(1, Math.abs(gb[i]))) {
        return false;
      }
    }
    var sa = a.GetSpatialRef();
    var sb = b.GetSpatialRef();
    return sa == null || sb == null || Crs.of(sa).sameAs(Crs.of(sb));
  }

  private static String describe(Dataset d) {
    double[] gt = d.GetGeoTransform();
    var srs = d.GetSpatialRef();
    return String.format(Locale.ROOT, "%s, %d × %d pixels of %.3g", srs == null ? "no CRS" : Crs.of(srs).label(),
        d.getRasterXSize(), d.getRasterYSize(), Math.abs(gt[1]));
  }

  private static Dataset warp(Dataset src, Dataset ref, Path target, String resampling) {
    double[] gt = ref.GetGeoTransform();
    double minX = gt[0];
    double maxY = gt[3];
    double maxX = gt[0] + gt[1] * ref.getRasterXSize();
    double minY = gt[3] + gt[5] * ref.getRasterYSize();
    Vector<String> args = new Vector<>(List.of("-of", "VRT", "-t_srs", ref.GetProjectionRef(),
        "-te", Double.toString(minX), Double.toString(minY), Double.toString(maxX), Double.toString(maxY),
        "-ts", Integer.toString(ref.getRasterXSize()), Integer.toString(ref.getRasterYSize()), "-r", resampling));
    Dataset out = gdal.Warp(target.toString(), new Dataset[] {src}, new WarpOptions(args));
    if (out == null) {
      throw LandwatchException.invalidInput("GDAL Warp could not put the image on the after grid: " + gdal.GetLastErrorMsg());
    }
    return out;
  }

  private static Dataset gtiff(Path p, int w, int h, int type, Dataset ref) {
    Vector<String> opts = new Vector<>(List.of("TILED=YES", "COMPRESS=DEFLATE", "BIGTIFF=IF_SAFER"));
    Dataset d = gdal.GetDriverByName("GTiff").Create(p.toString(), w, h, 1, type, opts);
    d.SetGeoTransform(ref.GetGeoTransform());
    d.SetProjection(ref.GetProjectionRef());
    return d;
  }

  private static LocalDate metadataDate(Dataset d, Path p, String which) {
    for (String key : new String[] {"ACQUISITIONDATETIME", "DATE_ACQUIRED", "TIFFTAG_DATETIME", "DATE"}) {
      String v = d.GetMetadataItem(key);
      if (v != null && !v.isBlank()) {
        try {
          LocalDate date = DateParser.parse(v.replaceFirst("^(\\d{4}):(\\d{2}):(\\d{2})", "$1-$2-$3"));
          if (date != null) {
            return date;
          }
        } catch (DateParser.InvalidDate ignored) {
          // try the next key
        }
      }
    }
    throw LandwatchException.invalidInput("The " + which + " image " + p + " carries no acquisition date"
        + " (TIFFTAG_DATETIME / ACQUISITIONDATETIME); give it with --" + which + "-date 2023-04-15 or"
        + " 'dates: {" + which + ": 2023-04-15}' in the detect config.");
  }

  private static void deleteTree(Path p) {
    try (var s = Files.walk(p)) {
      s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }
}
