package io.landwatch.read;

import java.util.LinkedHashMap;
import java.util.Map;
import org.gdal.ogr.Feature;
import org.gdal.ogr.FeatureDefn;
import org.gdal.ogr.ogr;

/**
 * Reads a feature's attributes into typed Java values. A layer's field names and types are read
 * once ({@link #of(FeatureDefn)}), not twice per field of every record through JNI.
 */
public final class Attributes {
  private final String[] names;
  private final int[] types;

  private Attributes(String[] names, int[] types) {
    this.names = names;
    this.types = types;
  }

  /** The reader for the features of one layer definition. */
  public static Attributes of(FeatureDefn d) {
    int n = d.GetFieldCount();
    String[] names = new String[n];
    int[] types = new int[n];
    for (int i = 0; i < n; i++) {
      var field = d.GetFieldDefn(i);
      names[i] = field.GetName();
      types[i] = field.GetFieldType();
    }
    return new Attributes(names, types);
  }

  /**
   * A feature of this reader's layer: field name → value (String, Integer, Long, Double; dates as
   * ISO text), nulls kept as null.
   */
  public Map<String, Object> read(Feature f) {
    Map<String, Object> m = new LinkedHashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (!f.IsFieldSetAndNotNull(i)) {
        m.put(names[i], null);
        continue;
      }
      int type = types[i];
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
      m.put(names[i], v);
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
    StringBuilder b = new StringBuilder(19);
    pad(b, y[0], 4).append('-');
    pad(b, mo[0], 2).append('-');
    pad(b, d[0], 2);
    if (withTime && (h[0] != 0 || mi[0] != 0 || s[0] != 0)) {
      pad(b.append('T'), h[0], 2).append(':');
      pad(b, mi[0], 2).append(':');
      pad(b, (int) s[0], 2);
    }
    return b.toString();
  }

  /** {@code String.format("%0" + width + "d", v)} without a Formatter (a run formats every date). */
  static StringBuilder pad(StringBuilder b, int v, int width) {
    String digits = Integer.toString(Math.abs(v));
    if (v < 0) {
      b.append('-');
      width--;
    }
    for (int k = digits.length(); k < width; k++) {
      b.append('0');
    }
    return b.append(digits);
  }
}
