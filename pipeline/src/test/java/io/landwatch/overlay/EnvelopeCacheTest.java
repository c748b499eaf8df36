package io.landwatch.overlay;

import static io.landwatch.overlay.ParcelScannerTest.X;
import static io.landwatch.overlay.ParcelScannerTest.Y;
import static io.landwatch.overlay.ParcelScannerTest.layer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.geo.Crs;
import io.landwatch.geo.Gdal;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.RepairReport;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.gdal.ogr.DataSource;
import org.gdal.ogr.Feature;
import org.gdal.ogr.Geometry;
import org.gdal.ogr.Layer;
import org.gdal.ogr.ogr;
import org.gdal.osr.SpatialReference;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A layer read in full leaves its envelopes in the cache folder; the next scan of the unchanged
 * layer takes them from there and finds exactly the same parcels and quarantines the same
 * records; a changed layer or a damaged cache is read in full again.
 */
class EnvelopeCacheTest {
  static final int COLS = 120;
  static final int ROWS = 100;
  @TempDir Path dir;

  @BeforeAll
  static void gdal() {
    Gdal.init();
  }

  /** 12,000 records: 5 m squares every 10 m from the fixture origin, record 7 without geometry, record 11 misplaced. */
  private Path writeLayer() {
    Path shp = dir.resolve("gd.shp");
    DataSource ds = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(shp.toString());
    SpatialReference srs = new SpatialReference();
    srs.ImportFromEPSG(4526);
    Layer l = ds.CreateLayer("gd", srs, ogr.wkbPolygon);
    for (int i = 0; i < COLS * ROWS; i++) {
      Feature f = new Feature(l.GetLayerDefn());
      if (i == 11) {
        f.SetGeometry(square(1, 1));
      } else if (i != 7) {
        f.SetGeometry(square(X + (i % COLS) * 10, Y + (i / COLS) * 10));
      }
      l.CreateFeature(f);
      f.delete();
    }
    ds.delete();
    return shp;
  }

  private static Geometry square(double x, double y) {
    return Geometry.CreateFromWkt(String.format(java.util.Locale.ROOT, "POLYGON((%f %f,%f %f,%f %f,%f %f,%f %f))",
        x, y, x + 5, y, x + 5, y + 5, x, y + 5, x, y));
  }

  private record Scan(List<String> hits, List<String> quarantine, List<String> log) {}

  private Scan scan(Path shp, Path cache) {
    List<String> log = new ArrayList<>();
    Handler h = new Handler() {
      @Override
      public void publish(LogRecord r) {
        log.add(r.getMessage());
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    Logger.getLogger("landwatch").addHandler(h);
    try {
      Quarantine q = new Quarantine();
      ParcelHits hits = new ParcelScanner(ParcelScannerTest.index(), Crs.epsg(4526), q, new RepairReport(), 60, cache)
          .scan(layer(shp), 2);
      assertEquals(COLS * ROWS, hits.records());
      List<String> found = new ArrayList<>();
      for (int p = 0; p < 2; p++) {
        for (var g : hits.of(p)) {
          found.add(p + ":" + g.toText());
        }
      }
      return new Scan(found, q.entries().stream().map(e -> e.record() + ":" + e.category()).toList(), log);
    } finally {
      Logger.getLogger("landwatch").removeHandler(h);
    }
  }

  private static boolean used(Scan s) {
    return s.log().stream().anyMatch(m -> m.contains("record envelopes from"));
  }

  private static Path cacheFile(Path cache) throws Exception {
    try (Stream<Path> s = Files.list(cache)) {
      List<Path> files = s.filter(f -> f.toString().endsWith(".env")).toList();
      assertEquals(1, files.size(), files.toString());
      return files.get(0);
    }
  }

  @Test
  void theSecondScanOfAnUnchangedLayerFindsTheSameFromTheCache() throws Exception {
    Path shp = writeLayer();
    Path cache = dir.resolve("cache");
    Scan full = scan(shp, null);
    // P0 (100 m square at the origin) meets 11 × 11 squares (those at 100 m touch it), less
    // record 7; P1 (1000–1050 m, 0–50 m) meets 6 × 6
    assertEquals(120 + 36, full.hits().size());
    assertEquals(List.of("7:null_geometry", "11:invalid_coordinate"), full.quarantine());

    Scan first = scan(shp, cache);
    assertTrue(!used(first));
    Path file = cacheFile(cache);
    assertEquals(8 + 2 + keyLength(file) + 40L * COLS * ROWS + 16, Files.size(file), "40 bytes a record");

    Scan second = scan(shp, cache);
    assertTrue(used(second), second.log().toString());
    assertEquals(full.hits(), second.hits());
    assertEquals(full.quarantine(), second.quarantine());
  }

  @Test
  void aChangedLayerOrADamagedCacheIsReadInFull() throws Exception {
    Path shp = writeLayer();
    Path cache = dir.resolve("cache");
    scan(shp, cache);

    // move record 12,000 − 1 onto P0: same sizes, new modification time
    DataSource ds = ogr.Open(shp.toString(), 1);
    Layer l = ds.GetLayer(0);
    Feature f = l.GetFeature(COLS * ROWS - 1);
    f.SetGeometry(square(X + 2.5, Y + 2.5));
    l.SetFeature(f);
    f.delete();
    ds.delete();
    Files.setLastModifiedTime(shp, FileTime.fromMillis(Files.getLastModifiedTime(shp).toMillis() + 2000));
    Scan changed = scan(shp, cache);
    assertTrue(!used(changed));
    assertTrue(changed.log().stream().anyMatch(m -> m.contains("files changed")), changed.log().toString());
    assertEquals(157, changed.hits().size(), "the moved parcel is found");
    assertTrue(used(scan(shp, cache)), "rewritten for the changed layer");

    Path file = cacheFile(cache);
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(raf.length() - 100);
    }
    Scan damaged = scan(shp, cache);
    assertTrue(damaged.log().stream().anyMatch(m -> m.contains("incomplete")), damaged.log().toString());
    assertEquals(changed.hits(), damaged.hits());
    assertEquals(changed.quarantine(), damaged.quarantine());
    assertTrue(used(scan(shp, cache)));
  }

  private static long keyLength(Path file) throws Exception {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
      raf.readLong();
      return raf.readUnsignedShort();
    }
  }

  @Test
  void aCacheFolderThatCannotBeWrittenOnlyCostsAWarning() throws Exception {
    Path shp = writeLayer();
    Path blocked = Files.writeString(dir.resolve("not-a-folder"), "x").resolve("cache");
    Scan full = scan(shp, null);
    Scan warned = scan(shp, blocked);
    assertEquals(full.hits(), warned.hits());
    assertEquals(full.quarantine(), warned.quarantine());
    assertTrue(warned.log().stream().anyMatch(m -> m.contains("cannot be written") && m.contains("run.cache")),
        warned.log().toString());
  }
}
