package io.landwatch.overlay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.LayerRole;
import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.model.Patch;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.RepairReport;
import io.landwatch.testing.Geoms;
import io.landwatch.testing.Ogr;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streaming a big layer past the patch index: only parcels that really touch a patch are kept, in
 * any CRS of the layer; envelope neighbours that do not touch are dropped; misplaced and broken
 * records are quarantined with their record numbers.
 */
class ParcelScannerTest {
  static final double X = Geoms.LINGCHUAN_X;
  static final double Y = Geoms.LINGCHUAN_Y;
  @TempDir Path dir;

  static Patch patch(String id, double x, double y, double w, double h) {
    return new Patch(id, 0, Geoms.rect(X + x, Y + y, w, h), LocalDate.of(2023, 5, 1), null, Map.of());
  }

  static LayerSpec layer(Path file) {
    return new LayerSpec(LayerRole.FARMLAND, "farmland", file, null, null, null, null, Map.of(), Set.of(), null);
  }

  /** Patch 0 at (0,0) 100×100; patch 1 at (1000,0) 50×50. */
  static PatchIndex index() {
    return new PatchIndex(List.of(patch("P0", 0, 0, 100, 100), patch("P1", 1000, 0, 50, 50)));
  }

  @Test
  void keepsOnlyParcelsThatTouchAPatch() throws Exception {
    Path gd = Ogr.geojson(dir.resolve("gd.geojson"), "urn:ogc:def:crs:EPSG::4526",
        Ogr.feature("{\"n\":0}", Ogr.rect(X + 50, Y + 50, 100, 100)),      // overlaps P0
        Ogr.feature("{\"n\":1}", Ogr.rect(X + 1040, Y + 40, 20, 20)),      // overlaps P1
        Ogr.feature("{\"n\":2}", Ogr.rect(X + 500, Y + 500, 10, 10)),      // far from both
        // an L whose envelope covers P0's corner but whose arms miss it
        Ogr.feature("{\"n\":3}", "{\"type\":\"Polygon\",\"coordinates\":[[[" + (X - 50) + "," + (Y + 150) + "],["
            + (X + 150) + "," + (Y + 150) + "],[" + (X + 150) + "," + (Y + 200) + "],[" + (X - 100) + "," + (Y + 200) + "],["
            + (X - 100) + "," + (Y - 50) + "],[" + (X - 50) + "," + (Y - 50) + "],[" + (X - 50) + "," + (Y + 150) + "]]]}"),
        Ogr.feature("{\"n\":4}", "null"),
        Ogr.feature("{\"n\":5}", Ogr.rect(1, 1, 1, 1)));                    // near (1, 1): misplaced
    Quarantine q = new Quarantine();
    ParcelHits hits = new ParcelScanner(index(), Crs.epsg(4526), q, new RepairReport(), 60).scan(layer(gd), 2);
    assertEquals(6, hits.records());
    assertEquals(1, hits.of(0).size());
    assertEquals(1, hits.of(1).size());
    assertEquals(2, hits.hits());
    assertEquals(2500, hits.of(0).get(0).intersection(Geoms.rect(X, Y, 100, 100)).getArea(), 1e-6);
    assertEquals(List.of("4:null_geometry", "5:invalid_coordinate"),
        q.entries().stream().map(e -> e.record() + ":" + e.category()).toList());
  }

  @Test
  void aLayerInAnotherCrsFindsTheSameParcels() throws Exception {
    Reprojector toLonLat = Reprojector.between(Crs.epsg(4526), Crs.epsg(4490));
    String a = Ogr.feature("{\"n\":0}", geojson(toLonLat.apply(Geoms.rect(X + 50, Y + 50, 100, 100))));
    String b = Ogr.feature("{\"n\":1}", geojson(toLonLat.apply(Geoms.rect(X + 300, Y, 10, 10))));
    Path gd = Ogr.geojson(dir.resolve("gd4490.geojson"), "urn:ogc:def:crs:EPSG::4490", a, b);
    ParcelHits hits = new ParcelScanner(index(), Crs.epsg(4526), new Quarantine(), new RepairReport(), 60)
        .scan(layer(gd), 2);
    assertEquals(1, hits.of(0).size());
    assertTrue(hits.of(1).isEmpty());
    assertEquals(2500, hits.of(0).get(0).intersection(Geoms.rect(X, Y, 100, 100)).getArea(), 0.01,
        "reprojected into the working CRS");
  }

  @Test
  void noLayerNoHits() {
    ParcelHits none = new ParcelScanner(index(), Crs.epsg(4526), new Quarantine(), new RepairReport(), 60).scan(null, 2);
    assertEquals(0, none.hits());
    assertTrue(none.of(0).isEmpty() && none.of(1).isEmpty());
  }

  private static String geojson(org.locationtech.jts.geom.Geometry g) {
    StringBuilder b = new StringBuilder("{\"type\":\"Polygon\",\"coordinates\":[[");
    var cs = g.getCoordinates();
    for (int i = 0; i < cs.length; i++) {
      b.append(i == 0 ? "" : ",").append('[').append(cs[i].x).append(',').append(cs[i].y).append(']');
    }
    return b.append("]]}").toString();
  }
}
