package io.landwatch.geo;

import io.landwatch.LandwatchException;
import org.gdal.osr.SpatialReference;
import org.gdal.osr.osr;

/**
 * A coordinate reference system as landwatch uses it: the OSR object with x = easting/longitude
 * (traditional GIS axis order, whatever the EPSG axis order says) and the EPSG code it was
 * identified as, if any.
 */
public final class Crs {
  /** CGCS2000 geographic, the frame of every area computation and of the GeoJSON outputs. */
  public static final int CGCS2000 = 4490;

  private final SpatialReference srs;
  private final Integer epsg;

  private Crs(SpatialReference srs, Integer epsg) {
    this.srs = srs;
    this.epsg = epsg;
  }

  /** Wraps an SRS read from a data source, identifying its EPSG code. */
  public static Crs of(SpatialReference source) {
    SpatialReference s = source.Clone();
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER);
    return new Crs(s, CrsIdentifier.identify(s));
  }

  public static Crs epsg(int code) {
    Gdal.init();
    SpatialReference s = new SpatialReference();
    s.ImportFromEPSG(code);
    s.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER);
    return new Crs(s, code);
  }

  /**
   * A CRS the user wrote: "EPSG:4526", "4526", OGC or ESRI WKT, or a PROJ string.
   *
   * @param where names the key for the error message
   */
  public static Crs parse(String text, String where) {
    Gdal.init();
    String t = text.trim();
    if (t.matches("\\d{4,6}")) {
      t = "EPSG:" + t;
    }
    SpatialReference s = new SpatialReference();
    try {
      if (s.SetFromUserInput(t) != 0) {
        throw new RuntimeException("not recognised");
      }
    } catch (RuntimeException e) {
      throw LandwatchException.invalidInput(where + ": the CRS '" + text + "' is not recognised ("
          + e.getMessage() + "). Write an EPSG code such as EPSG:4490 (CGCS2000 geographic),"
          + " EPSG:4526 (CGCS2000 3-degree GK zone 38, x with zone prefix) or EPSG:4540"
          + " (the same zone without prefix), or paste the layer's .prj WKT.");
    }
    return of(s);
  }

  public SpatialReference srs() {
    return srs;
  }

  /** The EPSG code, or null when the CRS matches none that landwatch knows. */
  public Integer epsgCode() {
    return epsg;
  }

  public boolean isGeographic() {
    return srs.IsGeographic() == 1;
  }

  public String name() {
    String n = srs.GetName();
    return n == null ? "unnamed" : n;
  }

  /** "EPSG:4526 CGCS2000 / 3-degree Gauss-Kruger zone 38" or the name alone when unidentified. */
  public String label() {
    return (epsg == null ? "no EPSG match" : "EPSG:" + epsg) + " " + name();
  }

  public String wkt() {
    return srs.ExportToWkt();
  }

  public boolean sameAs(Crs other) {
    if (epsg != null && other.epsg != null) {
      return epsg.equals(other.epsg);
    }
    return CrsIdentifier.same(srs, other.srs);
  }

  @Override
  public String toString() {
    return label();
  }
}
