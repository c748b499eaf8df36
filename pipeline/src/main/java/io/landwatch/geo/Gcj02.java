package io.landwatch.geo;

/**
 * WGS 84 → GCJ-02, the obfuscated datum every map app sold in mainland China displays
 * (Gaode/Amap, Tencent; Baidu adds its own BD-09 on top). Inspectors navigate with those apps,
 * so task points are given in GCJ-02 too; the offset is typically 100–700 m.
 *
 * <p>The algorithm is the widely published reverse-engineered one (Krasovsky 1940 ellipsoid and
 * two trigonometric series; see e.g. the open-source eviltransform and coordtransform projects).
 * It is not official and is accurate to about 1 m; outside China the coordinates are unchanged.
 * CGCS2000 lon/lat is used as WGS 84 (centimetres apart).
 */
public final class Gcj02 {
  private static final double A = 6378245.0;
  private static final double EE = 0.00669342162296594323;

  private Gcj02() {}

  /** {lon, lat} in GCJ-02. */
  public static double[] fromWgs84(double lon, double lat) {
    if (outsideChina(lon, lat)) {
      return new double[] {lon, lat};
    }
    double dLat = transformLat(lon - 105.0, lat - 35.0);
    double dLon = transformLon(lon - 105.0, lat - 35.0);
    double radLat = lat / 180.0 * Math.PI;
    double magic = Math.sin(radLat);
    magic = 1 - EE * magic * magic;
    double sqrtMagic = Math.sqrt(magic);
    dLat = (dLat * 180.0) / ((A * (1 - EE)) / (magic * sqrtMagic) * Math.PI);
    dLon = (dLon * 180.0) / (A / sqrtMagic * Math.cos(radLat) * Math.PI);
    return new double[] {lon + dLon, lat + dLat};
  }

  /**
   * {lon, lat} in WGS 84 from GCJ-02, by fixed-point iteration on {@link #fromWgs84}: the offset
   * changes by millimetres over its own size, so a few steps bring the round trip below 1e-9°.
   */
  public static double[] toWgs84(double lon, double lat) {
    double x = lon;
    double y = lat;
    for (int i = 0; i < 20; i++) {
      double[] g = fromWgs84(x, y);
      double dx = g[0] - lon;
      double dy = g[1] - lat;
      x -= dx;
      y -= dy;
      if (Math.abs(dx) < 1e-10 && Math.abs(dy) < 1e-10) {
        break;
      }
    }
    return new double[] {x, y};
  }

  static boolean outsideChina(double lon, double lat) {
    return lon < 72.004 || lon > 137.8347 || lat < 0.8293 || lat > 55.8271;
  }

  private static double transformLat(double x, double y) {
    double r = -100.0 + 2.0 * x + 3.0 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(y * Math.PI) + 40.0 * Math.sin(y / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (160.0 * Math.sin(y / 12.0 * Math.PI) + 320 * Math.sin(y * Math.PI / 30.0)) * 2.0 / 3.0;
    return r;
  }

  private static double transformLon(double x, double y) {
    double r = 300.0 + x + 2.0 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x));
    r += (20.0 * Math.sin(6.0 * x * Math.PI) + 20.0 * Math.sin(2.0 * x * Math.PI)) * 2.0 / 3.0;
    r += (20.0 * Math.sin(x * Math.PI) + 40.0 * Math.sin(x / 3.0 * Math.PI)) * 2.0 / 3.0;
    r += (150.0 * Math.sin(x / 12.0 * Math.PI) + 300.0 * Math.sin(x / 30.0 * Math.PI)) * 2.0 / 3.0;
    return r;
  }
}
