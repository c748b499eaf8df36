package io.landwatch.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.config.OutputFormat;
import io.landwatch.geo.Crs;
import io.landwatch.read.LayerSource;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Geoms;
import io.landwatch.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every desktop GIS format, read back with OGR: Chinese values exact, CRS identified, count. */
class GisExportTest {
  @TempDir Path dir;

  static final List<GisExport.Column> COLS = List.of(
      new GisExport.Column("patch_id", VectorFileWriter.Type.STRING, 20),
      new GisExport.Column("township", VectorFileWriter.Type.STRING, 40),
      new GisExport.Column("basic_farmland_m2", VectorFileWriter.Type.REAL, 18),
      new GisExport.Column("basic_farmland_mu", VectorFileWriter.Type.REAL, 18));

  private static Map<String, Object> row(String id, String town, double m2) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("patch_id", id);
    m.put("township", town);
    m.put("basic_farmland_m2", m2);
    m.put("basic_farmland_mu", m2 / (2000.0 / 3));
    return m;
  }

  @ParameterizedTest
  @ValueSource(strings = {"gpkg", "shp", "gdb", "geojson"})
  void writesAndReadsBack(String ext) throws Exception {
    Path out = dir.resolve("patches." + ext);
    GisExport.write(out, OutputFormat.of(ext), "patches", Crs.epsg(4526), COLS,
        List.of(row("A1", "崇文镇", 1234.56), row("A2", "西河底镇", 0.01)),
        List.of(Geoms.rect(Geoms.ORIGIN_X, Geoms.ORIGIN_Y, 10, 10), Geoms.rect(38_430_100, Geoms.ORIGIN_Y, 10, 10)), "GBK", "patch");
    List<List<String>> rows = Ogr.readCsv(out, null, null);
    assertEquals(3, rows.size());
    boolean shp = ext.equals("shp");
    int town = Csv.col(rows, shp ? "TOWNSHIP" : "township");
    assertEquals("崇文镇", rows.get(1).get(town));
    assertEquals("西河底镇", rows.get(2).get(town));
    assertEquals(1234.56, Double.parseDouble(rows.get(1).get(Csv.col(rows, shp ? "BASIC_M2" : "basic_farmland_m2"))), 1e-9);
    try (var src = LayerSource.open("check", out, null, null, null, null)) {
      assertEquals(4526, src.requireCrs().epsgCode(), ext);
      assertEquals(2, src.featureCount());
    }
    if (shp) {
      assertEquals("GBK", Files.readString(dir.resolve("patches.cpg"), StandardCharsets.ISO_8859_1).trim().toUpperCase());
      assertTrue(Files.readString(dir.resolve("patches.prj")).contains("Gauss_Kruger"), "ESRI WKT .prj");
      assertEquals(List.of("PATCH_ID", "TOWNSHIP", "BASIC_M2", "BASIC_MU", "WKT"),
          rows.get(0).stream().filter(c -> !c.isEmpty()).sorted((a, b) -> a.equals("WKT") ? 1 : b.equals("WKT") ? -1 : 0).toList());
    }
  }

  @Test
  void shapefileNamesAreStableAndUnique() {
    Map<String, String> m = GisExport.shapefileNames(List.of("basic_farmland_m2", "township_name_long",
        "township_name_longer", "area_m2"));
    assertEquals("BASIC_M2", m.get("basic_farmland_m2"));
    assertEquals("TOWNSHIP_N", m.get("township_name_long"));
    assertEquals("TOWNSHIP_1", m.get("township_name_longer"));
    assertEquals("AREA_M2", m.get("area_m2"));
  }

  @Test
  void aValueGbkCannotHoldIsAnErrorNamingTheRecord() {
    Path out = dir.resolve("bad.shp");
    LandwatchException e = assertThrows(LandwatchException.class, () -> GisExport.write(out, OutputFormat.SHP,
        "patches", Crs.epsg(4526), COLS, List.of(row("A1", "崇文镇", 1), row("B7", "🏠村", 2)),
        List.of(Geoms.rect(0, 0, 1, 1), Geoms.rect(2, 0, 1, 1)), "GBK", "patch"));
    assertEquals(ExitCode.OUTPUT, e.exitCode());
    assertTrue(e.getMessage().contains("patch 2 (B7)") && e.getMessage().contains("GBK cannot hold"), e.getMessage());
  }
}
