package io.landwatch.geo;

import java.util.Locale;
import org.gdal.osr.CoordinateTransformation;

/**
 * Where coordinates of a CRS can lie: the CRS's area of use widened by a margin, as a box in the
 * CRS's own units. A record outside it is misplaced (a typo such as 1e300, a point at (1, 2)) and
 * is quarantined on its own; the layer is refused only when most of its records are outside.
 *
 * @param label the CRS, for messages
 */
public record CoordinateBounds(String label, double minX, double maxX, double minY, double maxY) {
  /** Degrees added around the area of use: edges of zones and neighbouring counties. */
  static final double MARGIN_DEGREES = 3;

  /** The bounds of {@code crs}; without an area of use, the whole Earth (or every finite number). */
  public static CoordinateBounds of(Crs crs) {
    var area = crs.srs().GetAreaOfUse();
    double w = area == null ? -180 : Math.max(-180, area.getWest_lon_degree() - MARGIN_DEGREES);
    double e = area == null ? 180 : Math.min(180, area.getEast_lon_degree() + MARGIN_DEGREES);
    double s = area == null ? -90 : Math.max(-90, area.getSouth_lat_degree() - MARGIN_DEGREES);
    double n = area == null ? 90 : Math.min(90, area.getNorth_lat_degree() + MARGIN_DEGREES);
    if (crs.isGeographic()) {
      return new CoordinateBounds(crs.label(), w, e, s, n);
    }
    if (area == null) {
      return new CoordinateBounds(crs.label(), -Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, Double.MAX_VALUE);
    }
    // The projected box: the lon/lat box's edges, densified, transformed into the CRS.
    CoordinateTransformation ct = CoordinateTransformation.CreateCoordinateTransformation(
        Crs.epsg(Crs.CGCS2000).srs(), crs.srs());
    double minX = Double.MAX_VALUE;
    double maxX = -Double.MAX_VALUE;
    double minY = Double.MAX_VALUE;
    double maxY = -Double.MAX_VALUE;
    int steps = 32;
    for (int i = 0; i <= steps; i++) {
      double t = (double) i / steps;
      double[][] edge = {{w + t * (e - w), s}, {w + t * (e - w), n}, {w, s + t * (n - s)}, {e, s + t * (n - s)}};
      for (double[] p : edge) {
        double[] xy;
        try {
          xy = ct.TransformPoint(p[0], p[1]);
        } catch (RuntimeException ex) {
          continue;
        }
        if (Double.isFinite(xy[0]) && Double.isFinite(xy[1])) {
          minX = Math.min(minX, xy[0]);
          maxX = Math.max(maxX, xy[0]);
          minY = Math.min(minY, xy[1]);
          maxY = Math.max(maxY, xy[1]);
        }
      }
    }
    return new CoordinateBounds(crs.label(), minX, maxX, minY, maxY);
  }

  /** True when the envelope {minX, maxX, minY, maxY} (OGR's order) is finite and inside. */
  public boolean contains(double[] env) {
    return Double.isFinite(env[0]) && Double.isFinite(env[1]) && Double.isFinite(env[2])
        && Double.isFinite(env[3]) && env[0] >= minX && env[1] <= maxX && env[2] >= minY && env[3] <= maxY;
  }

  /** The sentence for a record outside. */
  public String outside(double[] env) {
    return String.format(Locale.ROOT, "its coordinates (x %.6g…%.6g, y %.6g…%.6g) lie outside the area of"
        + " %s (x %.0f…%.0f, y %.0f…%.0f): a mistyped coordinate, or a record in another CRS",
        env[0], env[1], env[2], env[3], label, minX, maxX, minY, maxY);
  }
}
