package io.landwatch.judge;

import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.Polygon;

/** Shape comparisons that tolerate reprojection noise. */
final class Shapes {
  private Shapes() {}

  /**
   * Whether a and b are the same polygon written alike (same parts, rings, vertex order) with
   * every vertex of one within {@code tol} of the other's in x and y.
   */
  static boolean same(Geometry a, Geometry b, double tol) {
    if (a == b) {
      return true;
    }
    Envelope ea = a.getEnvelopeInternal();
    Envelope eb = b.getEnvelopeInternal();
    if (Math.abs(ea.getMinX() - eb.getMinX()) > tol || Math.abs(ea.getMaxX() - eb.getMaxX()) > tol
        || Math.abs(ea.getMinY() - eb.getMinY()) > tol || Math.abs(ea.getMaxY() - eb.getMaxY()) > tol
        || a.getNumPoints() != b.getNumPoints() || a.getNumGeometries() != b.getNumGeometries()) {
      return false;
    }
    for (int i = 0; i < a.getNumGeometries(); i++) {
      if (!samePolygon(a.getGeometryN(i), b.getGeometryN(i), tol)) {
        return false;
      }
    }
    return true;
  }

  private static boolean samePolygon(Geometry a, Geometry b, double tol) {
    if (!(a instanceof Polygon pa) || !(b instanceof Polygon pb)
        || pa.getNumInteriorRing() != pb.getNumInteriorRing()) {
      return false;
    }
    if (!sameRing(pa.getExteriorRing(), pb.getExteriorRing(), tol)) {
      return false;
    }
    for (int h = 0; h < pa.getNumInteriorRing(); h++) {
      if (!sameRing(pa.getInteriorRingN(h), pb.getInteriorRingN(h), tol)) {
        return false;
      }
    }
    return true;
  }

  private static boolean sameRing(LineString a, LineString b, double tol) {
    CoordinateSequence sa = a.getCoordinateSequence();
    CoordinateSequence sb = b.getCoordinateSequence();
    if (sa.size() != sb.size()) {
      return false;
    }
    for (int i = 0; i < sa.size(); i++) {
      if (Math.abs(sa.getX(i) - sb.getX(i)) > tol || Math.abs(sa.getY(i) - sb.getY(i)) > tol) {
        return false;
      }
    }
    return true;
  }
}
