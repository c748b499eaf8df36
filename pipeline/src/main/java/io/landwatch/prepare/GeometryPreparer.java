package io.landwatch.prepare;

import io.landwatch.geo.CoordinateBounds;
import io.landwatch.geo.Reprojector;
import io.landwatch.read.LayerSource;
import io.landwatch.read.UnreadableGeometry;
import java.util.ArrayList;
import java.util.List;
import org.gdal.ogr.ogr;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.util.GeometryFixer;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.valid.IsValidOp;
import org.locationtech.jts.operation.valid.TopologyValidationError;

/**
 * Turns a source geometry into a valid 2D polygonal JTS geometry in the working CRS, in named
 * steps: linearize curves, force 2D, drop non-polygonal parts of collections, reproject, repair.
 * Repair follows {@link GeometryFixer}: self-intersecting rings become their lobes (no area
 * lost), overlapping parts are unioned. Each step is counted; records that cannot become a
 * polygon are rejected with a category and a sentence.
 */
public final class GeometryPreparer {
  private final GeometryFactory factory = new GeometryFactory();
  private final CoordinateBounds bounds;

  /** A preparer that takes any finite coordinates. */
  public GeometryPreparer() {
    this(null);
  }

  /**
   * A preparer that rejects records outside {@code bounds} (in the source CRS) as
   * {@code invalid_coordinate} before anything is transformed.
   */
  public GeometryPreparer(CoordinateBounds bounds) {
    this.bounds = bounds;
  }

  /** The result: a geometry or a rejection. */
  public sealed interface Result permits Prepared, Rejected {}

  public record Prepared(Geometry geometry) implements Result {}

  public record Rejected(String category, String reason) implements Result {}

  /** Prepares the geometry of a record of {@code src}, also rejecting table text that is no geometry. */
  public Result prepare(LayerSource src, org.gdal.ogr.Feature f, Reprojector reprojector,
      String layer, RepairReport repairs) {
    org.gdal.ogr.Geometry g;
    try {
      g = src.geometryOf(f);
    } catch (UnreadableGeometry e) {
      return new Rejected("unreadable_geometry", e.getMessage());
    }
    if (g == null) {
      String why = src.unreadableGeometry(f);
      if (why != null) {
        return new Rejected("unreadable_geometry", why);
      }
    }
    return prepare(g, reprojector, layer, repairs);
  }

  /**
   * Prepares one record's geometry.
   *
   * @param source the OGR geometry, owned by this call (deleted here), or null
   * @param reprojector source → working CRS
   * @param layer layer name for the repair counts
   * @param repairs where repairs are counted
   */
  public Result prepare(org.gdal.ogr.Geometry source, Reprojector reprojector, String layer,
      RepairReport repairs) {
    if (source == null) {
      return noGeometry();
    }
    try {
      if (source.IsEmpty()) {
        return new Rejected("empty_geometry", "the record's geometry is empty");
      }
      if (bounds != null) {
        double[] env = new double[4];
        source.GetEnvelope(env);
        if (!bounds.contains(env)) {
          return new Rejected("invalid_coordinate", bounds.outside(env));
        }
      }
      org.gdal.ogr.Geometry g = source;
      if (g.HasCurveGeometry() != 0) {
        g = g.GetLinearGeometry();
        repairs.count(layer, "curves_linearized");
      }
      int type = g.GetGeometryType();
      if (ogr.GT_HasZ(type) != 0 || ogr.GT_HasM(type) != 0) {
        g.FlattenTo2D();
        repairs.count(layer, "forced_2d");
      }
      boolean inJava = reprojector != null && !reprojector.isIdentity() && reprojector.isPure();
      if (reprojector != null && !reprojector.isIdentity() && !inJava) {
        try {
          if (g.Transform(reprojector.osr()) != 0) {
            throw new RuntimeException("transformation failed");
          }
        } catch (RuntimeException e) {
          return new Rejected("transform_failed", "the geometry cannot be transformed from "
              + reprojector.from().label() + " to " + reprojector.to().label() + ": " + e.getMessage());
        }
      }
      Geometry jts = new WKBReader(factory).read(g.ExportToWkb());
      if (g != source) {
        g.delete();
      }
      if (inJava) {
        jts = reprojector.apply(jts);
      }
      return fromJts(jts, layer, repairs);
    } catch (ParseException e) {
      return new Rejected("unreadable_geometry", "the geometry cannot be decoded: " + e.getMessage());
    } finally {
      source.delete();
    }
  }

  /** The rejection of a record that has no geometry at all. */
  public static Rejected noGeometry() {
    return new Rejected("null_geometry", "the record has no geometry");
  }

  /** The JTS half of {@link #prepare}: type check and repair of a 2D geometry already in place. */
  public Result fromJts(Geometry jts, String layer, RepairReport repairs) {
    if (jts.isEmpty()) {
      return new Rejected("empty_geometry", "the record's geometry is empty");
    }
    if (!(jts instanceof Polygonal)) {
      List<Polygon> polys = new ArrayList<>();
      PolygonExtracter.getPolygons(jts, polys);
      if (polys.isEmpty()) {
        return new Rejected("not_polygonal", "the geometry is a " + jts.getGeometryType()
            + ", not a polygon; this layer needs areas");
      }
      repairs.count(layer, "non_polygon_parts_dropped");
      jts = factory.buildGeometry(polys);
      if (jts.getNumGeometries() > 1 && !(jts instanceof MultiPolygon)) {
        jts = factory.createMultiPolygon(polys.toArray(new Polygon[0]));
      }
    }
    for (Coordinate c : jts.getCoordinates()) {
      if (!Double.isFinite(c.x) || !Double.isFinite(c.y)) {
        return new Rejected("invalid_coordinate", "the geometry has a coordinate that is not a number");
      }
    }
    IsValidOp op = new IsValidOp(jts);
    if (op.isValid()) {
      return new Prepared(jts);
    }
    String category = category(jts, op.getValidationError());
    Geometry fixed = GeometryFixer.fix(jts);
    List<Polygon> polys = new ArrayList<>();
    PolygonExtracter.getPolygons(fixed, polys);
    if (polys.isEmpty() || fixed.getArea() <= 0) {
      return new Rejected("collapsed_by_repair", "the geometry has no area (" 
          + op.getValidationError().getMessage() + " at " + op.getValidationError().getCoordinate()
          + ") and nothing is left after repair");
    }
    Geometry result = polys.size() == 1 ? polys.get(0)
        : factory.createMultiPolygon(polys.toArray(new Polygon[0]));
    if (!result.isValid()) {
      // GeometryFixer can leave nearly coincident edges of a tangled ring crossing: dissolving the
      // parts with the robust overlay settles them (found by fuzzing the CSV/WKT reader).
      result = dissolved(result);
      if (result == null) {
        return new Rejected("unrepairable_geometry", "the geometry is invalid (" + op.getValidationError().getMessage()
            + " at " + op.getValidationError().getCoordinate() + ") and no repair gives a valid polygon");
      }
    }
    repairs.count(layer, category);
    return new Prepared(result);
  }

  /** The polygons of {@code g} unioned into a valid polygon or multipolygon, or null when none comes out. */
  private Geometry dissolved(Geometry g) {
    Geometry u;
    try {
      u = OverlayNGRobust.union(g);
    } catch (RuntimeException e) {
      return null;
    }
    List<Polygon> polys = new ArrayList<>();
    PolygonExtracter.getPolygons(u, polys);
    if (polys.isEmpty()) {
      return null;
    }
    Geometry out = polys.size() == 1 ? polys.get(0) : factory.createMultiPolygon(polys.toArray(new Polygon[0]));
    return out.isValid() && out.getArea() > 0 ? out : null;
  }

  private static String category(Geometry g, TopologyValidationError err) {
    if (g instanceof MultiPolygon && g.getNumGeometries() > 1) {
      boolean partsValid = true;
      for (int i = 0; i < g.getNumGeometries(); i++) {
        partsValid &= g.getGeometryN(i).isValid();
      }
      if (partsValid) {
        return "overlapping_parts_unioned";
      }
    }
    return switch (err.getErrorType()) {
      case TopologyValidationError.SELF_INTERSECTION, TopologyValidationError.RING_SELF_INTERSECTION ->
          "self_intersection_split";
      case TopologyValidationError.NESTED_SHELLS, TopologyValidationError.DUPLICATE_RINGS ->
          "overlapping_parts_unioned";
      case TopologyValidationError.HOLE_OUTSIDE_SHELL, TopologyValidationError.NESTED_HOLES,
          TopologyValidationError.DISCONNECTED_INTERIOR -> "bad_holes_fixed";
      case TopologyValidationError.TOO_FEW_POINTS, TopologyValidationError.RING_NOT_CLOSED,
          TopologyValidationError.REPEATED_POINT -> "degenerate_rings_fixed";
      default -> "other_invalid_fixed";
    };
  }
}
