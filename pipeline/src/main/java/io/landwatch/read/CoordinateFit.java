package io.landwatch.read;

import io.landwatch.LandwatchException;
import io.landwatch.geo.CoordinateBounds;
import io.landwatch.geo.Crs;
import java.util.Locale;
import org.gdal.ogr.Geometry;

/**
 * Whether a layer's coordinates can be in its CRS: the whole layer is refused when most of its
 * first records lie outside the CRS's area (the CRS is wrong); single records outside are for
 * the caller to quarantine. Also the extent of the records that do fit.
 */
final class CoordinateFit {
  private CoordinateFit() {}

  /**
   * The extent {minX, maxX, minY, maxY} of the records inside {@code bounds}, or null when none
   * is: a misplaced record (quarantined later) must not move the layer's extent.
   */
  static double[] extentInside(LayerSource src, CoordinateBounds bounds) {
    double[] ext = {Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE};
    double[] env = new double[4];
    boolean[] any = {false};
    src.forEach(f -> {
      if (envelope(src, f, env) && bounds.contains(env)) {
        any[0] = true;
        ext[0] = Math.min(ext[0], env[0]);
        ext[1] = Math.max(ext[1], env[1]);
        ext[2] = Math.min(ext[2], env[2]);
        ext[3] = Math.max(ext[3], env[3]);
      }
    });
    return any[0] ? ext : null;
  }

  /** Records looked at to decide whether a whole layer is in the wrong CRS. */
  private static final int FIT_SAMPLE = 1000;

  /**
   * The bounds each record of the layer must lie in, after checking that the layer as a whole
   * fits its CRS: when most of the first records lie outside (degrees declared as metres, a
   * Gauss-Krüger zone without its prefix, ...), the CRS is wrong and the layer is refused. A few
   * records outside are the callers' to quarantine one by one.
   */
  static CoordinateBounds check(LayerSource src) {
    Crs c = src.requireCrs();
    CoordinateBounds bounds = CoordinateBounds.of(c);
    double[] env = new double[4];
    int[] seen = {0, 0};
    src.forEachWhile(f -> {
      if (envelope(src, f, env)) {
        seen[0]++;
        if (!bounds.contains(env)) {
          seen[1]++;
        }
      }
      return seen[0] < FIT_SAMPLE;
    });
    if (seen[0] == 0 || seen[1] * 2 <= seen[0]) {
      return bounds;
    }
    double[] ext = src.extent();
    String extent = ext == null ? "" : String.format(Locale.ROOT, " (x %.3f…%.3f, y %.3f…%.3f)", ext[0], ext[1], ext[2], ext[3]);
    if (c.isGeographic()) {
      throw LandwatchException.invalidInput(src.label() + ": " + src.path() + " declares the geographic CRS "
          + c.label() + " (degrees) but " + seen[1] + " of its first " + seen[0] + " records" + extent
          + " are not degrees of this region; they look projected (metres). Set 'crs:' of " + src.label()
          + " to the projected CRS the data is really in, e.g. EPSG:4526 or EPSG:4540.");
    }
    throw LandwatchException.invalidInput(src.label() + ": " + seen[1] + " of the first " + seen[0] + " records of "
        + src.path() + extent + " lie outside the area of " + c.label() + " (x " + Math.round(bounds.minX()) + "…"
        + Math.round(bounds.maxX()) + ", y " + Math.round(bounds.minY()) + "…" + Math.round(bounds.maxY())
        + "). The CRS is wrong: a zone-prefixed Gauss-Kruger CRS (EPSG:4513–4533) needs x with the"
        + " zone number (≈ 38 500 000), one without prefix (EPSG:4534–4554) x ≈ 500 000. Set 'crs:'"
        + " of " + src.label() + " to the right code.");
  }

  /** The record's envelope into {@code env}; false when it has no readable, non-empty geometry. */
  private static boolean envelope(LayerSource src, org.gdal.ogr.Feature f, double[] env) {
    Geometry g;
    try {
      g = src.isTable() ? src.geometryOf(f) : f.GetGeometryRef();
    } catch (UnreadableGeometry e) {
      return false;
    }
    if (g == null) {
      return false;
    }
    boolean some = !g.IsEmpty();
    if (some) {
      g.GetEnvelope(env);
    }
    if (src.isTable()) {
      g.delete();
    }
    return some;
  }
}
