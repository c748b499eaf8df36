package io.landwatch.judge;

import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.geom.util.PolygonExtracter;
import org.locationtech.jts.operation.overlayng.OverlayNG;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;
import org.locationtech.jts.operation.overlayng.UnaryUnionNG;

/**
 * Areal overlay for the judgment: {@link OverlayNGRobust}, checked. A result that is not valid
 * is recomputed with snap-rounding to 0.1 mm (the working CRS is metric), which cannot produce
 * an invalid result. Only the areal part of a result is kept: touching edges have no area.
 */
final class RobustOverlay {
  private static final PrecisionModel SNAP = new PrecisionModel(10_000);
  private final GeometryFactory factory;

  RobustOverlay(GeometryFactory factory) {
    this.factory = factory;
  }

  Geometry empty() {
    return factory.createPolygon();
  }

  /** Polygons with disjoint interiors as one geometry. */
  Geometry multi(List<Polygon> polygons) {
    return polygons.size() == 1 ? polygons.get(0) : factory.createMultiPolygon(polygons.toArray(new Polygon[0]));
  }

  Geometry union(List<Geometry> geoms) {
    if (geoms.isEmpty()) {
      return empty();
    }
    if (geoms.size() == 1) {
      return geoms.get(0);
    }
    Geometry u = polygonal(OverlayNGRobust.union(geoms, factory));
    return u.isValid() ? u : polygonal(UnaryUnionNG.union(geoms, factory, SNAP));
  }

  Geometry intersection(Geometry a, Geometry b) {
    if (a.isEmpty() || b.isEmpty()) {
      return empty();
    }
    return overlay(a, b, OverlayNG.INTERSECTION);
  }

  Geometry difference(Geometry a, Geometry b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a;
    }
    return overlay(a, b, OverlayNG.DIFFERENCE);
  }

  private Geometry overlay(Geometry a, Geometry b, int op) {
    Geometry r = polygonal(OverlayNGRobust.overlay(a, b, op));
    return r.isValid() ? r : polygonal(OverlayNG.overlay(a, b, op, SNAP));
  }

  Geometry polygonal(Geometry g) {
    if (g instanceof Polygon || g instanceof MultiPolygon) {
      return g;
    }
    List<Polygon> polys = new ArrayList<>();
    PolygonExtracter.getPolygons(g, polys);
    return multi(polys);
  }
}
