package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.landwatch.geo.Gdal;
import io.landwatch.testing.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.gdal.ogr.DataSource;
import org.gdal.ogr.Feature;
import org.gdal.ogr.Layer;
import org.gdal.ogr.ogr;

/**
 * A private copy of a sample county for one reliability case: its files are damaged the way
 * real deliveries are (through GDAL, on the copy only), the CLI runs on it, and the outcome is
 * read back from the files.
 */
final class CountyCopy {
  final Path dir;

  private CountyCopy(Path dir) {
    this.dir = dir;
  }

  /** Copies every file of {@code base} (not its outputs or store) into {@code target}. */
  static CountyCopy of(Path base, Path target) {
    try (Stream<Path> files = Files.list(base)) {
      Files.createDirectories(target);
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (Files.isRegularFile(f) && !n.startsWith("landwatch.gpkg") && !n.startsWith(".")) {
          Files.copy(f, target.resolve(n));
        }
      }
      return new CountyCopy(target);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Path file(String name) {
    return dir.resolve(name);
  }

  Path out() {
    return dir.resolve("out");
  }

  /** {@code landwatch -q run job.yaml --as-of 2023-09-01 [extra]}. */
  CliRunner.Outcome run(String... extra) {
    String[] args = Stream.concat(Stream.of("-q", "run", file("job.yaml").toString(), "--as-of", "2023-09-01"),
        Stream.of(extra)).toArray(String[]::new);
    return CliRunner.run(args);
  }

  /** Rewrites the job file through a text replacement that must apply. */
  void editJob(String from, String to) throws IOException {
    String yaml = Files.readString(file("job.yaml"));
    assertTrue(yaml.contains(from), "the job file has " + from);
    Files.writeString(file("job.yaml"), yaml.replace(from, to));
  }

  /** Sets a text field of the records matching {@code where} in a vector file (GDAL, in place, on the copy). */
  void setField(String name, String where, String field, String value) {
    edit(name, where, f -> f.SetField(field, value));
  }

  /** Replaces the geometry of the records matching {@code where} with {@code wkt} (null: no geometry). */
  void setGeometry(String name, String where, String wkt) {
    edit(name, where, f -> f.SetGeometry(wkt == null ? null : ogr.CreateGeometryFromWkt(wkt)));
  }

  private void edit(String name, String where, java.util.function.Consumer<Feature> change) {
    Gdal.init();
    DataSource ds = ogr.Open(file(name).toString(), 1);
    try {
      Layer l = ds.GetLayer(0);
      l.SetAttributeFilter(where);
      int n = 0;
      Feature f;
      while ((f = l.GetNextFeature()) != null) {
        change.accept(f);
        assertEquals(0, l.SetFeature(f));
        f.delete();
        n++;
      }
      assertTrue(n > 0, "no record of " + name + " matches " + where);
    } finally {
      ds.delete();
    }
  }

  /** Quarantine rows (layer, record, id, reason, category) of the last run. */
  List<List<String>> quarantine() throws IOException {
    List<List<String>> rows = Csv.read(out().resolve("quarantine.csv"));
    return rows.subList(1, rows.size());
  }

  /** The quarantine row of one layer and category, asserting there is exactly one. */
  List<String> quarantined(String layer, String category) throws IOException {
    List<List<String>> rows = quarantine().stream()
        .filter(r -> r.get(0).equals(layer) && r.get(4).equals(category)).toList();
    assertEquals(1, rows.size(), layer + " " + category + " in " + quarantine());
    return rows.get(0);
  }

  /** patches.csv rows keyed by patch id. */
  Map<String, Map<String, String>> patches() throws IOException {
    List<List<String>> rows = Csv.read(out().resolve("patches.csv"));
    Map<String, Map<String, String>> out = new TreeMap<>();
    for (List<String> r : rows.subList(1, rows.size())) {
      Map<String, String> m = new TreeMap<>();
      for (int i = 0; i < r.size(); i++) {
        m.put(rows.get(0).get(i), r.get(i));
      }
      out.put(r.get(0), m);
    }
    return out;
  }

  /**
   * Nothing lost: per layer, records in = used + quarantined (manifest), the patches used are the
   * rows of patches.csv, and the quarantined ones are the rows of quarantine.csv.
   */
  void assertBalanced() throws IOException {
    JsonNode manifest = new ObjectMapper().readTree(out().resolve("manifest.json").toFile());
    List<List<String>> q = quarantine();
    for (JsonNode c : manifest.get("counts")) {
      String layer = c.get("layer").asText();
      assertEquals(c.get("records_in").asLong(), c.get("used").asLong() + c.get("quarantined").asLong(), layer);
      assertEquals(c.get("quarantined").asLong(), q.stream().filter(r -> r.get(0).equals(layer)).count(), layer);
      if (layer.equals("patches")) {
        assertEquals(c.get("used").asLong(), patches().size());
      }
    }
  }

  /** SHA-256 of every file of the county folder (outputs and store aside): inputs must never change. */
  Map<String, String> inputDigests() throws Exception {
    Map<String, String> m = new TreeMap<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.toList()) {
        String n = f.getFileName().toString();
        if (Files.isRegularFile(f) && !n.startsWith("landwatch.gpkg") && !n.endsWith(".report.csv")) {
          byte[] d = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
          m.put(n, HexFormat.of().formatHex(d) + "@" + Files.getLastModifiedTime(f).toMillis());
        }
      }
    }
    return m;
  }

  /** The message is one paragraph for a person: no stack trace, no Java exception names. */
  static void assertReadable(CliRunner.Outcome o) {
    String all = o.out() + o.err();
    assertFalse(all.contains("\tat ") || all.contains("Exception"), all);
  }

  /** A record-level query on the case store with GDAL's SQLite dialect. */
  static String sql(Path gpkg, String sql) {
    Gdal.init();
    org.gdal.gdal.Dataset ds = gdal.OpenEx(gpkg.toString(), gdalconst.OF_VECTOR | gdalconst.OF_READONLY);
    try {
      Layer l = ds.ExecuteSQL(sql);
      StringBuilder b = new StringBuilder();
      Feature f;
      while ((f = l.GetNextFeature()) != null) {
        for (int i = 0; i < f.GetFieldCount(); i++) {
          b.append(i == 0 ? "" : "|").append(f.GetFieldAsString(i));
        }
        b.append('\n');
        f.delete();
      }
      ds.ReleaseResultSet(l);
      return b.toString().strip();
    } finally {
      ds.delete();
    }
  }
}
