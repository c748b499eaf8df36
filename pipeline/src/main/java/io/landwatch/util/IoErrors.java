package io.landwatch.util;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;

/** I/O failures as a person reads them: which file, and what the system said about it. */
public final class IoErrors {
  private IoErrors() {}

  /** "/data/out: Not a directory", "/data/out/x.csv: No space left on device", ... */
  public static String describe(IOException e) {
    if (e instanceof NoSuchFileException n) {
      return n.getFile() + ": no such file or folder";
    }
    if (e instanceof FileSystemException f) {
      String reason = f.getReason() == null ? "cannot be written" : f.getReason();
      return f.getFile() + (f.getOtherFile() == null ? "" : " → " + f.getOtherFile()) + ": " + reason;
    }
    return e.getMessage() == null ? e.getClass().getSimpleName().replace("Exception", " error") : e.getMessage();
  }
}
