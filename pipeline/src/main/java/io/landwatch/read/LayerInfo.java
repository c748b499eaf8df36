package io.landwatch.read;

import io.landwatch.geo.Crs;
import java.util.List;

/**
 * What {@code landwatch inspect} shows of one layer.
 *
 * @param name layer name
 * @param driver OGR driver
 * @param features feature count
 * @param geometryType declared geometry type
 * @param crs identified CRS, or null
 * @param encoding declared and effective text encoding
 * @param fields fields with three sample values each
 * @param warnings e.g. text that looks like mojibake
 */
public record LayerInfo(String name, String driver, long features, String geometryType, Crs crs,
    TextEncoding encoding, List<Field> fields, List<String> warnings) {

  /** A field and its first three non-empty values. */
  public record Field(String name, String type, int width, List<String> samples) {}

  /** Reads the description of every layer of a file (or only {@code layer}). */
  public static List<LayerInfo> inspect(java.nio.file.Path path, String layer, String encoding) {
    List<String> names;
    try (LayerSource first = LayerSource.open("inspect", path, layer, encoding, null, null)) {
      names = layer == null ? first.layerNames() : List.of(layer);
    }
    List<LayerInfo> out = new java.util.ArrayList<>();
    for (String n : names) {
      try (LayerSource src = LayerSource.open("inspect", path, n, encoding, null, null)) {
        out.add(describe(src));
      }
    }
    return out;
  }

  private static LayerInfo describe(LayerSource src) {
    List<FieldInfo> fields = src.fields();
    List<List<String>> samples = new java.util.ArrayList<>();
    fields.forEach(f -> samples.add(new java.util.ArrayList<>()));
    MojibakeCheck text = new MojibakeCheck();
    String effective = src.encoding().effective();
    int[] seen = {0};
    Attributes attributes = src.attributes();
    src.forEachWhile(f -> {
      var attrs = attributes.read(f);
      int i = 0;
      for (Object v : attrs.values()) {
        if (v != null && !v.toString().isBlank() && samples.get(i).size() < 3) {
          samples.get(i).add(v.toString());
        }
        if (v instanceof String s) {
          text.examine(s, effective);
        }
        i++;
      }
      return ++seen[0] < 1000;
    });
    List<Field> fs = new java.util.ArrayList<>();
    for (int i = 0; i < fields.size(); i++) {
      fs.add(new Field(fields.get(i).name(), fields.get(i).type(), fields.get(i).width(), samples.get(i)));
    }
    List<String> warnings = new java.util.ArrayList<>();
    if (text.looksWrong()) {
      warnings.add("text such as '" + text.example() + "' looks like " + text.likelyCharset()
          + " decoded as " + effective + " (mojibake): pass --encoding " + text.likelyCharset()
          + " (in a job: 'encoding: " + text.likelyCharset() + "'), or add a .cpg file");
    }
    if (src.crs() == null) {
      warnings.add("no CRS: a job using this layer needs 'crs: EPSG:<code>'");
    }
    return new LayerInfo(src.layerName(), src.driver(), src.featureCount(), src.geometryTypeName(),
        src.crs(), src.encoding(), fs, warnings);
  }
}
