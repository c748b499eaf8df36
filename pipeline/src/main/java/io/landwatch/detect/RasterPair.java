package io.landwatch.detect;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.geo.Crs;
import io.landwatch.prepare.DateParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Vector;
import java.util.logging.Logger;
import org.gdal.gdal.Band;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.WarpOptions;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;

/**
 * The raster side of detection: the after image fixes the grid; a before image (or mask) on
 * another grid is warped onto it (GDAL Warp, as a VRT read block by block); band windows are read
 * as reflectance; the class and ΔNDVI rasters are written to a temporary folder. Every dataset it
 * opens or makes, the original before image and the mask included, is closed by {@link #close()},
 * and the temporary folder removed.
 */
final class RasterPair implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger("landwatch");

  private final DetectConfig cfg;
  private final Path work;
  private final List<Dataset> opened = new ArrayList<>();
  final Dataset after;
  final Dataset before;
  final Dataset mask;
  final Crs crs;
  final boolean warped;
  final LocalDate beforeDate;
  final LocalDate afterDate;
  /** Per band index (1-based): {scale, offset} from stored values to reflectance. */
  private Map<Integer, double[]> scaleBefore;
  private Map<Integer, double[]> scaleAfter;

  RasterPair(DetectConfig cfg, Path beforePath, Path afterPath) {
    this.cfg = cfg;
    try {
      work = Files.createTempDirectory("landwatch-detect-");
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot create a temporary folder: " + e.getMessage());
    }
    try {
      after = keep(open(afterPath, "--after"));
      Dataset b = keep(open(beforePath, "--before"));
      crs = crsOf(after, afterPath);
      warped = !sameGrid(b, after);
      if (warped) {
        LOG.info("the before image " + beforePath.getFileName() + " is on another grid (" + describe(b)
            + "); warping it onto the after image's grid (" + describe(after) + ") with GDAL Warp");
        b = keep(warp(b, after, work.resolve("before-warped.vrt"), "bilinear"));
      }
      before = b;
      Dataset m = null;
      if (cfg.mask() != null) {
        m = keep(open(cfg.mask(), "mask"));
        if (!sameGrid(m, after)) {
          m = keep(warp(m, after, work.resolve("mask-warped.vrt"), "near"));
        }
      }
      mask = m;
      for (int band : new int[] {cfg.red(), cfg.nir(), cfg.green(), cfg.blue()}) {
        if (band > 0 && (band > after.getRasterCount() || band > before.getRasterCount())) {
          throw LandwatchException.invalidInput("Band " + band + " is configured but the images have "
              + before.getRasterCount() + " (before) and " + after.getRasterCount() + " (after) bands."
              + " Set 'bands:' in the detect config.");
        }
      }
      scaleBefore = scaling(before, beforePath);
      scaleAfter = scaling(after, afterPath);
      beforeDate = cfg.beforeDate() != null ? cfg.beforeDate() : metadataDate(before, beforePath, "before");
      afterDate = cfg.afterDate() != null ? cfg.afterDate() : metadataDate(after, afterPath, "after");
    } catch (RuntimeException e) {
      close();
      throw e;
    }
  }

  int width() {
    return after.getRasterXSize();
  }

  int height() {
    return after.getRasterYSize();
  }

  double[] geoTransform() {
    return after.GetGeoTransform();
  }

  /** The bands of both images (and the mask) over one window. */
  PixelRule.Window window(int x0, int y0, int w, int h) {
    byte[] masked = null;
    if (mask != null) {
      masked = new byte[w * h];
      mask.GetRasterBand(1).ReadRaster(x0, y0, w, h, w, h, gdalconst.GDT_Byte, masked);
    }
    return new PixelRule.Window(band(before, scaleBefore, cfg.red(), x0, y0, w, h, w, h),
        band(before, scaleBefore, cfg.nir(), x0, y0, w, h, w, h),
        cfg.green() > 0 ? band(before, scaleBefore, cfg.green(), x0, y0, w, h, w, h) : null,
        cfg.blue() > 0 ? band(before, scaleBefore, cfg.blue(), x0, y0, w, h, w, h) : null,
        band(after, scaleAfter, cfg.red(), x0, y0, w, h, w, h), band(after, scaleAfter, cfg.nir(), x0, y0, w, h, w, h),
        cfg.green() > 0 ? band(after, scaleAfter, cfg.green(), x0, y0, w, h, w, h) : null,
        cfg.blue() > 0 ? band(after, scaleAfter, cfg.blue(), x0, y0, w, h, w, h) : null, masked, w);
  }

  /** The configured bands in calibration order (red, NIR, green, blue), 1-based indices. */
  int[] bands() {
    return java.util.Arrays.stream(new int[] {cfg.red(), cfg.nir(), cfg.green(), cfg.blue()}).filter(b -> b > 0)
        .toArray();
  }

  /**
   * Paired samples of both images for the calibration: the whole scene read decimated to at most
   * {@code side} × {@code side} pixels (GDAL reads each block once), valid and unmasked pixels only.
   *
   * @return {before, after}, each [band][sample]
   */
  float[][][] samples(int side) {
    int w = width();
    int h = height();
    int sw = Math.min(w, side);
    int sh = Math.min(h, side);
    int[] idx = bands();
    float[][] b = new float[idx.length][];
    float[][] a = new float[idx.length][];
    for (int k = 0; k < idx.length; k++) {
      b[k] = band(before, scaleBefore, idx[k], 0, 0, w, h, sw, sh);
      a[k] = band(after, scaleAfter, idx[k], 0, 0, w, h, sw, sh);
    }
    byte[] masked = null;
    if (mask != null) {
      masked = new byte[sw * sh];
      mask.GetRasterBand(1).ReadRaster(0, 0, w, h, sw, sh, gdalconst.GDT_Byte, masked);
    }
    int n = 0;
    boolean[] ok = new boolean[sw * sh];
    for (int i = 0; i < ok.length; i++) {
      boolean v = masked == null || masked[i] == 0;
      for (int k = 0; k < idx.length && v; k++) {
        v = !Float.isNaN(b[k][i]) && !Float.isNaN(a[k][i]);
      }
      ok[i] = v;
      n += v ? 1 : 0;
    }
    float[][][] out = new float[2][idx.length][n];
    for (int k = 0; k < idx.length; k++) {
      int j = 0;
      for (int i = 0; i < ok.length; i++) {
        if (ok[i]) {
          out[0][k][j] = b[k][i];
          out[1][k][j++] = a[k][i];
        }
      }
    }
    return out;
  }

  /**
   * Per band, how stored values become reflectance: the file's scale/offset tags; else the job's
   * radiometry.scale/offset; else, for integer data without tags (digital numbers), 1/255 for Byte
   * and 1/10 000 for 16- and 32-bit integers (Sentinel-2 L1C, Landsat and most ×10 000 products),
   * said in the log; floating-point data without tags is taken as reflectance.
   */
  private Map<Integer, double[]> scaling(Dataset ds, Path file) {
    Map<Integer, double[]> out = new java.util.HashMap<>();
    String[] keys = {"red", "nir", "green", "blue"};
    int[] idx = {cfg.red(), cfg.nir(), cfg.green(), cfg.blue()};
    for (int k = 0; k < 4; k++) {
      if (idx[k] <= 0) {
        continue;
      }
      Band b = ds.GetRasterBand(idx[k]);
      Double[] scale = new Double[1];
      Double[] offset = new Double[1];
      b.GetScale(scale);
      b.GetOffset(offset);
      Double cs = cfg.radiometry().scale().get(keys[k]);
      Double co = cfg.radiometry().offset().get(keys[k]);
      boolean tagged = scale[0] != null && scale[0] != 1.0 || offset[0] != null && offset[0] != 0.0;
      double s;
      double o;
      if (cs != null || co != null) {
        s = cs == null ? 1 : cs;
        o = co == null ? 0 : co;
      } else if (tagged) {
        s = scale[0] == null ? 1 : scale[0];
        o = offset[0] == null ? 0 : offset[0];
      } else {
        int type = b.getDataType();
        s = type == gdalconst.GDT_Byte ? 1 / 255.0 : type == gdalconst.GDT_Float32 || type == gdalconst.GDT_Float64
            ? 1 : 1 / 10_000.0;
        o = 0;
        if (s != 1) {
          LOG.info(String.format(Locale.ROOT, "%s band %d (%s) holds digital numbers (%s, no scale or offset tag):"
              + " taken as reflectance × %.0f; set radiometry.scale.%s in the detect config if it is otherwise",
              file.getFileName(), idx[k], keys[k], gdal.GetDataTypeName(type), 1 / s, keys[k]));
        }
      }
      out.put(idx[k], new double[] {s, o});
    }
    return out;
  }

  /** A single-band GeoTIFF on the after grid in the temporary folder, closed with the pair. */
  Dataset raster(String name, int type) {
    return keep(gtiff(work.resolve(name), width(), height(), type, after));
  }

  private Dataset keep(Dataset d) {
    opened.add(d);
    return d;
  }

  @Override
  public void close() {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).delete();
    }
    opened.clear();
    try (var s = Files.walk(work)) {
      s.sorted(Comparator.reverseOrder()).forEach(x -> x.toFile().delete());
    } catch (IOException ignored) {
      // a temp folder left behind is harmless
    }
  }

  /** A band window as reflectance (scaled as {@link #scaling} decided), read to a buffer of bw × bh, nodata as NaN. */
  private static float[] band(Dataset ds, Map<Integer, double[]> scaling, int index, int x0, int y0, int w, int h,
      int bw, int bh) {
    Band b = ds.GetRasterBand(index);
    float[] v = new float[bw * bh];
    b.ReadRaster(x0, y0, w, h, bw, bh, gdalconst.GDT_Float32, v);
    Double[] nd = new Double[1];
    b.GetNoDataValue(nd);
    double[] so = scaling.get(index);
    for (int i = 0; i < v.length; i++) {
      if (nd[0] != null && v[i] == nd[0].floatValue() || Float.isNaN(v[i])) {
        v[i] = Float.NaN;
      } else {
        v[i] = (float) (v[i] * so[0] + so[1]);
      }
    }
    return v;
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

}
