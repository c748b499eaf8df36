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
import org.locationtech.jts.index.strtree.STRtree;
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
  /** X's part of each piece across its boundary, once clipped. */
  private final Map<Geometry, List<Polygon>> parts = new IdentityHashMap<>();
  /** For U = P − A: P's clip, which answers for every piece that A does not reach. */
  private final Clip outer;
  private final Clip removed;

  private Clip(Geometry x, Clip outer, Clip removed) {
    this.x = x;
    this.outer = outer;
    this.removed = removed;
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
    return new Clip(x, null, null);
  }

  /**
   * U = P − A. A piece that does not even touch A has the same part in U as in P: P's clip
   * answers for it, so a piece across P's edge far from the approvals is clipped once for both.
   *
   * @param u P − A, non-empty
   * @param inP P's clip
   * @param a A (the approvals' union), non-empty
   */
  static Clip difference(Geometry u, Clip inP, Geometry a) {
    return new Clip(u, inP, of(a));
  }

  /** The clip that answers for this piece: P's when it lies away from A, else this one. */
  private Clip owner(Geometry piece) {
    return outer != null && removed.side(piece) == Side.OUTSIDE ? outer : this;
  }

  /** Where a piece lies; asked again for the same piece (farmland, then farmland on basic), answered once. */
  Side side(Geometry piece) {
    Clip c = owner(piece);
    return c == this ? sides.computeIfAbsent(piece, this::place) : c.side(piece);
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
   * X ∩ each piece, as pieces with disjoint interiors: the pieces X covers whole, the others'
   * parts. The pieces across X's boundary not clipped before are clipped in one overlay, and each
   * polygon of the result is handed back to the piece it came from, so that a piece asked for
   * again (farmland, then farmland off basic; a basic piece that is a farm piece) costs nothing.
   */
  List<Geometry> within(List<Geometry> pieces, RobustOverlay overlay) {
    List<Geometry> mine = new ArrayList<>(pieces.size());
    List<Geometry> outers = new ArrayList<>();
    for (Geometry piece : pieces) {
      (owner(piece) == this ? mine : outers).add(piece);
    }
    if (!outers.isEmpty()) {
      outer.clipFresh(outers, overlay);
    }
    clipFresh(mine, overlay);
    List<Geometry> out = new ArrayList<>(pieces.size());
    for (Geometry piece : pieces) {
      Clip c = owner(piece);
      switch (c.side(piece)) {
        case INSIDE -> out.add(piece);
        case ACROSS -> out.addAll(c.parts.get(piece));
        case OUTSIDE -> { }
      }
    }
    return out;
  }

  /** Clips, in one overlay, the pieces across X's boundary not clipped before. */
  private void clipFresh(List<Geometry> pieces, RobustOverlay overlay) {
    List<Geometry> fresh = new ArrayList<>();
    for (Geometry piece : pieces) {
      if (side(piece) == Side.ACROSS && !parts.containsKey(piece)) {
        fresh.add(piece);
      }
    }
    clip(fresh, overlay);
  }

  private void clip(List<Geometry> fresh, RobustOverlay overlay) {
    if (fresh.size() > 1) {
      List<Polygon> across = new ArrayList<>();
      fresh.forEach(piece -> addPolygons(piece, across));
      try {
        if (attribute(fresh, overlay.intersection(overlay.multi(across), x))) {
          return;
        }
      } catch (TopologyException e) {
        // pieces that meet after all (a repaired union moved a vertex): one overlay each below
      }
    }
    for (Geometry piece : fresh) {
      List<Polygon> own = new ArrayList<>(1);
      addPolygons(overlay.intersection(piece, x), own);
      parts.put(piece, own);
    }
  }

  /**
   * Hands each polygon of the clipped pieces back to its piece: the one whose envelope holds it,
   * or among several the one holding its interior point. False (nothing kept) if one has none.
   */
  private boolean attribute(List<Geometry> fresh, Geometry cut) {
    STRtree index = new STRtree();
    for (Geometry piece : fresh) {
      index.insert(piece.getEnvelopeInternal(), piece);
    }
    Map<Geometry, List<Polygon>> found = new IdentityHashMap<>();
    for (int i = 0; i < cut.getNumGeometries(); i++) {
      if (!(cut.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) {
        continue;
      }
      Envelope env = p.getEnvelopeInternal();
      List<Geometry> holders = new ArrayList<>(1);
      for (Object o : index.query(env)) {
        if (((Geometry) o).getEnvelopeInternal().covers(env)) {
          holders.add((Geometry) o);
        }
      }
      Geometry owner = holders.size() == 1 ? holders.get(0) : null;
      if (holders.size() > 1) {
        Coordinate inside = p.getInteriorPoint().getCoordinate();
        for (Geometry piece : holders) {
          if (SimplePointInAreaLocator.locate(inside, piece) != Location.EXTERIOR) {
            owner = piece;
            break;
          }
        }
      }
      if (owner == null) {
        return false;
      }
      found.computeIfAbsent(owner, k -> new ArrayList<>(1)).add(p);
    }
    for (Geometry piece : fresh) {
      parts.put(piece, found.getOrDefault(piece, List.of()));
    }
    return true;
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
