package io.landwatch.store;

import io.landwatch.LandwatchException;
import io.landwatch.geo.Crs;
import io.landwatch.geo.EllipsoidalArea;
import io.landwatch.geo.Reprojector;
import io.landwatch.read.LayerSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A patrol's GPS track as a phone or GPS unit records it: the tracks (or routes) of a GPX file, or
 * the lines of a KML or GeoJSON file. Read into CGCS2000 lon/lat (GPS gives WGS 84).
 */
final class FieldTrack {
  private static final GeometryFactory GF = new GeometryFactory();

  private FieldTrack() {}

  /** The track's lines as one multilinestring, or a LandwatchException saying what is wrong. */
  static Geometry read(Path file) {
    List<String> layers;
    try (LayerSource src = LayerSource.open("track", file, null, null, null, null)) {
      layers = src.layerNames();
    }
    List<LineString> lines = new ArrayList<>();
    for (String name : layers) {
      if (name.equalsIgnoreCase("track_points") || name.equalsIgnoreCase("route_points")) {
        continue; // GPX repeats the lines' vertices there
      }
      try (LayerSource src = LayerSource.open("track", file, name, null, null, null)) {
        Crs crs = src.crs();
        Reprojector toLonLat = crs == null || crs.isGeographic() ? null : Reprojector.between(crs, Crs.epsg(Crs.CGCS2000));
        src.forEach(f -> {
          org.gdal.ogr.Geometry g = src.geometryOf(f);
          if (g == null) {
            return;
          }
          try {
            g.FlattenTo2D();
            Geometry j = new WKBReader().read(g.ExportToWkb());
            j = toLonLat == null ? j : toLonLat.apply(j);
            for (int i = 0; i < j.getNumGeometries(); i++) {
              if (j.getGeometryN(i) instanceof LineString l && l.getNumPoints() >= 2) {
                lines.add(l);
              }
            }
          } catch (ParseException e) {
            // a record GDAL cannot give as WKB carries no usable track
          } finally {
            g.delete();
          }
        });
      }
    }
    if (lines.isEmpty()) {
      throw LandwatchException.invalidInput("the track " + file.getFileName() + " holds no line (a GPX track or"
          + " route, or lines in KML/GeoJSON)");
    }
    return GF.createMultiLineString(lines.toArray(new LineString[0]));
  }

  /** Geodesic length in km on the CGCS2000 ellipsoid. */
  static double km(Geometry lonLat) {
    double m = 0;
    for (int i = 0; i < lonLat.getNumGeometries(); i++) {
      Coordinate[] cs = lonLat.getGeometryN(i).getCoordinates();
      for (int k = 1; k < cs.length; k++) {
        m += EllipsoidalArea.CGCS2000.Inverse(cs[k - 1].y, cs[k - 1].x, cs[k].y, cs[k].x).s12;
      }
    }
    return m / 1000;
  }
}
