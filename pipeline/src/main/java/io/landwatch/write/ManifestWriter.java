package io.landwatch.write;

import io.landwatch.read.DataSourceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** manifest.json, and the file fingerprints it lists. */
public final class ManifestWriter {

  private ManifestWriter() {}

  public static void write(Path target, Map<String, Object> manifest) {
    JsonFiles.write(target, manifest);
  }

  /** Every file of a data source (all parts of a Shapefile, every file of a .gdb folder) with size and SHA-256. */
  public static List<Map<String, Object>> fingerprints(Path source, DigestCache digests) {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Path f : DataSourceFiles.of(source)) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", f.toString());
      try {
        m.put("bytes", Files.size(f));
        m.put("sha256", digests.sha256(f));
      } catch (IOException e) {
        m.put("error", e.getMessage());
      }
      out.add(m);
    }
    return out;
  }
}
