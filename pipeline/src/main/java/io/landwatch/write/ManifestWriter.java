package io.landwatch.write;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** manifest.json, and the file fingerprints it lists. */
public final class ManifestWriter {
  private static final List<String> SHAPEFILE_PARTS = List.of("shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx");

  private ManifestWriter() {}

  public static void write(Path target, Map<String, Object> manifest) {
    AtomicFile.write(target, out -> new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
        .writeValue(out, manifest));
  }

  /** Every file of a data source (all parts of a Shapefile, every file of a .gdb folder) with size and SHA-256. */
  public static List<Map<String, Object>> fingerprints(Path source) {
    List<Path> files = new ArrayList<>();
    if (Files.isDirectory(source)) {
      try (Stream<Path> s = Files.walk(source)) {
        s.filter(Files::isRegularFile).sorted().forEach(files::add);
      } catch (IOException e) {
        files.add(source);
      }
    } else {
      String name = source.getFileName().toString();
      int dot = name.lastIndexOf('.');
      String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
      if (ext.equals("shp")) {
        String stem = name.substring(0, dot);
        for (String part : SHAPEFILE_PARTS) {
          for (String e : List.of(part, part.toUpperCase(Locale.ROOT))) {
            Path p = source.resolveSibling(stem + "." + e);
            if (Files.isRegularFile(p)) {
              files.add(p);
              break;
            }
          }
        }
      } else {
        files.add(source);
      }
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Path f : files) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("path", f.toString());
      try {
        m.put("bytes", Files.size(f));
        m.put("sha256", Sha256.of(f));
      } catch (IOException e) {
        m.put("error", e.getMessage());
      }
      out.add(m);
    }
    return out;
  }
}
