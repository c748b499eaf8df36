package io.landwatch.config;

import io.landwatch.LandwatchException;
import java.nio.file.Path;
import java.util.Locale;

/** A desktop GIS format the outputs can be written in ({@code output.formats}, {@code detect --format}). */
public enum OutputFormat {
  GPKG("GPKG", "gpkg"), SHP("ESRI Shapefile", "shp"), GDB("OpenFileGDB", "gdb"), GEOJSON("GeoJSON", "geojson");

  private final String driver;
  private final String extension;

  OutputFormat(String driver, String extension) {
    this.driver = driver;
    this.extension = extension;
  }

  public String extension() {
    return extension;
  }

  /** The GDAL driver that writes it. */
  public String driver() {
    return driver;
  }

  public static OutputFormat of(String name) {
    String n = name.toLowerCase(Locale.ROOT).replaceFirst("^\\.", "");
    for (OutputFormat f : values()) {
      if (f.extension.equals(n) || f.name().equalsIgnoreCase(n) || f.driver.equalsIgnoreCase(n)
          || n.equals("shapefile") && f == SHP || n.equals("filegdb") && f == GDB) {
        return f;
      }
    }
    throw LandwatchException.invalidJob("Unknown output format '" + name + "': use gpkg, shp, gdb or geojson.");
  }

  public static OutputFormat ofPath(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return of(dot < 0 ? n : n.substring(dot + 1));
  }
}
