package io.landwatch.write;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.util.IoErrors;
import io.landwatch.util.TestHooks;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes a file under a temporary name in the same folder and renames it into place, so a
 * killed run never leaves a half-written file under the final name.
 */
public final class AtomicFile {
  private AtomicFile() {}

  /** Receives the output stream. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException;
  }

  public static void write(Path target, Body body) {
    Path tmp = null;
    try {
      Files.createDirectories(target.toAbsolutePath().getParent());
      tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "." + target.getFileName(), ".part");
      try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        TestHooks.diskFull("outputs", tmp);
        body.write(out);
      }
      try {
        // temp files are created owner-only; outputs are for the whole office
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException ignored) {
        // not a POSIX file system: keep the default
      }
      TestHooks.point("file.before-rename." + target.getFileName());
      Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // the original error is the one to report
        }
      }
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot write " + target + ": " + IoErrors.describe(e)
          + ". Check that the output folder is writable and the disk is not full.", e);
    }
  }
}
