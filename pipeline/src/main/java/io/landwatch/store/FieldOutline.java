package io.landwatch.store;

import io.landwatch.LandwatchException;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.read.LayerSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateList;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * An outline measured in the field, as a field app exports it: polygons (GeoJSON, KML,
 * Shapefile, GeoPackage), or a walk around the site (a GPX track or route, a KML line; its ring is
 * closed), or the corners as waypoints in walking order. Read into one polygon in CGCS2000 lon/lat
 * (GPS gives WGS 84, centimetres from CGCS2000); a projected file is reprojected.
 */
final class FieldOutline {
  private static final GeometryFactory GF = new GeometryFactory();

  private FieldOutline() {}

  /** The outline, or a LandwatchException naming the file and what is wrong with it. */
  static Geometry read(Path file) {
    List<String> layers;
    try (LayerSource src = LayerSource.open("outline", file, null, null, null, null)) {
      layers = src.layerNames();
    }
    List<Polygon> polygons = new ArrayList<>();
    List<Coordinate> corners = new ArrayList<>();
    for (String name : layers) {
      try (LayerSource src = LayerSource.open("outline", file, name, null, null, null)) {
        Crs crs = src.crs();
        Reprojector toLonLat = crs == null || crs.isGeographic() ? null : Reprojector.between(crs, Crs.epsg(Crs.CGCS2000));
        // GPX: corners walked and marked; route_points and track_points repeat the lines' vertices
        List<Coordinate> marks = name.equalsIgnoreCase("waypoints") ? corners : null;
        src.forEach(f -> {
          Geometry g = jts(src.geometryOf(f));
          if (g == null) {
            return;
          }
          g = toLonLat == null ? g : toLonLat.apply(g);
          collect(g, polygons, marks);
        });
      }
    }
    if (polygons.isEmpty() && corners.size() >= 3) {
      polygons.add(ring(corners));
    }
    if (polygons.isEmpty()) {
      throw LandwatchException.invalidInput("the outline " + file.getFileName() + " holds no polygon, no closed"
          + " walk (track or line) and fewer than 3 waypoints: export the measured area as a polygon");
    }
    Geometry outline = polygons.size() == 1 ? polygons.get(0) : GF.createMultiPolygon(polygons.toArray(new Polygon[0]));
    for (Coordinate c : outline.getCoordinates()) {
      if (!(Math.abs(c.x) <= 180 && Math.abs(c.y) <= 90)) {
        throw LandwatchException.invalidInput("the outline " + file.getFileName() + " is not in longitude/latitude"
            + " and declares no CRS (a Shapefile without .prj?): export it with its CRS");
      }
    }
    return outline;
  }

  private static void collect(Geometry g, List<Polygon> polygons, List<Coordinate> corners) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygonal) {
        polygons.add((Polygon) part);
      } else if (part instanceof LineString l && l.getNumPoints() >= 3) {
        polygons.add(ring(List.of(l.getCoordinates())));
      } else if (part instanceof Point p && corners != null) {
        corners.add(p.getCoordinate());
      }
    }
  }

  /** A polygon through the points in order, closed. */
  private static Polygon ring(List<Coordinate> points) {
    CoordinateList ring = new CoordinateList();
    for (Coordinate c : points) {
      ring.add(new Coordinate(c.x, c.y), false);
    }
    ring.closeRing();
    if (ring.size() < 4) {
      throw LandwatchException.invalidInput("a measured outline needs at least 3 distinct corners");
    }
    return GF.createPolygon(ring.toCoordinateArray());
  }

  private static Geometry jts(org.gdal.ogr.Geometry g) {
    if (g == null) {
      return null;
    }
    try {
      g.FlattenTo2D();
      return new WKBReader().read(g.ExportToWkb());
    } catch (ParseException e) {
      return null;
    } finally {
      g.delete();
    }
  }
}
