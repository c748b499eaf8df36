package io.landwatch.testing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * GDAL's command-line tools (ogr2ogr, ogrinfo), used by tests as an independent writer and
 * reader: test inputs are made by them and outputs are read back by them, not by landwatch code.
 */
public final class Ogr {
  private Ogr() {}

  /** Runs a GDAL tool and returns its stdout; fails the test on a non-zero exit. */
  public static String run(String... command) {
    try {
      ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
      pb.environment().put("LC_ALL", "C.UTF-8");
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      byte[] err = p.getErrorStream().readAllBytes();
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new AssertionError(String.join(" ", command) + " failed: " + new String(err, StandardCharsets.UTF_8));
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new AssertionError("cannot run " + command[0] + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** ogr2ogr with the given arguments. */
  public static void ogr2ogr(String... args) {
    List<String> cmd = new ArrayList<>(List.of("ogr2ogr"));
    cmd.addAll(List.of(args));
    run(cmd.toArray(new String[0]));
  }

  /** Writes a GeoJSON FeatureCollection text to a file, for ogr2ogr to convert. */
  public static Path geojson(Path file, String crsUrn, String... features) throws IOException {
    String crs = crsUrn == null ? "" : "\"crs\":{\"type\":\"name\",\"properties\":{\"name\":\"" + crsUrn + "\"}},";
    Files.writeString(file, "{\"type\":\"FeatureCollection\"," + crs + "\"features\":["
        + String.join(",", features) + "]}", StandardCharsets.UTF_8);
    return file;
  }

  /** One GeoJSON feature text. */
  public static String feature(String propertiesJson, String geometryJson) {
    return "{\"type\":\"Feature\",\"properties\":" + propertiesJson + ",\"geometry\":" + geometryJson + "}";
  }

  /** A GeoJSON polygon of an axis-aligned rectangle. */
  public static String rect(double x, double y, double w, double h) {
    return String.format(java.util.Locale.ROOT,
        "{\"type\":\"Polygon\",\"coordinates\":[[[%f,%f],[%f,%f],[%f,%f],[%f,%f],[%f,%f]]]}",
        x, y, x + w, y, x + w, y + h, x, y + h, x, y);
  }

  /**
   * Reads a layer with ogr2ogr into CSV (WKT geometry) and parses it: row 0 is the header.
   * {@code sql} may be null.
   */
  public static List<List<String>> readCsv(Path source, String sql, String dialect) throws IOException {
    return readCsv(source, sql, dialect, new String[0]);
  }

  /** As above, with more ogr2ogr arguments (e.g. "--config", "OGR_XLSX_HEADERS", "FORCE" for a sheet of text only). */
  public static List<List<String>> readCsv(Path source, String sql, String dialect, String... more) throws IOException {
    Path out = Files.createTempFile("ogr-read-", ".csv");
    Files.delete(out);
    List<String> cmd = new ArrayList<>(List.of("ogr2ogr", "-f", "CSV", out.toString(), source.toString(),
        "-lco", "GEOMETRY=AS_WKT"));
    cmd.addAll(List.of(more));
    if (sql != null) {
      cmd.addAll(List.of("-sql", sql));
      if (dialect != null) {
        cmd.addAll(List.of("-dialect", dialect));
      }
    }
    run(cmd.toArray(new String[0]));
    try {
      return Csv.read(out);
    } finally {
      Files.deleteIfExists(out);
    }
  }
}
