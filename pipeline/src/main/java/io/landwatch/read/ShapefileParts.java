package io.landwatch.read;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/** The files of a Shapefile: .shp, .shx, .dbf, .prj, .cpg beside each other, in either case. */
final class ShapefileParts {
  private ShapefileParts() {}

  /** The file beside {@code file} with extension {@code ext} (lower or upper case), or null. */
  static Path sibling(Path file, String ext) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
      Path p = file.resolveSibling(stem + "." + e);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }
}
