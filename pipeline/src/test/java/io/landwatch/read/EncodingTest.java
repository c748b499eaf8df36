package io.landwatch.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.testing.Geoms;
import io.landwatch.testing.Ogr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Chinese attribute text read back exactly from GBK and UTF-8 Shapefiles written by ogr2ogr. */
class EncodingTest {
  static final List<String> NAMES = List.of("水浇地", "永久基本农田", "陵川县崇文镇东街村");
  @TempDir static Path dir;
  static Path source;

  @BeforeAll
  static void writeSource() throws Exception {
    List<String> features = new ArrayList<>();
    for (int i = 0; i < NAMES.size(); i++) {
      features.add(Ogr.feature("{\"DLMC\":\"" + NAMES.get(i) + "\",\"N\":" + i + "}",
          Ogr.rect(Geoms.ORIGIN_X + i * 200, Geoms.ORIGIN_Y, 100, 50)));
    }
    source = Ogr.geojson(dir.resolve("src.geojson"), "urn:ogc:def:crs:EPSG::4526", features.toArray(new String[0]));
  }

  private static Path shapefile(String name, String encoding) {
    Path shp = dir.resolve(name + ".shp");
    Ogr.ogr2ogr("-f", "ESRI Shapefile", "-lco", "ENCODING=" + encoding, shp.toString(), source.toString());
    return shp;
  }

  private static List<String> read(Path shp, String encoding, MojibakeCheck check) {
    List<String> out = new ArrayList<>();
    try (LayerSource src = LayerSource.open("test", shp, null, encoding, null, null)) {
      Attributes attributes = src.attributes();
      src.forEach(f -> {
        String v = (String) attributes.read(f).get("DLMC");
        out.add(v);
        check.examine(v, src.encoding().effective());
      });
    }
    return out;
  }

  @Test
  void gbkWithCpgIsDecodedFromTheCpg() throws Exception {
    Path shp = shapefile("gbk_cpg", "CP936");
    assertTrue(Files.exists(dir.resolve("gbk_cpg.cpg")));
    MojibakeCheck check = new MojibakeCheck();
    assertEquals(NAMES, read(shp, null, check));
    assertFalse(check.looksWrong());
    // The job's encoding wins over the .cpg (a .cpg can lie); a wrong one shows as mojibake.
    MojibakeCheck wrong = new MojibakeCheck();
    assertNotEquals(NAMES, read(shp, "UTF-8", wrong));
    assertTrue(wrong.looksWrong());
    try (LayerSource src = LayerSource.open("test", shp, null, null, null, null)) {
      assertEquals(TextEncoding.Origin.CPG, src.encoding().origin());
      assertEquals("CP936", src.encoding().declared());
    }
  }

  @Test
  void gbkWithoutCpgIsDecodedWithTheJobEncoding() throws Exception {
    Path shp = shapefile("gbk_nocpg", "CP936");
    Files.delete(dir.resolve("gbk_nocpg.cpg"));
    MojibakeCheck check = new MojibakeCheck();
    assertEquals(NAMES, read(shp, "GBK", check));
    assertFalse(check.looksWrong());
    try (LayerSource src = LayerSource.open("test", shp, null, "GBK", null, null)) {
      assertNull(src.encoding().declared());
      assertEquals(TextEncoding.Origin.JOB, src.encoding().origin());
    }
  }

  @Test
  void gbkWithoutCpgAndWithoutEncodingIsFlaggedAsMojibake() throws Exception {
    Path shp = shapefile("gbk_bare", "CP936");
    Files.delete(dir.resolve("gbk_bare.cpg"));
    MojibakeCheck check = new MojibakeCheck();
    List<String> values = read(shp, null, check);
    assertFalse(values.contains(NAMES.get(0)));
    assertTrue(check.looksWrong());
    assertEquals("GBK", check.likelyCharset());
  }

  @Test
  void utf8ShapefileIsReadExactly() throws Exception {
    Path shp = shapefile("utf8", "UTF-8");
    MojibakeCheck check = new MojibakeCheck();
    assertEquals(NAMES, read(shp, null, check));
    assertFalse(check.looksWrong());
  }

  @Test
  void gbkDataBehindAUtf8CpgIsFlagged() throws Exception {
    Path shp = shapefile("lying_cpg", "CP936");
    Files.writeString(dir.resolve("lying_cpg.cpg"), "UTF-8");
    MojibakeCheck check = new MojibakeCheck();
    read(shp, null, check);
    assertTrue(check.looksWrong());
  }

  @Test
  void inspectWarnsAboutMojibakeAndNamesTheFix() throws Exception {
    Path shp = shapefile("gbk_inspect", "CP936");
    Files.delete(dir.resolve("gbk_inspect.cpg"));
    List<LayerInfo> info = LayerInfo.inspect(shp, null, null);
    assertEquals(1, info.size());
    assertTrue(info.get(0).warnings().get(0).contains("--encoding GBK"), info.get(0).warnings().toString());
    List<LayerInfo> fixed = LayerInfo.inspect(shp, null, "GBK");
    assertTrue(fixed.get(0).warnings().isEmpty());
    assertEquals(NAMES, fixed.get(0).fields().stream().filter(f -> f.name().equals("DLMC"))
        .findFirst().orElseThrow().samples());
    assertEquals(3, fixed.get(0).features());
    assertEquals(4526, fixed.get(0).crs().epsgCode());
  }
}
