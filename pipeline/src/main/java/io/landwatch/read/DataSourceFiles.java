package io.landwatch.read;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** The files that make up a data source: what the manifest hashes and an envelope cache watches. */
public final class DataSourceFiles {
  private static final List<String> SHAPEFILE_PARTS = List.of("shp", "shx", "dbf", "prj", "cpg", "qix", "sbn", "sbx");

  private DataSourceFiles() {}

  /**
   * What tells a file unchanged, as git's index and make do: its size, its modification time to
   * the nanosecond the file system keeps, and its identity (device and inode), which a copy put in
   * its place does not keep. The envelope caches and the manifest's digests trust it.
   */
  public record Stamp(long size, long modifiedNanos, String fileKey) {
    public static Stamp of(Path file) throws IOException {
      BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
      return new Stamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), String.valueOf(a.fileKey()));
    }
  }

  /** The parts of a Shapefile, every file of a folder (a .gdb), else the file itself. */
  public static List<Path> of(Path source) {
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
    return files;
  }
}
