package io.landwatch.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.LayerRole;
import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.model.SourceRecord;
import io.landwatch.prepare.GeometryPreparer;
import io.landwatch.prepare.LayerLoader;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.QuarantineEntry;
import io.landwatch.prepare.Records;
import io.landwatch.prepare.RepairReport;
import io.landwatch.testing.Geoms;
import io.landwatch.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every supported format, written by ogr2ogr, read back through LayerSource. */
class FormatsTest {
  @TempDir static Path dir;
  static Path source;

  @BeforeAll
  static void writeSource() throws Exception {
    source = Ogr.geojson(dir.resolve("src.geojson"), "urn:ogc:def:crs:EPSG::4526",
        Ogr.feature("{\"PZWH\":\"陵政地〔2022〕001号\",\"PZLX\":\"农用地转用\"}", Ogr.rect(Geoms.ORIGIN_X, Geoms.ORIGIN_Y, 100, 50)),
        Ogr.feature("{\"PZWH\":\"陵政地〔2022〕002号\",\"PZLX\":\"临时用地\"}", Ogr.rect(38_431_000, Geoms.ORIGIN_Y, 40, 25)));
  }

  record Read(List<String> ids, List<Double> areas, Integer epsg) {}

  private static Read read(Path file, String layer, String crs, LayerSpec.TableGeometry g) {
    List<String> ids = new ArrayList<>();
    List<Double> areas = new ArrayList<>();
    try (LayerSource src = LayerSource.open("inputs.approvals", file, layer, null, crs, g)) {
      Reprojector toGk = Reprojector.between(src.requireCrs(), Crs.epsg(4526));
      GeometryPreparer prep = new GeometryPreparer();
      Attributes attributes = src.attributes();
      src.forEach(f -> {
        ids.add(new SourceRecord(0, attributes.read(f)).text("PZWH"));
        var r = prep.prepare(src.geometryOf(f), toGk, "approvals", new RepairReport());
        areas.add(((GeometryPreparer.Prepared) r).geometry().getArea());
      });
      return new Read(ids, areas, src.requireCrs().epsgCode());
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ESRI Shapefile, a.shp", "GPKG, a.gpkg", "GeoJSON, a.geojson", "OpenFileGDB, a.gdb",
      "FlatGeobuf, a.fgb", "SQLite, a.sqlite"})
  void readsFormat(String driver, String name) {
    Path out = dir.resolve(name);
    List<String> args = new ArrayList<>(List.of("-f", driver, out.toString(), source.toString(), "-nln", "approvals"));
    if (driver.equals("ESRI Shapefile")) {
      args.addAll(List.of("-lco", "ENCODING=UTF-8"));
    }
    Ogr.ogr2ogr(args.toArray(new String[0]));
    Read r = read(out, driver.equals("ESRI Shapefile") ? null : "approvals", null, null);
    // FlatGeobuf returns features in spatial-index order: compare as id → area
    java.util.Map<String, Double> byId = new java.util.TreeMap<>();
    for (int i = 0; i < r.ids().size(); i++) {
      byId.put(r.ids().get(i), r.areas().get(i));
    }
    assertEquals(List.of("陵政地〔2022〕001号", "陵政地〔2022〕002号"), List.copyOf(byId.keySet()));
    assertEquals(5000.0, byId.get("陵政地〔2022〕001号"), 1e-6);
    assertEquals(1000.0, byId.get("陵政地〔2022〕002号"), 1e-6);
    assertEquals(4526, r.epsg());
  }

  @Test
  void readsCsvWithWktColumnAndCrsOverride() throws Exception {
    Path csv = dir.resolve("list.csv");
    Files.writeString(csv, "PZWH,PZLX,WKT\n"
        + "陵政地〔2022〕001号,农用地转用,\"POLYGON((38430000 3955000,38430100 3955000,38430100 3955050,38430000 3955050,38430000 3955000))\"\n"
        + "陵政地〔2022〕002号,临时用地,\"POLYGON((38431000 3955000,38431040 3955000,38431040 3955025,38431000 3955025,38431000 3955000))\"\n",
        StandardCharsets.UTF_8);
    Read r = read(csv, null, "EPSG:4526", new LayerSpec.TableGeometry("WKT", null, null));
    assertEquals(List.of("陵政地〔2022〕001号", "陵政地〔2022〕002号"), r.ids());
    assertEquals(List.of(5000.0, 1000.0), r.areas());
  }

  @Test
  void unreadableTableGeometryIsQuarantinedWithItsReason() throws Exception {
    Path csv = dir.resolve("broken.csv");
    Files.writeString(csv, "PZWH,PZRQ,WKT\n"
        + "A1,2022-01-01,\"POLYGON((38430000 3955000,38430100 3955000,38430100 3955050,38430000 3955000))\"\n"
        + "A2,2022-01-01,\"POLYGON((38430000 3955000,38430100\"\n"
        + "A3,2022-01-01,\n", StandardCharsets.UTF_8);
    LayerSpec spec = new LayerSpec(LayerRole.APPROVALS, "approvals[1]", csv, null, null,
        "EPSG:4526", null, LayerRole.APPROVALS.defaultFields(), java.util.Set.of(),
        new LayerSpec.TableGeometry("WKT", null, null));
    Quarantine q = new Quarantine();
    var loaded = LayerLoader.load(spec, Crs.epsg(4526), "PZWH", q, new RepairReport(), 10,
        Records.approvals(spec, new Records.DateWindow(java.time.LocalDate.of(1972, 7, 23), java.time.LocalDate.of(2030, 1, 1))));
    assertEquals(1, loaded.records().size());
    List<QuarantineEntry> e = q.entries();
    assertEquals(List.of("unreadable_geometry", "null_geometry"), e.stream().map(x -> x.category()).toList());
    assertTrue(e.get(0).reason().startsWith("the WKT in column WKT cannot be read: 'POLYGON((38430000"), e.get(0).reason());
    assertEquals("A2", e.get(0).id());
  }

  @Test
  void readsGbkCsvWithEncoding() throws Exception {
    Path csv = dir.resolve("gbk.csv");
    Files.write(csv, ("PZWH,WKT\n陵政地〔2022〕003号,\"POLYGON((0 0,1 0,1 1,0 1,0 0))\"\n").getBytes("GBK"));
    try (LayerSource src = LayerSource.open("inputs.approvals", csv, null, "GBK", "EPSG:4526",
        new LayerSpec.TableGeometry("WKT", null, null))) {
      List<String> ids = new ArrayList<>();
      Attributes attributes = src.attributes();
      src.forEach(f -> ids.add((String) attributes.read(f).get("PZWH")));
      assertEquals(List.of("陵政地〔2022〕003号"), ids);
    }
  }

  @Test
  void readsXlsxWithWktColumn() throws Exception {
    Path csv = dir.resolve("forxlsx.csv");
    Files.writeString(csv, "PZWH,PZLX,GEOM\n"
        + "陵政地〔2022〕001号,农用地转用,\"POLYGON((38430000 3955000,38430100 3955000,38430100 3955050,38430000 3955050,38430000 3955000))\"\n",
        StandardCharsets.UTF_8);
    Path xlsx = dir.resolve("list.xlsx");
    Ogr.ogr2ogr("-f", "XLSX", xlsx.toString(), csv.toString(), "-nln", "approvals");
    Read r = read(xlsx, "approvals", "EPSG:4526", new LayerSpec.TableGeometry("GEOM", null, null));
    assertEquals(List.of("陵政地〔2022〕001号"), r.ids());
    assertEquals(List.of(5000.0), r.areas());
  }

  @Test
  void readsLonLatColumnsAsPoints() throws Exception {
    Path csv = dir.resolve("points.csv");
    Files.writeString(csv, "NAME,LON,LAT\n村委会,113.2801,35.7712\n", StandardCharsets.UTF_8);
    try (LayerSource src = LayerSource.open("inputs.villages", csv, null, null, "EPSG:4490",
        new LayerSpec.TableGeometry(null, "LON", "LAT"))) {
      List<double[]> pts = new ArrayList<>();
      src.forEach(f -> {
        var g = src.geometryOf(f);
        pts.add(new double[] {g.GetX(), g.GetY()});
      });
      assertEquals(1, pts.size());
      assertEquals(113.2801, pts.get(0)[0], 1e-12);
      assertEquals(35.7712, pts.get(0)[1], 1e-12);
    }
  }
}
