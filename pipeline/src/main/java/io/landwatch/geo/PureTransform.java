package io.landwatch.geo;

import java.io.Serializable;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.gdal.osr.CoordinateTransformation;
import org.gdal.osr.SpatialReference;
import org.locationtech.jts.geom.Geometry;

/**
 * A transformation between lon/lat and transverse Mercator CRSs computed in pure Java: no JNI
 * call per geometry on this machine, and usable on Spark executors, which have no GDAL. Built on
 * the driver from the CRSs' parameters and accepted only when it reproduces GDAL/PROJ's own
 * transformation at sample points across the zone (to 1 µm or 1e-11°); otherwise (datum
 * shifts, other projections, unusual units) the caller keeps GDAL.
 */
public final class PureTransform implements GeometryTransform, Serializable {
  private static final long serialVersionUID = 1L;
  private static final Map<String, PureTransform> CACHE = new ConcurrentHashMap<>();
  private static final PureTransform NONE = new PureTransform(null, null, "none");
  private static final double METRE_TOLERANCE = 1e-6;
  private static final double DEGREE_TOLERANCE = 1e-11;

  private final TransverseMercator inverse;
  private final TransverseMercator forward;
  private final String label;

  private PureTransform(TransverseMercator inverse, TransverseMercator forward, String label) {
    this.inverse = inverse;
    this.forward = forward;
    this.label = label;
  }

  /**
   * The pure transformation from one CRS to another, or null when these CRSs need GDAL (it was
   * not verified equal to GDAL's).
   */
  public static PureTransform between(Crs from, Crs to) {
    PureTransform t = CACHE.computeIfAbsent(from.wkt() + "\n->\n" + to.wkt(), k -> build(from, to));
    return t == NONE ? null : t;
  }

  private static PureTransform build(Crs from, Crs to) {
    Step a = Step.of(from.srs());
    Step b = Step.of(to.srs());
    if (a == null || b == null) {
      return NONE;
    }
    PureTransform t = new PureTransform(a.tm, b.tm, from.label() + " → " + to.label());
    return t.agreesWithGdal(from, to, a.lon0) ? t : NONE;
  }

  /** One side of the transformation: lon/lat (tm null) or transverse Mercator in metres. */
  private record Step(TransverseMercator tm, double lon0) {
    static Step of(SpatialReference s) {
      if (Math.abs(s.GetAngularUnits() - Math.PI / 180) > 1e-12 || s.GetSemiMajor() <= 0) {
        return null;
      }
      double a = s.GetSemiMajor();
      double invF = s.GetInvFlattening();
      double f = invF == 0 ? 0 : 1 / invF;
      if (s.IsGeographic() == 1) {
        return s.GetAttrValue("PRIMEM", 1) == null || Double.parseDouble(s.GetAttrValue("PRIMEM", 1)) == 0
            ? new Step(null, 114) : null;
      }
      String proj = s.GetAttrValue("PROJECTION");
      if (s.IsProjected() != 1 || proj == null || !proj.toLowerCase(Locale.ROOT).equals("transverse_mercator")
          || Math.abs(s.GetLinearUnits() - 1) > 1e-12) {
        return null;
      }
      double lon0 = s.GetProjParm("central_meridian", 0);
      return new Step(new TransverseMercator(a, f, lon0, s.GetProjParm("latitude_of_origin", 0),
          s.GetProjParm("scale_factor", 1), s.GetProjParm("false_easting", 0), s.GetProjParm("false_northing", 0)), lon0);
    }
  }

  /** Compares with GDAL at points within 3.5° of the central meridian, from 18° to 53° N. */
  private boolean agreesWithGdal(Crs from, Crs to, double lon0) {
    Crs lonLat = Crs.epsg(Crs.CGCS2000);
    CoordinateTransformation toSource = CoordinateTransformation.CreateCoordinateTransformation(lonLat.srs(), from.srs());
    CoordinateTransformation gdal = CoordinateTransformation.CreateCoordinateTransformation(from.srs(), to.srs());
    try {
      for (double dLon : new double[] {-3.5, -1.25, 0, 0.7, 2, 3.5}) {
        for (double lat : new double[] {18, 27.3, 35, 44.9, 53}) {
          double[] src = toSource.TransformPoint(lon0 + dLon, lat);
          double[] expected = gdal.TransformPoint(src[0], src[1]);
          double[] got = {src[0], src[1]};
          transform(got);
          double tol = forward == null ? DEGREE_TOLERANCE : METRE_TOLERANCE;
          if (!(Math.abs(got[0] - expected[0]) <= tol && Math.abs(got[1] - expected[1]) <= tol)) {
            return false;
          }
        }
      }
      return true;
    } catch (RuntimeException e) {
      return false;
    } finally {
      toSource.delete();
      gdal.delete();
    }
  }

  /** Whether this transformation changes nothing (two lon/lat CRSs that GDAL relates by no shift). */
  public boolean isIdentity() {
    return inverse == null && forward == null;
  }

  /** Transforms one point {x, y} in place. */
  public void transform(double[] xy) {
    if (inverse != null) {
      inverse.inverse(xy);
    }
    if (forward != null) {
      forward.forward(xy);
    }
  }

  @Override
  public Geometry apply(Geometry g) {
    if (isIdentity()) {
      return g;
    }
    double[] xy = new double[2];
    return SequenceMap.of(g, seq -> {
      for (int i = 0; i < seq.size(); i++) {
        xy[0] = seq.getX(i);
        xy[1] = seq.getY(i);
        transform(xy);
        seq.setOrdinate(i, 0, xy[0]);
        seq.setOrdinate(i, 1, xy[1]);
      }
    });
  }

  @Override
  public String toString() {
    return label;
  }
}
