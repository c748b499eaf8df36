package io.landwatch.samples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.testing.Ogr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample county is deterministic for a seed and carries the data realities it promises. */
class SampleCountyTest {
  @TempDir Path tmp;

  @Test
  void sameSeedSameFilesOtherSeedOtherFiles() throws Exception {
    SampleCounty.write(tmp.resolve("a"), 5, 1);
    SampleCounty.write(tmp.resolve("b"), 5, 1);
    SampleCounty.write(tmp.resolve("c"), 6, 1);
    for (String f : List.of("patches.shp", "patches.dbf", "gd.shp", "gd.dbf", "jbnt.shp", "cun.dbf",
        "stbhhx.geojson", "homesteads.csv", "job.yaml")) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)), Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
    }
    assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a/patches.shp")),
        Files.readAllBytes(tmp.resolve("c/patches.shp"))));
  }

  @Test
  void carriesTheRealitiesOfCountyData() throws Exception {
    Path d = tmp.resolve("county");
    SampleCounty.Written w = SampleCounty.write(d, 20230420, 1);
    assertTrue(w.patches() >= 200 && w.patches() <= 500);
    assertTrue(Files.exists(d.resolve("patches.cpg")) && Files.exists(d.resolve("cun.cpg")), "GBK with .cpg");
    assertFalse(Files.exists(d.resolve("gd.cpg")), "GBK without .cpg");
    assertEquals(0, Files.readAllBytes(d.resolve("gd.dbf"))[29], "no language driver id either");
    String gd = Ogr.run("ogrinfo", "-so", "-al", d.resolve("gd.shp").toString());
    assertTrue(gd.contains("CGCS2000 / 3-degree Gauss-Kruger zone 38"), gd);
    assertTrue(gd.contains("Feature Count: " + w.farmland()), gd);
    String jbnt = Ogr.run("ogrinfo", "-so", "-al", d.resolve("jbnt.shp").toString());
    assertTrue(jbnt.contains("China Geodetic Coordinate System 2000"), jbnt);
    String bad = Ogr.run("ogrinfo", "-al", "-q", "-geom=NO", "-where", "HSX = '20230631'", d.resolve("patches.shp").toString());
    assertTrue(bad.contains("HSX (String) = 20230631"), bad);
    SampleCounty.Written ten = SampleCounty.write(tmp.resolve("ten"), 20230420, 4);
    double ratio = (double) ten.farmland() / w.farmland();
    assertTrue(ratio > 3.6 && ratio < 4.4, "scale 4 gives ~4× the parcels: " + ratio);
  }
}
