package io.landwatch.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Test resources copied to a folder. */
public final class Fixtures {
  private Fixtures() {}

  public static String text(String resource) throws IOException {
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IOException("no test resource " + resource);
      }
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  public static Path copy(String resource, Path target) throws IOException {
    Files.writeString(target, text(resource));
    return target;
  }
}
