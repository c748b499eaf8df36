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
    return new PixelRule.Window(band(before, cfg.red(), x0, y0, w, h), band(before, cfg.nir(), x0, y0, w, h),
        cfg.green() > 0 ? band(before, cfg.green(), x0, y0, w, h) : null,
        cfg.blue() > 0 ? band(before, cfg.blue(), x0, y0, w, h) : null,
        band(after, cfg.red(), x0, y0, w, h), band(after, cfg.nir(), x0, y0, w, h),
        cfg.green() > 0 ? band(after, cfg.green(), x0, y0, w, h) : null,
        cfg.blue() > 0 ? band(after, cfg.blue(), x0, y0, w, h) : null, masked);
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
