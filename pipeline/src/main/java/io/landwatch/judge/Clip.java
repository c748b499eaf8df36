package io.landwatch.judge;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.locate.PointOnGeometryLocator;
import org.locationtech.jts.algorithm.locate.SimplePointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Location;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.Polygonal;
import org.locationtech.jts.geom.TopologyException;
import org.locationtech.jts.geom.prep.PreparedPolygon;
import org.locationtech.jts.noding.FastSegmentSetIntersectionFinder;
import org.locationtech.jts.noding.SegmentStringUtil;

/**
 * X's part of a list of pieces with disjoint interiors (a layer near one patch). Each piece is
 * placed against X with one test of its edges against X's indexed boundary: a piece whose edges
 * meet none of X's lies wholly inside or outside X (one point location says which) unless part
 * of X lies inside it. Pieces inside X count whole; the ones across X's boundary are clipped in a
 * single overlay (they are disjoint, so together they are a valid MultiPolygon), which costs far
 * less than one overlay per piece. Not thread-safe: one per patch and thread.
 */
final class Clip {
  enum Side { INSIDE, OUTSIDE, ACROSS }

  private final Geometry x;
  private final Envelope xEnv;
  private final FastSegmentSetIntersectionFinder boundary;
  private final PointOnGeometryLocator locator;
  /** One vertex of each of X's rings: a ring inside a piece meets none of its edges. */
  private final List<Coordinate> ringPoints = new ArrayList<>();
  private final Map<Geometry, Side> sides = new IdentityHashMap<>();

  private Clip(Geometry x) {
    this.x = x;
    this.xEnv = x.getEnvelopeInternal();
    PreparedPolygon px = new PreparedPolygon((Polygonal) x);
    this.boundary = px.getIntersectionFinder();
    this.locator = px.getPointLocator();
    for (int i = 0; i < x.getNumGeometries(); i++) {
      Polygon p = (Polygon) x.getGeometryN(i);
      ringPoints.add(p.getExteriorRing().getCoordinateN(0));
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        ringPoints.add(p.getInteriorRingN(h).getCoordinateN(0));
      }
    }
  }

  /** @param x a non-empty Polygon or MultiPolygon */
  static Clip of(Geometry x) {
    return new Clip(x);
  }

  Geometry geometry() {
    return x;
  }

  /** Where a piece lies; asked again for the same piece (farmland, then farmland on basic), answered once. */
  Side side(Geometry piece) {
    return sides.computeIfAbsent(piece, this::place);
  }

  private Side place(Geometry piece) {
    Envelope env = piece.getEnvelopeInternal();
    if (!xEnv.intersects(env)) {
      return Side.OUTSIDE;
    }
    if (boundary.intersects(SegmentStringUtil.extractSegmentStrings(piece))) {
      return Side.ACROSS;
    }
    for (Coordinate c : ringPoints) {
      if (env.intersects(c) && SimplePointInAreaLocator.locate(c, piece) == Location.INTERIOR) {
        return Side.ACROSS;
      }
    }
    // no edges meet: each part of the piece lies wholly inside or outside X
    Side side = null;
    for (int i = 0; i < piece.getNumGeometries(); i++) {
      Geometry part = piece.getGeometryN(i);
      if (part.isEmpty()) {
        continue;
      }
      Side s = locator.locate(part.getCoordinate()) == Location.INTERIOR ? Side.INSIDE : Side.OUTSIDE;
      if (side != null && s != side) {
        return Side.ACROSS;
      }
      side = s;
    }
    return side == null ? Side.OUTSIDE : side;
  }

  /**
   * X ∩ each piece, as pieces with disjoint interiors: the pieces X covers, then the polygons of
   * one overlay of X with all the pieces across its boundary.
   */
  List<Geometry> within(List<Geometry> pieces, RobustOverlay overlay) {
    List<Geometry> out = new ArrayList<>(pieces.size());
    List<Polygon> across = new ArrayList<>();
    for (Geometry piece : pieces) {
      switch (side(piece)) {
        case INSIDE -> out.add(piece);
        case ACROSS -> addPolygons(piece, across);
        case OUTSIDE -> { }
      }
    }
    if (across.size() > 1) {
      try {
        addPolygons(overlay.intersection(overlay.multi(across), x), out);
        return out;
      } catch (TopologyException e) {
        // pieces that meet after all (a repaired union moved a vertex): one overlay each
      }
    }
    for (Polygon piece : across) {
      addPolygons(overlay.intersection(piece, x), out);
    }
    return out;
  }

  static void addPolygons(Geometry g, List<? super Polygon> out) {
    for (int i = 0; i < g.getNumGeometries(); i++) {
      Geometry part = g.getGeometryN(i);
      if (part instanceof Polygon p && !p.isEmpty()) {
        out.add(p);
      }
    }
  }
}
