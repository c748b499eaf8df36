package io.landwatch.detect;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.geo.Crs;
import io.landwatch.geo.EllipsoidalArea;
import io.landwatch.geo.Reprojector;
import io.landwatch.geo.Units;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Vector;
import java.util.logging.Logger;
import org.gdal.gdal.Band;
import org.gdal.gdal.Dataset;
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
 * The changed pixels as patches: polygonized whole by GDAL (8-connected, so a patch crossing block
 * edges is one polygon), each patch of the kind most of its pixels show (a built-up area whose
 * pixels hover between two kinds stays one patch), measured on the ellipsoid, filtered by the
 * minimum area, optionally simplified by half a pixel, numbered north to south, west to east.
 */
final class Polygonizer {
  private static final Logger LOG = Logger.getLogger("landwatch");
  private final DetectConfig cfg;

  Polygonizer(DetectConfig cfg) {
    this.cfg = cfg;
  }

  /**
   * @param changed 1 where a pixel changed (any kind), 0 elsewhere
   * @param classes the kind of change per pixel
   */
  List<ChangeDetector.DetectedPatch> polygonize(Dataset changed, Dataset classes, Dataset delta, Crs crs, double[] gt,
      LocalDate after) {
    Dataset mem = gdal.GetDriverByName("Memory").Create("", 0, 0, 0, gdalconst.GDT_Unknown);
    Layer layer = mem.CreateLayer("patches", crs.srs(), ogr.wkbPolygon);
    layer.CreateField(new FieldDefn("cls", ogr.OFTInteger));
    Band cb = changed.GetRasterBand(1);
    Vector<String> opts = new Vector<>(List.of("8CONNECTED=8"));
    if (gdal.Polygonize(cb, cb, layer, 0, opts) != 0) {
      throw new LandwatchException(ExitCode.INTERNAL, "GDAL Polygonize failed: " + gdal.GetLastErrorMsg());
    }
    Reprojector toLonLat = Reprojector.between(crs, Crs.epsg(Crs.CGCS2000));
    double pixelArea = Math.abs(gt[1] * gt[5] - gt[2] * gt[4]);
    double pixelSize = Math.sqrt(pixelArea);
    List<ChangeDetector.DetectedPatch> out = new ArrayList<>();
    WKBReader reader = new WKBReader();
    layer.ResetReading();
    Feature f;
    while ((f = layer.GetNextFeature()) != null) {
      try {
        Geometry g = reader.read(f.GetGeometryRef().ExportToWkb());
        ChangeType type = f.GetFieldAsInteger(0) == 0 ? ChangeType.NONE : majority(classes, g, gt);
        double area = EllipsoidalArea.of(toLonLat.apply(g));
        if (type == ChangeType.NONE || area < cfg.minAreaM2()) {
          continue;
        }
        long pixels = Math.round(g.getArea() / pixelArea);
        double mean = meanDelta(delta, g, gt);
        Geometry outline = cfg.simplify() ? TopologyPreservingSimplifier.simplify(g, pixelSize / 2) : g;
        double outArea = outline == g ? area : EllipsoidalArea.of(toLonLat.apply(outline));
        out.add(new ChangeDetector.DetectedPatch(null, type, outline, pixels, mean, outArea));
      } catch (org.locationtech.jts.io.ParseException e) {
        throw new IllegalStateException(e);
      } finally {
        f.delete();
      }
    }
    mem.delete();
    out.sort(Comparator.comparingDouble((ChangeDetector.DetectedPatch p) -> -p.geometry().getEnvelopeInternal().getMaxY())
        .thenComparingDouble(p -> p.geometry().getEnvelopeInternal().getMinX()));
    List<ChangeDetector.DetectedPatch> numbered = new ArrayList<>();
    for (int i = 0; i < out.size(); i++) {
      ChangeDetector.DetectedPatch p = out.get(i);
      String id = String.format(Locale.ROOT, "%s%04d%04d", cfg.countyCode(), after.getYear(), i + 1);
      numbered.add(new ChangeDetector.DetectedPatch(id, p.type(), p.geometry(), p.pixels(), p.meanDeltaNdvi(), p.areaM2()));
    }
    LOG.info(String.format(Locale.ROOT, "detect: %d patches of at least %.0f m²", numbered.size(), cfg.minAreaM2()));
    return numbered;
  }

  /** The kind of change most pixels of the patch show. */
  private static ChangeType majority(Dataset classes, Geometry g, double[] gt) {
    int[] counts = new int[ChangeType.values().length];
    forEachPixel(classes, g, gt, gdalconst.GDT_Byte, v -> counts[(int) v]++);
    int best = 0;
    for (int c = 1; c < counts.length; c++) {
      if (counts[c] > counts[best] || best == 0 && counts[c] > 0) {
        best = counts[c] > counts[best] || best == 0 ? c : best;
      }
    }
    return ChangeType.of(best);
  }

  /** Visits the value of every pixel whose centre lies inside the patch. */
  private static void forEachPixel(Dataset raster, Geometry g, double[] gt, int type,
      java.util.function.DoubleConsumer visitor) {
    Envelope e = g.getEnvelopeInternal();
    int px0 = Math.max(0, (int) Math.floor((e.getMinX() - gt[0]) / gt[1]));
    int px1 = Math.min(raster.getRasterXSize(), (int) Math.ceil((e.getMaxX() - gt[0]) / gt[1]));
    int py0 = Math.max(0, (int) Math.floor((e.getMaxY() - gt[3]) / gt[5]));
    int py1 = Math.min(raster.getRasterYSize(), (int) Math.ceil((e.getMinY() - gt[3]) / gt[5]));
    int w = px1 - px0;
    int h = py1 - py0;
    float[] v = new float[w * h];
    raster.GetRasterBand(1).ReadRaster(px0, py0, w, h, w, h, gdalconst.GDT_Float32, v);
    IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(g);
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double cx = gt[0] + (px0 + x + 0.5) * gt[1];
        double cy = gt[3] + (py0 + y + 0.5) * gt[5];
        if (in.locate(new Coordinate(cx, cy)) == Location.INTERIOR) {
          visitor.accept(v[y * w + x]);
        }
      }
    }
  }

  /** Mean NDVI change over the pixels whose centre lies in the patch. */
  private static double meanDelta(Dataset delta, Geometry g, double[] gt) {
    double[] sum = new double[2];
    forEachPixel(delta, g, gt, gdalconst.GDT_Float32, d -> {
      if (!Double.isNaN(d)) {
        sum[0] += d;
        sum[1]++;
      }
    });
    return sum[1] == 0 ? Double.NaN : Units.round4(sum[0] / sum[1]);
  }


}
