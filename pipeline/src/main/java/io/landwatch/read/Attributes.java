package io.landwatch.read;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gdal.ogr.Feature;
import org.gdal.ogr.FeatureDefn;
import org.gdal.ogr.ogr;

/** Reads a feature's attributes into typed Java values. */
public final class Attributes {
  private Attributes() {}

  /** field name → value (String, Integer, Long, Double; dates as ISO text), nulls kept as null. */
  public static Map<String, Object> of(Feature f) {
    FeatureDefn d = f.GetDefnRef();
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < d.GetFieldCount(); i++) {
      String name = d.GetFieldDefn(i).GetName();
      if (!f.IsFieldSetAndNotNull(i)) {
        m.put(name, null);
        continue;
      }
      int type = d.GetFieldDefn(i).GetFieldType();
      Object v;
      if (type == ogr.OFTInteger) {
        v = f.GetFieldAsInteger(i);
      } else if (type == ogr.OFTInteger64) {
        v = f.GetFieldAsInteger64(i);
      } else if (type == ogr.OFTReal) {
        v = f.GetFieldAsDouble(i);
      } else if (type == ogr.OFTDate || type == ogr.OFTDateTime) {
        v = date(f, i, type == ogr.OFTDateTime);
      } else {
        v = f.GetFieldAsString(i);
      }
      m.put(name, v);
    }
    return m;
  }

  private static String date(Feature f, int i, boolean withTime) {
    int[] y = new int[1];
    int[] mo = new int[1];
    int[] d = new int[1];
    int[] h = new int[1];
    int[] mi = new int[1];
    float[] s = new float[1];
    int[] tz = new int[1];
    f.GetFieldAsDateTime(i, y, mo, d, h, mi, s, tz);
    String date = String.format(java.util.Locale.ROOT, "%04d-%02d-%02d", y[0], mo[0], d[0]);
    return withTime && (h[0] != 0 || mi[0] != 0 || s[0] != 0)
        ? date + String.format(java.util.Locale.ROOT, "T%02d:%02d:%02d", h[0], mi[0], (int) s[0])
        : date;
  }
}
