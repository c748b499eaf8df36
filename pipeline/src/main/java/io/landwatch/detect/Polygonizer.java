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
 * The class raster as patches: polygonized whole by GDAL (8-connected, so a patch crossing block
 * edges is one polygon), measured on the ellipsoid, filtered by the minimum area, optionally
 * simplified by half a pixel, numbered north to south, west to east.
 */
final class Polygonizer {
  private static final Logger LOG = Logger.getLogger("landwatch");
  private final DetectConfig cfg;

  Polygonizer(DetectConfig cfg) {
    this.cfg = cfg;
  }

  List<ChangeDetector.DetectedPatch> polygonize(Dataset classes, Dataset delta, Crs crs, double[] gt, LocalDate after) {
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
    List<ChangeDetector.DetectedPatch> out = new ArrayList<>();
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

}
