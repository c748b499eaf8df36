package io.landwatch.geo;

import org.locationtech.jts.geom.Envelope;

/**
 * Chooses the CRS the overlay runs in. Overlay wants metres, so a projected patch layer keeps
 * its own CRS; a geographic one gets the CGCS2000 3-degree Gauss-Krüger zone (no prefix,
 * EPSG:4534–4554) of its centre, or a UTM zone outside China. Areas are ellipsoidal whatever
 * the working CRS; it only affects where overlay vertices are computed.
 */
public final class WorkingCrs {
  private WorkingCrs() {}

  public static Crs choose(Crs patches, Envelope lonLatExtent) {
    if (!patches.isGeographic()) {
      return patches;
    }
    double lon = lonLatExtent.isNull() ? 114 : lonLatExtent.centre().x;
    double lat = lonLatExtent.isNull() ? 35 : lonLatExtent.centre().y;
    int zone3 = (int) Math.round(lon / 3);
    if (zone3 >= 25 && zone3 <= 45 && lat > 0) {
      return Crs.epsg(4534 + zone3 - 25);
    }
    int utm = (int) Math.floor((lon + 180) / 6) + 1;
    return Crs.epsg((lat >= 0 ? 32600 : 32700) + Math.max(1, Math.min(60, utm)));
  }
}
