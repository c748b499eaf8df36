package io.landwatch.geo;

import org.gdal.osr.CoordinateTransformation;
import org.locationtech.jts.geom.Geometry;

/**
 * Moves geometries between one source CRS and another. Between lon/lat and transverse Mercator
 * CRSs it computes in pure Java ({@link PureTransform}, verified against GDAL when built);
 * otherwise through OSR, whose transformations are not thread-safe, so each thread builds its
 * own on first use.
 */
public final class Reprojector implements GeometryTransform {
  private final Crs from;
  private final Crs to;
  private final boolean identity;
  private final PureTransform pure;
  private final ThreadLocal<CoordinateTransformation> perThread;

  private Reprojector(Crs from, Crs to) {
    this.from = from;
    this.to = to;
    this.identity = from.sameAs(to);
    this.pure = identity ? null : PureTransform.between(from, to);
    this.perThread = ThreadLocal.withInitial(
        () -> CoordinateTransformation.CreateCoordinateTransformation(from.srs(), to.srs()));
  }

  public static Reprojector between(Crs from, Crs to) {
    return new Reprojector(from, to);
  }

  public Crs from() {
    return from;
  }

  public Crs to() {
    return to;
  }

  public boolean isIdentity() {
    return identity;
  }

  /** The OSR transformation for this thread, or null when the CRSs are the same. */
  public CoordinateTransformation osr() {
    return identity ? null : perThread.get();
  }

  /**
   * The same transformation in pure Java (serializable, for Spark executors), or null when it
   * needs GDAL. The identity when the CRSs are the same.
   */
  public GeometryTransform portable() {
    return identity ? PortableIdentity.INSTANCE : pure;
  }

  /** Whether {@link #apply} computes in pure Java (no OSR call). */
  public boolean isPure() {
    return identity || pure != null;
  }

  /** The identity as a serializable transform. */
  private enum PortableIdentity implements GeometryTransform {
    INSTANCE;

    @Override
    public Geometry apply(Geometry g) {
      return g;
    }
  }

  /** A transformed copy of a JTS geometry (the geometry itself when the CRSs are the same). */
  @Override
  public Geometry apply(Geometry g) {
    if (identity) {
      return g;
    }
    if (pure != null) {
      return pure.apply(g);
    }
    CoordinateTransformation ct = perThread.get();
    return SequenceMap.of(g, seq -> {
      double[][] pts = new double[seq.size()][];
      for (int k = 0; k < pts.length; k++) {
        pts[k] = new double[] {seq.getX(k), seq.getY(k)};
      }
      ct.TransformPoints(pts);
      for (int k = 0; k < pts.length; k++) {
        seq.setOrdinate(k, 0, pts[k][0]);
        seq.setOrdinate(k, 1, pts[k][1]);
      }
    });
  }
}
