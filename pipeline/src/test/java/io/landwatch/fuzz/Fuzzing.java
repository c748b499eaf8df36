package io.landwatch.fuzz;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Shared set-up of the fuzz targets. */
final class Fuzzing {
  private Fuzzing() {}

  /** A folder for the files a target writes, removed when the JVM ends. */
  static Path tempDir() {
    try {
      Path dir = Files.createTempDirectory("landwatch-fuzz-");
      dir.toFile().deleteOnExit();
      return dir;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
