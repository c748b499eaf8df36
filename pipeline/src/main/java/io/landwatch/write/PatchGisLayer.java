package io.landwatch.write;

import io.landwatch.config.OutputFormat;
import io.landwatch.geo.Crs;
import io.landwatch.judge.PatchResult;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.gdal.ogr.ogr;
import org.locationtech.jts.geom.Geometry;

/**
 * The judged patches for desktop GIS, in the working CRS: layer {@code patches} (every patch,
 * styled by verdict) and {@code suspected} (the unapproved parts, styled by priority). Areas in m²
 * to 2 decimals and 亩 to 4, dates as dates, the referral flag as an integer, every source attribute
 * of the patch layer carried under its own name, Chinese aliases where the format keeps them.
 */
public final class PatchGisLayer {
  private PatchGisLayer() {}

  public static void write(Path target, OutputFormat format, List<PatchResult> results, Crs working,
      String shapefileEncoding) {
    Set<String> source = PatchProperties.sourceFields(results);
    List<GisExport.Column> columns = columns(source, results);
    List<Map<String, Object>> all = new ArrayList<>();
    List<Geometry> allGeoms = new ArrayList<>();
    List<Map<String, Object>> suspected = new ArrayList<>();
    List<Geometry> suspectedGeoms = new ArrayList<>();
    for (PatchResult r : results) {
      Map<String, Object> row = row(r, source);
      all.add(row);
      allGeoms.add(r.patch().geometry());
      if (r.suspected()) {
        suspected.add(row);
        suspectedGeoms.add(r.unapproved());
      }
    }
    GisExport.write(target, format, List.of(
        new GisExport.Layer("patches", ogr.wkbMultiPolygon, working, columns, all, allGeoms,
            QgisStyle.qml("verdict", QgisStyle.BY_VERDICT, true, "patch_id")),
        new GisExport.Layer("suspected", ogr.wkbMultiPolygon, working, columns, suspected, suspectedGeoms,
            QgisStyle.qml("priority", QgisStyle.BY_PRIORITY, true, "patch_id"))), shapefileEncoding, "patch");
  }

  /** The name a source attribute is written under: its own, unless one of landwatch's columns has it. */
  static String sourceName(String field) {
    return PatchProperties.NAMES.stream().anyMatch(n -> n.equalsIgnoreCase(field)) ? "src_" + field : field;
  }

  private static Map<String, Object> row(PatchResult r, Set<String> source) {
    Map<String, Object> m = new LinkedHashMap<>();
    PatchProperties.of(r).forEach((k, v) -> m.put(k, value(k, v)));
    for (String f : source) {
      Object v = r.patch().source().get(f);
      m.put(sourceName(f), v instanceof Long l && l == l.intValue() ? Integer.valueOf(l.intValue()) : v);
    }
    return m;
  }

  /** Decimals as numbers, booleans as 0/1, lists joined by ';', dates as dates. */
  private static Object value(String column, Object v) {
    if (v instanceof PatchProperties.Decimal d) {
      return Double.valueOf(d.text());
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof List<?> l) {
      return String.join(";", l.stream().map(Object::toString).toList());
    }
    if (column.endsWith("_date") && v instanceof String s) {
      return LocalDate.parse(s);
    }
    return v;
  }

  /** Areas real (m² 2 decimals, 亩 4), referral integer, dates date, the rest text; then the source attributes. */
  private static List<GisExport.Column> columns(Set<String> source, List<PatchResult> results) {
    List<GisExport.Column> columns = new ArrayList<>();
    for (String name : PatchProperties.NAMES) {
      boolean m2 = name.endsWith("_m2");
      boolean mu = name.endsWith("_mu");
      VectorFileWriter.Type type = m2 || mu ? VectorFileWriter.Type.REAL : name.equals("referral")
          ? VectorFileWriter.Type.INTEGER : name.endsWith("_date") ? VectorFileWriter.Type.DATE : VectorFileWriter.Type.STRING;
      columns.add(new GisExport.Column(name, type, m2 || mu ? 18 : name.equals("approvals") ? 254 : type
          == VectorFileWriter.Type.STRING ? 40 : 0, mu ? 4 : 2, PatchLabels.CHINESE.get(name)));
    }
    for (String f : source) {
      Object example = results.stream().map(r -> r.patch().source().get(f)).filter(java.util.Objects::nonNull)
          .findFirst().orElse(null);
      VectorFileWriter.Type type = example instanceof Integer || example instanceof Long ? VectorFileWriter.Type.INTEGER
          : example instanceof Number ? VectorFileWriter.Type.REAL : VectorFileWriter.Type.STRING;
      columns.add(new GisExport.Column(sourceName(f), type, type == VectorFileWriter.Type.STRING ? 80 : 0, 2,
          "源:" + f.toUpperCase(Locale.ROOT)));
    }
    return columns;
  }
}
