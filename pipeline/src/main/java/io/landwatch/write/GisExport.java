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
  

  /**
   * A column: name, type, width (0 for the default), decimals of a real, and the alias people
   * read (GeoPackage and FileGDB keep it), or null.
   */
  public record Column(String name, VectorFileWriter.Type type, int width, int decimals, String alias) {
    public Column(String name, VectorFileWriter.Type type, int width) {
      this(name, type, width, 2, null);
    }
  }

  /**
   * One layer of an export.
   *
   * @param geometryType ogr.wkbMultiPolygon or ogr.wkbPoint
   * @param qml its QGIS style (QML), kept in the GeoPackage's layer_styles table or beside a
   *     Shapefile as .qml; or null
   */
  public record Layer(String name, int geometryType, Crs crs, List<Column> columns, List<Map<String, Object>> rows,
      List<Geometry> geometries, String qml) {}

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
    write(target, format, List.of(new Layer(layer, ogr.wkbMultiPolygon, crs, columns, rows, geometries, null)),
        shpEncoding, recordLabel);
  }

  /**
   * Writes layers: into one GeoPackage or FileGDB; as one Shapefile each (the first at
   * {@code target}, the others beside it named after their layer, each with its .qml); GeoJSON
   * holds the first layer only.
   */
  public static void write(Path target, OutputFormat format, List<Layer> layers, String shpEncoding,
      String recordLabel) {
    boolean shp = format == OutputFormat.SHP;
    String[] opts = shp ? new String[] {"ENCODING=" + shpEncoding} : format == OutputFormat.GEOJSON
        ? new String[] {"RFC7946=NO"} : new String[0];
    if (shp || format == OutputFormat.GEOJSON) {
      for (int i = 0; i < (shp ? layers.size() : 1); i++) {
        Layer l = layers.get(i);
        Path file = i == 0 ? target : target.resolveSibling(l.name() + "." + format.extension());
        try (VectorFileWriter w = VectorFileWriter.create(file, format.driver(), l.name(), l.crs(), l.geometryType(),
            opts)) {
          fill(w, file, format, l, shpEncoding, recordLabel);
        }
        if (shp && l.qml() != null) {
          Path qml = file.resolveSibling(file.getFileName().toString().replaceAll("\\.shp$", ".qml"));
          AtomicFile.write(qml, os -> os.write(l.qml().getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        }
      }
      return;
    }
    Layer first = layers.get(0);
    try (VectorFileWriter w = VectorFileWriter.create(target, format.driver(), first.name(), first.crs(),
        first.geometryType(), opts)) {
      for (int i = 0; i < layers.size(); i++) {
        Layer l = layers.get(i);
        if (i > 0) {
          w.nextLayer(l.name(), l.crs(), l.geometryType());
        }
        fill(w, target, format, l, shpEncoding, recordLabel);
      }
      if (format == OutputFormat.GPKG) {
        aliases(w, layers);
        QgisStyle.keep(w, layers);
      }
    }
  }

  /**
   * Column aliases in the GeoPackage schema extension (gpkg_data_columns.name), which GeoPackage
   * readers show as the column's name for people.
   */
  private static void aliases(VectorFileWriter w, List<Layer> layers) {
    w.sql("CREATE TABLE IF NOT EXISTS gpkg_extensions (table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL,"
        + " definition TEXT NOT NULL, scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name,"
        + " extension_name))");
    w.sql("CREATE TABLE IF NOT EXISTS gpkg_data_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT,"
        + " title TEXT, description TEXT, mime_type TEXT, constraint_name TEXT, CONSTRAINT pk_gdc PRIMARY KEY"
        + " (table_name, column_name), CONSTRAINT gdc_tn UNIQUE (table_name, name))");
    w.sql("INSERT OR IGNORE INTO gpkg_extensions VALUES ('gpkg_data_columns', NULL, 'gpkg_schema',"
        + " 'http://www.geopackage.org/spec/#extension_schema', 'read-write')");
    for (Layer l : layers) {
      for (Column c : l.columns()) {
        if (c.alias() != null) {
          w.sql("INSERT OR REPLACE INTO gpkg_data_columns (table_name, column_name, name, title) VALUES ('"
              + l.name().replace("'", "''") + "', '" + c.name().replace("'", "''") + "', '"
              + c.alias().replace("'", "''") + "', '" + c.alias().replace("'", "''") + "')");
        }
      }
    }
  }

  private static void fill(VectorFileWriter w, Path target, OutputFormat format, Layer l, String shpEncoding,
      String recordLabel) {
    boolean shp = format == OutputFormat.SHP;
    Map<String, String> names = new LinkedHashMap<>();
    l.columns().forEach(c -> names.put(c.name(), c.name()));
    if (shp) {
      names.putAll(shapefileNames(List.copyOf(names.keySet())));
    }
    CharsetEncoder encoder = shp ? Charset.forName(shpEncoding).newEncoder() : null;
    for (Column c : l.columns()) {
      w.field(names.get(c.name()), c.type(), c.width(), c.decimals(), shp ? null : c.alias());
    }
    for (int i = 0; i < l.rows().size(); i++) {
      Map<String, Object> values = new LinkedHashMap<>();
      for (Column c : l.columns()) {
        Object v = l.rows().get(i).get(c.name());
        if (encoder != null && v instanceof String s && !encoder.canEncode(s)) {
          throw new LandwatchException(ExitCode.OUTPUT, "Cannot write " + recordLabel + " " + (i + 1) + " ("
              + l.rows().get(i).values().iterator().next() + ") to " + target + ": the value '" + s + "' of "
              + c.name() + " has characters " + shpEncoding + " cannot hold. Write GeoPackage instead, or set the"
              + " Shapefile encoding to UTF-8.");
        }
        values.put(names.get(c.name()), v);
      }
      try {
        Geometry g = l.geometries().get(i);
        w.add(values, l.geometryType() == ogr.wkbMultiPolygon ? toMulti(g) : g);
      } catch (LandwatchException e) {
        throw new LandwatchException(ExitCode.OUTPUT, "Cannot write " + recordLabel + " " + (i + 1) + " ("
            + l.rows().get(i).values().iterator().next() + ") to " + target + ": " + e.getMessage()
            + (shp ? " A Shapefile part cannot exceed 2 GB: write GeoPackage or FileGDB for big layers." : ""));
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
