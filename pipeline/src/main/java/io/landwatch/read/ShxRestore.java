package io.landwatch.read;

import io.landwatch.LandwatchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.gdal.gdal.gdal;
import org.gdal.ogr.ogr;

/**
 * A Shapefile delivered without its .shx index: GDAL can rebuild the index, but only by writing
 * beside the .shp, and landwatch never writes to an input. The parts are copied into a temporary
 * folder and the index is rebuilt there.
 */
final class ShxRestore {
  private static final Logger LOG = Logger.getLogger("landwatch");

  private ShxRestore() {}

  /** A temporary folder holding a copy of the Shapefile's parts and a rebuilt .shx. */
  static Path copyWithIndex(Path shp, String label) {
    String name = shp.getFileName().toString();
    String stem = name.substring(0, name.lastIndexOf('.'));
    try {
      Path dir = Files.createTempDirectory("landwatch-shx-");
      try (Stream<Path> parts = Files.list(shp.toAbsolutePath().getParent())) {
        for (Path part : parts.toList()) {
          String n = part.getFileName().toString();
          if (n.startsWith(stem + ".") && n.indexOf('.', stem.length() + 1) < 0 && Files.isRegularFile(part)) {
            Files.copy(part, dir.resolve(n), StandardCopyOption.COPY_ATTRIBUTES);
          }
        }
      }
      gdal.SetThreadLocalConfigOption("SHAPE_RESTORE_SHX", "YES");
      try {
        var ds = ogr.Open(dir.resolve(name).toString(), 0);
        if (ds != null) {
          ds.delete();
        }
      } catch (RuntimeException e) {
        // the open that follows reports what is wrong
      } finally {
        gdal.SetThreadLocalConfigOption("SHAPE_RESTORE_SHX", null);
      }
      LOG.warning(label + ": " + shp + " has no .shx index; it was rebuilt in a temporary copy (the"
          + " input is left untouched). Put the delivery's .shx beside the .shp to skip the copy.");
      return dir;
    } catch (IOException e) {
      throw LandwatchException.invalidInput(label + ": " + shp + " has no .shx index, and a temporary"
          + " copy to rebuild it could not be made (" + e.getMessage() + "). Put the .shx beside the .shp.");
    }
  }

  /** Deletes a folder made by {@link #copyWithIndex}, or a transcoded temporary file; null is fine. */
  static void delete(Path tmp) {
    if (tmp == null) {
      return;
    }
    try (Stream<Path> all = Files.walk(tmp)) {
      all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException ignored) {
      // a temporary file left behind is harmless
    }
  }
}
