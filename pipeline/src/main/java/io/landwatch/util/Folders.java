package io.landwatch.util;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;

/** Temporary folders. */
public final class Folders {
  private Folders() {}

  /** Deletes a temporary folder and everything in it; what cannot be deleted stays in the system's temporary space. */
  public static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try (var all = Files.walk(dir)) {
      all.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // left in the system's temporary space
    }
  }
}
