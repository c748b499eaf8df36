package io.landwatch.write;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.config.OutputFormat;
import io.landwatch.geo.Crs;
import java.nio.charset.Charset;
import java.nio.charset.CharsetEncoder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.gdal.ogr.ogr;
import org.locationtech.jts.geom.Geometry;

/**
 * A polygon layer in the formats desktop GIS opens: GeoPackage, FileGDB (OpenFileGDB), Shapefile
 * and GeoJSON. Shapefiles are written in GBK with a .cpg by default (what Chinese desktop GIS
 * expects), field names cut to 10 characters by {@link #shapefileNames} and an ESRI-WKT .prj.
 */
public final class GisExport {
  

  /** A column: name, type, width (0 for the default). */
  public record Column(String name, VectorFileWriter.Type type, int width) {}

  /** Names explicitly shortened for Shapefiles (documented in docs/OUTPUTS.md). */
  static final Map<String, String> SHORT = Map.ofEntries(
      Map.entry("unapproved_m2", "UNAPPR_M2"), Map.entry("approved_m2", "APPR_M2"),
      Map.entry("farmland_m2", "FARM_M2"), Map.entry("basic_farmland_m2", "BASIC_M2"),
      Map.entry("other_farmland_m2", "OTHER_M2"), Map.entry("ecological_m2", "ECO_M2"),
      Map.entry("unapproved_mu", "UNAPPR_MU"), Map.entry("farmland_mu", "FARM_MU"),
      Map.entry("basic_farmland_mu", "BASIC_MU"), Map.entry("patch_farmland_m2", "PFARM_M2"),
      Map.entry("before_date", "BEFORE"), Map.entry("after_date", "AFTER"));

  private GisExport() {}

  /**
   * Shapefile field names: the explicit short names, else the name upper-cased and cut to 10
   * characters; a clash gets a numeric suffix in column order, so the mapping is stable.
   */
  public static Map<String, String> shapefileNames(List<String> names) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String n : names) {
      String s = SHORT.getOrDefault(n, n.toUpperCase(Locale.ROOT));
      s = s.length() > 10 ? s.substring(0, 10) : s;
      String base = s;
      for (int k = 1; out.containsValue(s); k++) {
        String suffix = Integer.toString(k);
        s = base.substring(0, Math.min(base.length(), 10 - suffix.length())) + suffix;
      }
      out.put(n, s);
    }
    return out;
  }

  /**
   * Writes one layer.
   *
   * @param shpEncoding the Shapefile text encoding (GBK by default); ignored by other formats
   * @param recordLabel how errors name a record, e.g. "patch"
   */
  public static void write(Path target, OutputFormat format, String layer, Crs crs, List<Column> columns,
      List<Map<String, Object>> rows, List<Geometry> geometries, String shpEncoding, String recordLabel) {
    boolean shp = format == OutputFormat.SHP;
    Map<String, String> names = new LinkedHashMap<>();
    columns.forEach(c -> names.put(c.name(), c.name()));
    if (shp) {
      names.putAll(shapefileNames(List.copyOf(names.keySet())));
    }
    CharsetEncoder encoder = shp ? Charset.forName(shpEncoding).newEncoder() : null;
    String[] opts = shp ? new String[] {"ENCODING=" + shpEncoding} : format == OutputFormat.GEOJSON
        ? new String[] {"RFC7946=NO"} : new String[0];
    try (VectorFileWriter w = VectorFileWriter.create(target, format.driver(), layer, crs, ogr.wkbMultiPolygon, opts)) {
      for (Column c : columns) {
        w.field(names.get(c.name()), c.type(), c.width());
      }
      for (int i = 0; i < rows.size(); i++) {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Column c : columns) {
          Object v = rows.get(i).get(c.name());
          if (encoder != null && v instanceof String s && !encoder.canEncode(s)) {
            throw new LandwatchException(ExitCode.OUTPUT, "Cannot write " + recordLabel + " " + (i + 1) + " ("
                + rows.get(i).values().iterator().next() + ") to " + target + ": the value '" + s + "' of " + c.name()
                + " has characters " + shpEncoding + " cannot hold. Write GeoPackage instead, or set the"
                + " Shapefile encoding to UTF-8.");
          }
          values.put(names.get(c.name()), v);
        }
        try {
          w.add(values, toMulti(geometries.get(i)));
        } catch (LandwatchException e) {
          throw new LandwatchException(ExitCode.OUTPUT, "Cannot write " + recordLabel + " " + (i + 1) + " ("
              + rows.get(i).values().iterator().next() + ") to " + target + ": " + e.getMessage()
              + (shp ? " A Shapefile part cannot exceed 2 GB: write GeoPackage or FileGDB for big layers." : ""));
        }
      }
    }
  }

  private static Geometry toMulti(Geometry g) {
    if (g instanceof org.locationtech.jts.geom.Polygon p) {
      return g.getFactory().createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {p});
    }
    return g;
  }

  /** Columns from example values: String → text, Integer → integer, numbers → real. */
  public static List<Column> columnsOf(Map<String, Object> example) {
    List<Column> out = new ArrayList<>();
    example.forEach((k, v) -> out.add(new Column(k, v instanceof Integer || v instanceof Long ? VectorFileWriter.Type.INTEGER
        : v instanceof Number ? VectorFileWriter.Type.REAL : VectorFileWriter.Type.STRING, v instanceof String ? 254 : 0)));
    return out;
  }
}
