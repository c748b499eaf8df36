package io.landwatch.write;

import io.landwatch.config.OutputFormat;
import io.landwatch.geo.Crs;
import io.landwatch.judge.PatchResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/** The judged patches as one layer of a desktop GIS format, in the working CRS. */
public final class PatchGisLayer {
  private PatchGisLayer() {}

  public static void write(Path target, OutputFormat format, List<PatchResult> results, Crs working,
      String shapefileEncoding) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<Geometry> geoms = new ArrayList<>();
    for (PatchResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      PatchProperties.of(r).forEach((k, v) -> m.put(k, value(v)));
      rows.add(m);
      geoms.add(r.patch().geometry());
    }
    GisExport.write(target, format, "patches", working, columns(), rows, geoms, shapefileEncoding, "patch");
  }

  /** Decimals as numbers, booleans as 0/1, lists joined by ';'. */
  private static Object value(Object v) {
    if (v instanceof PatchProperties.Decimal d) {
      return Double.valueOf(d.text());
    }
    if (v instanceof Boolean b) {
      return b ? 1 : 0;
    }
    if (v instanceof List<?> l) {
      return String.join(";", l.stream().map(Object::toString).toList());
    }
    return v;
  }

  /** Areas (m², mu) real, the referral flag integer, the approvals long text, the rest text. */
  private static List<GisExport.Column> columns() {
    List<GisExport.Column> columns = new ArrayList<>();
    for (String name : PatchProperties.NAMES) {
      boolean number = name.endsWith("_m2") || name.endsWith("_mu");
      columns.add(new GisExport.Column(name, number ? VectorFileWriter.Type.REAL
          : name.equals("referral") ? VectorFileWriter.Type.INTEGER
          : VectorFileWriter.Type.STRING, number ? 18 : name.equals("approvals") ? 254 : 40));
    }
    return columns;
  }
}
