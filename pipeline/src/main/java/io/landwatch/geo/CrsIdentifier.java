package io.landwatch.geo;

import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import org.gdal.osr.SpatialReference;

/**
 * Finds the EPSG code of a CRS read from a .prj (often ESRI WKT with no authority). CGCS2000
 * Gauss-Krüger zones are computed from their parameters; anything else is compared with a short
 * list of candidates. Every match is confirmed with OSR's equivalence test.
 */
final class CrsIdentifier {
  private static final double CGCS2000_INV_F = 298.257222101;
  private static final double WGS84_INV_F = 298.257223563;

  private CrsIdentifier() {}

  static Integer identify(SpatialReference s) {
    String root = s.IsProjected() == 1 ? "PROJCS" : "GEOGCS";
    String code = s.GetAuthorityCode(root);
    if (code != null && "EPSG".equalsIgnoreCase(s.GetAuthorityName(root))) {
      return Integer.valueOf(code);
    }
    for (int candidate : candidates(s)) {
      SpatialReference c = new SpatialReference();
      if (c.ImportFromEPSG(candidate) == 0 && same(s, c)) {
        return candidate;
      }
    }
    return null;
  }

  static boolean same(SpatialReference a, SpatialReference b) {
    Vector<String> opts = new Vector<>();
    opts.add("IGNORE_DATA_AXIS_TO_SRS_AXIS_MAPPING=YES");
    opts.add("CRITERION=EQUIVALENT_EXCEPT_AXIS_ORDER_GEOGCRS");
    return a.IsSame(b, opts) == 1;
  }

  private static List<Integer> candidates(SpatialReference s) {
    List<Integer> out = new ArrayList<>();
    double invF = s.GetInvFlattening();
    boolean cgcs = Math.abs(invF - CGCS2000_INV_F) < 1e-6 && Math.abs(s.GetSemiMajor() - 6378137) < 1e-3;
    boolean wgs = Math.abs(invF - WGS84_INV_F) < 1e-6 && Math.abs(s.GetSemiMajor() - 6378137) < 1e-3;
    if (s.IsGeographic() == 1) {
      if (cgcs) {
        out.add(4490);
      }
      if (wgs) {
        out.add(4326);
      }
      return out;
    }
    String proj = s.GetAttrValue("PROJECTION");
    if (proj == null || !proj.toLowerCase(java.util.Locale.ROOT).contains("transverse_mercator")
        && !proj.toLowerCase(java.util.Locale.ROOT).contains("gauss")) {
      if (wgs) {
        out.add(3857);
      }
      return out;
    }
    double cm = s.GetProjParm("central_meridian", Double.NaN);
    double fe = s.GetProjParm("false_easting", Double.NaN);
    if (cgcs && cm % 3 == 0) {
      int zone3 = (int) (cm / 3);
      if (fe == 500000) {
        out.add(4534 + zone3 - 25); // 4534–4554: 3-degree zones 25–45, no zone prefix
      } else if (fe == zone3 * 1_000_000.0 + 500000) {
        out.add(4513 + zone3 - 25); // 4513–4533: 3-degree zones 25–45, zone-prefixed easting
      }
      if ((cm - 3) % 6 == 0) {
        int zone6 = (int) ((cm + 3) / 6);
        if (fe == 500000) {
          out.add(4502 + zone6 - 13); // 4502–4512: 6-degree zones 13–23, no prefix
        } else if (fe == zone6 * 1_000_000.0 + 500000) {
          out.add(4491 + zone6 - 13); // 4491–4501: 6-degree zones 13–23, zone-prefixed
        }
      }
    }
    if (wgs && (cm - 3) % 6 == 0) {
      int zone = (int) ((cm + 183) / 6);
      double fn = s.GetProjParm("false_northing", 0);
      out.add((fn == 0 ? 32600 : 32700) + zone);
    }
    return out;
  }
}
