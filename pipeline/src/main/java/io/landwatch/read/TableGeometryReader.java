package io.landwatch.read;

import io.landwatch.config.LayerSpec;
import org.gdal.ogr.Feature;
import org.gdal.ogr.Geometry;
import org.gdal.ogr.ogr;

/** Geometry of table records (CSV, XLSX): a WKT column, or x/y (lon/lat) columns. */
final class TableGeometryReader {
  private TableGeometryReader() {}

  /** The record's geometry as an OGR object owned by the caller, or null when its cells are blank. */
  static Geometry read(LayerSpec.TableGeometry tableGeometry, Feature f) {
    if (tableGeometry.isWkt()) {
      String wkt = f.GetFieldAsString(tableGeometry.wkt());
      if (wkt == null || wkt.isBlank()) {
        return null;
      }
      Geometry g;
      try {
        g = ogr.CreateGeometryFromWkt(wkt.trim());
      } catch (RuntimeException e) {
        g = null;
      }
      if (g == null) {
        throw new UnreadableGeometry("the WKT in column " + tableGeometry.wkt() + " cannot be read: '"
            + (wkt.length() > 60 ? wkt.substring(0, 60) + "…" : wkt) + "'");
      }
      return g;
    }
    String xs = f.GetFieldAsString(tableGeometry.x());
    String ys = f.GetFieldAsString(tableGeometry.y());
    if ((xs == null || xs.isBlank()) && (ys == null || ys.isBlank())) {
      return null;
    }
    try {
      Geometry p = new Geometry(ogr.wkbPoint);
      p.AddPoint_2D(Double.parseDouble(xs.trim()), Double.parseDouble(ys.trim()));
      return p;
    } catch (RuntimeException e) {
      throw new UnreadableGeometry("the coordinates " + tableGeometry.x() + "='" + xs + "', "
          + tableGeometry.y() + "='" + ys + "' are not numbers");
    }
  }
}
