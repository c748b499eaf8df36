package io.landwatch.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.LayerRole;
import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.model.Patch;
import io.landwatch.testing.Geoms;
import io.landwatch.testing.Ogr;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every quarantine reason of the patch layer, from a real GeoPackage written by ogr2ogr. */
class LayerLoaderTest {
  @TempDir Path dir;

  @Test
  void everyRecordIsJudgedOrQuarantinedWithItsReason() throws Exception {
    String ok = Ogr.rect(Geoms.ORIGIN_X, Geoms.ORIGIN_Y, 100, 50);
    Path src = Ogr.geojson(dir.resolve("p.geojson"), "urn:ogc:def:crs:EPSG::4526",
        Ogr.feature("{\"JCBH\":\"A1\",\"HSX\":\"20230415\",\"QSX\":\"2023/1/5\"}", ok),
        Ogr.feature("{\"JCBH\":\"A2\",\"HSX\":\"20230631\",\"QSX\":null}", ok),
        Ogr.feature("{\"JCBH\":\"A3\",\"HSX\":null,\"QSX\":null}", ok),
        Ogr.feature("{\"JCBH\":null,\"HSX\":\"2023-04-15\",\"QSX\":null}", ok),
        Ogr.feature("{\"JCBH\":\"A1\",\"HSX\":\"2023-04-15\",\"QSX\":null}", ok),
        Ogr.feature("{\"JCBH\":\"A6\",\"HSX\":\"2023-04-15\",\"QSX\":null}", "null"),
        Ogr.feature("{\"JCBH\":\"A7\",\"HSX\":\"2023-04-15\",\"QSX\":null}",
            "{\"type\":\"Point\",\"coordinates\":[38430000,3955000]}"),
        Ogr.feature("{\"JCBH\":\"A8\",\"HSX\":\"2023-04-15\",\"QSX\":\"2023-13-01\"}", ok),
        Ogr.feature("{\"JCBH\":\"A9\",\"HSX\":\"2023/4/16\",\"QSX\":null}",
            "{\"type\":\"Polygon\",\"coordinates\":[[[38430000,3955000],[38430080,3955060],[38430080,3955000],[38430000,3955060],[38430000,3955000]]]}"));
    Path gpkg = dir.resolve("patches.gpkg");
    Ogr.ogr2ogr("-f", "GPKG", gpkg.toString(), src.toString(), "-nln", "patches", "-nlt", "GEOMETRY");
    LayerSpec spec = new LayerSpec(LayerRole.PATCHES, "patches", gpkg, null, null, null, null,
        LayerRole.PATCHES.defaultFields(), Set.of(), null);
    Quarantine q = new Quarantine();
    RepairReport r = new RepairReport();
    var loaded = LayerLoader.load(spec, Crs.epsg(4526), "JCBH", q, r, 10, Records.patches(spec, new Records.DateWindow(java.time.LocalDate.of(1972, 7, 23), java.time.LocalDate.of(2030, 1, 1))));

    assertEquals(9, loaded.recordsIn());
    assertEquals(List.of("A1", "A9"), loaded.records().stream().map(Patch::id).toList());
    Patch a1 = loaded.records().get(0);
    assertEquals(LocalDate.of(2023, 4, 15), a1.afterDate());
    assertEquals(LocalDate.of(2023, 1, 5), a1.beforeDate());
    assertEquals(2400.0, loaded.records().get(1).geometry().getArea(), 1e-6);
    assertEquals(1, r.get("patches", "self_intersection_split"));

    Map<String, String> reasons = q.entries().stream()
        .collect(Collectors.toMap(e -> e.id() + "#" + e.record(), QuarantineEntry::category));
    assertEquals(Map.of(
        "A2#2", "bad_date",
        "A3#3", "missing_date",
        "#4", "missing_id",
        "A1#5", "duplicate_id",
        "A6#6", "null_geometry",
        "A7#7", "not_polygonal",
        "A8#8", "bad_date"), reasons);
    assertEquals(loaded.recordsIn(), loaded.records().size() + q.count("patches"));
    String badDate = q.entries().stream().filter(e -> e.id().equals("A2")).findFirst().orElseThrow().reason();
    assertTrue(badDate.contains("HSX='20230631'") && badDate.contains("2023-04-15"), badDate);
  }
}
