package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GIS exports (output.formats) read back with GDAL: patches and suspected layers plus the
 * tasks, source attributes carried, 亩 to 4 decimals, dates and integers typed, Chinese aliases
 * where the format keeps them, QGIS styles in the GeoPackage and beside the Shapefiles.
 */
class GisOutputsTest {
  @TempDir static Path root;
  static CountyCopy c;

  @BeforeAll
  static void run() throws Exception {
    Path base = root.resolve("base");
    SampleCounty.write(base, 11, 1);
    c = CountyCopy.of(base, root.resolve("county"));
    c.editJob("output:  {dir: out}", "output:  {dir: out, formats: [gpkg, shp, gdb]}");
    assertEquals(0, c.run().exit());
  }

  @Test
  void layersTypesAndSourceAttributes() throws Exception {
    Path gpkg = c.out().resolve("patches.gpkg");
    String layers = Ogr.run("ogrinfo", "-ro", "-q", gpkg.toString());
    assertTrue(layers.contains("1: patches (Multi Polygon)") && layers.contains("2: suspected (Multi Polygon)")
        && layers.contains("layer_styles"), layers);
    String info = Ogr.run("ogrinfo", "-ro", "-so", gpkg.toString(), "patches");
    for (String f : List.of("after_date: Date", "before_date: Date", "referral: Integer", "area_mu: Real",
        "TBLX: String", "BHLX: String", "XZQDM: String", "JCMJ: Real")) {
      assertTrue(info.contains(f), f + " in\n" + info);
    }
    // every patch's source attributes equal the patch layer's own, read from patches.shp
    Map<String, String> tblx = new HashMap<>();
    List<List<String>> src = Ogr.readCsv(c.file("patches.shp"), "SELECT JCBH, TBLX FROM patches", "SQLite");
    src.subList(1, src.size()).forEach(r -> tblx.put(r.get(0), r.get(1)));
    List<List<String>> out = Ogr.readCsv(gpkg, "SELECT patch_id, TBLX, area_mu, area_m2, after_date FROM patches", "SQLite");
    assertEquals(298, out.size() - 1);
    for (List<String> r : out.subList(1, out.size())) {
      assertEquals(tblx.get(r.get(0)), r.get(1), r.get(0));
      double mu = Double.parseDouble(r.get(2));
      assertEquals(Double.parseDouble(r.get(3)) / (2000.0 / 3.0), mu, 0.00006, "亩 to 4 decimals: " + r);
    }
    assertTrue(out.stream().skip(1).anyMatch(r -> r.get(2).matches("\\d+\\.\\d{3,4}")), "4 decimals kept");
    // suspected: the unapproved parts of the suspected patches
    List<List<String>> patches = Csv.read(c.out().resolve("patches.csv"));
    long suspected = patches.stream().skip(1).filter(r -> r.get(Csv.col(patches, "verdict")).equals("suspected_illegal"))
        .count();
    assertEquals(suspected, Ogr.readCsv(gpkg, "SELECT patch_id FROM suspected", null).size() - 1);
    String tasks = Ogr.run("ogrinfo", "-ro", "-so", c.out().resolve("tasks.shp").toString(), "tasks");
    assertTrue(tasks.contains("Point") && tasks.contains("DUE_ON: Date") && tasks.contains("TOWNSHIP_S: Integer"), tasks);
  }

  @Test
  void aliasesAndStyles() throws Exception {
    Path gpkg = c.out().resolve("patches.gpkg");
    List<List<String>> aliases = Ogr.readCsv(gpkg, "SELECT table_name, column_name, name FROM gpkg_data_columns"
        + " WHERE column_name IN ('patch_id', 'after_date', 'basic_farmland_mu') ORDER BY table_name, column_name",
        "SQLite");
    assertEquals(List.of(List.of("patches", "after_date", "后时相"), List.of("patches", "basic_farmland_mu", "占用永久基本农田(亩)"),
        List.of("patches", "patch_id", "图斑编号")), aliases.subList(1, 4));
    String gdb = Ogr.run("ogrinfo", "-ro", "-so", c.out().resolve("patches.gdb").toString(), "patches");
    assertTrue(gdb.contains("patch_id: String (40.0), alternative name=\"图斑编号\""), gdb);
    List<List<String>> styles = Ogr.readCsv(gpkg, "SELECT f_table_name, useAsDefault, styleQML FROM layer_styles"
        + " ORDER BY f_table_name", "SQLite");
    assertEquals("patches", styles.get(1).get(0));
    assertEquals("1", styles.get(1).get(1));
    assertTrue(styles.get(1).get(2).contains("attr=\"verdict\"") && styles.get(1).get(2).contains("value=\"suspected_illegal\""));
    assertEquals("suspected", styles.get(2).get(0));
    assertTrue(styles.get(2).get(2).contains("attr=\"priority\""));
    for (String qml : List.of("patches.qml", "suspected.qml", "tasks.qml")) {
      String xml = Files.readString(c.out().resolve(qml), StandardCharsets.UTF_8);
      var factory = javax.xml.parsers.DocumentBuilderFactory.newInstance();
      // QGIS's own DOCTYPE names a DTD nobody serves: well-formedness is what is checked
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      var doc = factory.newDocumentBuilder().parse(new java.io.ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
      assertEquals("qgis", doc.getDocumentElement().getTagName());
      assertTrue(xml.contains("<renderer-v2 type=\"categorizedSymbol\""), qml);
    }
  }
}
