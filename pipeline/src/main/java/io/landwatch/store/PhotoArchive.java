package io.landwatch.store;

import io.landwatch.LandwatchException;
import io.landwatch.util.IoErrors;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A zip of field photos (what a phone's share button makes): its images unpacked into a temporary
 * folder, by their file names only (a name with folders cannot escape it), other entries skipped.
 */
final class PhotoArchive {
  private static final Set<String> IMAGES = Set.of("jpg", "jpeg", "png", "tif", "tiff", "heic", "webp");

  /** The folder the photos were unpacked into, and the photos, in the zip's order. */
  record Unpacked(Path folder, List<Path> photos) {}

  private PhotoArchive() {}

  static Unpacked unpack(Path zip) {
    if (!Files.isRegularFile(zip)) {
      throw LandwatchException.invalidInput("photo archive " + zip + " does not exist");
    }
    Path folder;
    try {
      folder = Files.createTempDirectory("landwatch-photos-");
    } catch (IOException e) {
      throw LandwatchException.invalidInput("cannot unpack " + zip.getFileName() + ": " + IoErrors.describe(e));
    }
    List<Path> photos = new ArrayList<>();
    try (InputStream in = Files.newInputStream(zip); ZipInputStream z = new ZipInputStream(in)) {
      ZipEntry e;
      while ((e = z.getNextEntry()) != null) {
        String name = Path.of(e.getName().replace('\\', '/')).getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
        if (e.isDirectory() || name.startsWith(".") || !IMAGES.contains(ext)) {
          continue;
        }
        // two folders of the zip may hold the same name: number the copies
        Path target = folder.resolve(photos.size() + "-" + name);
        Files.copy(z, target);
        photos.add(target);
      }
    } catch (IOException | IllegalArgumentException e) {
      delete(List.of(folder));
      throw LandwatchException.invalidInput("photo archive " + zip.getFileName() + " is not a readable zip ("
          + e.getMessage() + ")");
    }
    if (photos.isEmpty()) {
      delete(List.of(folder));
      throw LandwatchException.invalidInput("photo archive " + zip.getFileName() + " holds no photo (.jpg, .png, ...)");
    }
    return new Unpacked(folder, List.copyOf(photos));
  }

  /** Removes temporary folders, quietly: they are in the system's temporary space. */
  static void delete(List<Path> folders) {
    for (Path f : folders) {
      try (Stream<Path> all = Files.walk(f)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        // left for the system to clean
      }
    }
  }
}
