package io.landwatch.write;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.gdal.ogr.ogr;

/**
 * QGIS styles for the GIS exports, so a layer opens coloured as landwatch means it: patches by
 * verdict, suspected parts and tasks by priority, each labelled with its id. Kept in a
 * GeoPackage's {@code layer_styles} table (QGIS applies the default style when the layer is
 * added) or beside a Shapefile as {@code .qml}.
 */
public final class QgisStyle {
  private QgisStyle() {}

  /** A category: the attribute value, its legend label, and an RGB colour. */
  public record Category(String value, String label, String rgb) {}

  public static final List<Category> BY_VERDICT = List.of(new Category("approved", "已批（合法）", "46,125,50"),
      new Category("suspected_illegal", "疑似违法", "198,40,40"));

  public static final List<Category> BY_PRIORITY = List.of(new Category("P1", "P1 基本农田/生态红线", "198,40,40"),
      new Category("P2", "P2 耕地", "239,108,0"), new Category("P3", "P3 其他", "96,125,139"));

  /** A categorized QML for a polygon ({@code fill}) or point ({@code marker}) layer, labelled by {@code labelField}. */
  public static String qml(String attribute, List<Category> categories, boolean polygons, String labelField) {
    StringBuilder b = new StringBuilder("<!DOCTYPE qgis PUBLIC 'http://mrcc.com/qgis.dtd' 'SYSTEM'>\n"
        + "<qgis version=\"3.28.0\" styleCategories=\"Symbology|Labeling\" labelsEnabled=\"1\">\n"
        + " <renderer-v2 type=\"categorizedSymbol\" attr=\"" + attribute + "\" symbollevels=\"0\" enableorderby=\"0\""
        + " forceraster=\"0\">\n  <categories>\n");
    for (int i = 0; i < categories.size(); i++) {
      Category c = categories.get(i);
      b.append("   <category symbol=\"").append(i).append("\" value=\"").append(c.value()).append("\" label=\"")
          .append(c.label()).append("\" render=\"true\"/>\n");
    }
    b.append("  </categories>\n  <symbols>\n");
    for (int i = 0; i < categories.size(); i++) {
      String rgb = categories.get(i).rgb();
      if (polygons) {
        b.append("   <symbol type=\"fill\" name=\"").append(i).append("\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
            + "    <layer class=\"SimpleFill\" enabled=\"1\" pass=\"0\" locked=\"0\">\n     <Option type=\"Map\">\n"
            + option("color", rgb + ",80") + option("outline_color", rgb + ",255") + option("outline_width", "0.5")
            + option("outline_width_unit", "MM") + option("style", "solid")
            + "     </Option>\n    </layer>\n   </symbol>\n");
      } else {
        b.append("   <symbol type=\"marker\" name=\"").append(i).append("\" alpha=\"1\" clip_to_extent=\"1\" force_rhr=\"0\">\n"
            + "    <layer class=\"SimpleMarker\" enabled=\"1\" pass=\"0\" locked=\"0\">\n     <Option type=\"Map\">\n"
            + option("color", rgb + ",255") + option("name", "circle") + option("size", "3")
            + option("outline_color", "255,255,255,255") + option("outline_width", "0.3")
            + "     </Option>\n    </layer>\n   </symbol>\n");
      }
    }
    b.append("  </symbols>\n </renderer-v2>\n <labeling type=\"simple\">\n  <settings calloutType=\"simple\">\n"
        + "   <text-style fieldName=\"").append(labelField).append("\" fontSize=\"8\" textColor=\"50,50,50,255\""
        + " isExpression=\"0\"/>\n   <placement placement=\"" + (polygons ? "1" : "6") + "\"/>\n"
        + "   <rendering scaleVisibility=\"1\" scaleMin=\"0\" scaleMax=\"25000\"/>\n  </settings>\n </labeling>\n</qgis>\n");
    return b.toString();
  }

  private static String option(String name, String value) {
    return "      <Option type=\"QString\" name=\"" + name + "\" value=\"" + value + "\"/>\n";
  }

  /** The GeoPackage's layer_styles table with each layer's style as its default (what QGIS reads). */
  static void keep(VectorFileWriter w, List<GisExport.Layer> layers) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (GisExport.Layer l : layers) {
      if (l.qml() != null) {
        Map<String, Object> r = new java.util.LinkedHashMap<>();
        r.put("f_table_catalog", "");
        r.put("f_table_schema", "");
        r.put("f_table_name", l.name());
        r.put("f_geometry_column", "geom");
        r.put("styleName", l.name());
        r.put("styleQML", l.qml());
        r.put("styleSLD", "");
        r.put("useAsDefault", 1);
        r.put("description", "landwatch");
        r.put("owner", "");
        r.put("ui", "");
        rows.add(r);
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    w.nextLayer("layer_styles", null, ogr.wkbNone);
    for (String f : rows.get(0).keySet()) {
      w.field(f, f.equals("useAsDefault") ? VectorFileWriter.Type.INTEGER : VectorFileWriter.Type.STRING, 0);
    }
    rows.forEach(r -> w.add(r, null));
  }
}
