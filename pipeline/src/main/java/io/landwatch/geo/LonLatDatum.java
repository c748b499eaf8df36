package io.landwatch.geo;

import java.util.Locale;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;

/**
 * What the longitudes and latitudes of a file people made by hand are in, declared per file:
 * CGCS2000 (surveys, the county's GIS), WGS 84 (GPS, GeoJSON, KML) or GCJ-02 (a point copied from
 * a map app sold in China, 100–700 m off). CGCS2000 and WGS 84 are centimetres apart and taken as
 * the same; GCJ-02 is converted back.
 */
public enum LonLatDatum {
  CGCS2000, WGS84, GCJ02;

  /** The datum a --coords value names (cgcs2000, wgs84, gcj02; case and dashes ignored). */
  public static LonLatDatum parse(String text) {
    String t = text.strip().toUpperCase(Locale.ROOT).replace("-", "").replace(" ", "");
    return switch (t) {
      case "CGCS2000", "4490", "EPSG:4490" -> CGCS2000;
      case "WGS84", "4326", "EPSG:4326" -> WGS84;
      case "GCJ02", "GCJ", "MARS" -> GCJ02;
      default -> throw new IllegalArgumentException("'" + text + "' is not cgcs2000, wgs84 or gcj02");
    };
  }

  /** A copy of the geometry in CGCS2000 lon/lat. */
  public Geometry toCgcs2000(Geometry lonLat) {
    Geometry g = lonLat.copy();
    if (this == GCJ02) {
      g.apply((CoordinateFilter) c -> {
        double[] w = Gcj02.toWgs84(c.x, c.y);
        c.x = w[0];
        c.y = w[1];
      });
      g.geometryChanged();
    }
    return g;
  }
}
