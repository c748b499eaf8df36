package io.landwatch.read;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the text of a layer is decoded.
 *
 * @param declared what the source itself says (a .cpg file, the DBF language driver, or the
 *     format: GeoPackage and GeoJSON are always UTF-8), or null when it says nothing
 * @param effective the encoding actually used
 * @param origin where {@code effective} comes from: cpg, ldid, format, job, default
 */
public record TextEncoding(String declared, String effective, String origin) {

  /** DBF language-driver ids that name a real code page (0x57 "ANSI" means "this PC's code page"). */
  private static String ldidCharset(int ldid) {
    return switch (ldid) {
      case 0x4D -> "CP936";
      case 0x4E -> "CP949";
      case 0x4F -> "CP950";
      case 0x7A -> "CP936";
      case 0x57, 0x00 -> null;
      case 0x03 -> "CP1252";
      case 0x01 -> "CP437";
      case 0x02 -> "CP850";
      default -> null;
    };
  }

  /**
   * Decides a Shapefile's encoding: the job's {@code encoding:} first (a person who wrote it has
   * looked at the data; .cpg files lie), then .cpg, then a meaningful DBF language driver id;
   * otherwise OGR's default (ISO-8859-1), which the mojibake check watches.
   */
  static TextEncoding forShapefile(Path shp, String jobEncoding) {
    if (jobEncoding != null) {
      return new TextEncoding(declared(shp), normalize(jobEncoding), "job");
    }
    Path cpg = sibling(shp, "cpg");
    if (cpg != null) {
      try {
        String v = Files.readString(cpg, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        if (!v.isEmpty()) {
          return new TextEncoding(v, v, "cpg");
        }
      } catch (IOException ignored) {
        // unreadable .cpg: fall through to the other sources
      }
    }
    Path dbf = sibling(shp, "dbf");
    if (dbf != null) {
      try (RandomAccessFile f = new RandomAccessFile(dbf.toFile(), "r")) {
        if (f.length() > 29) {
          f.seek(29);
          String cs = ldidCharset(f.read());
          if (cs != null) {
            return new TextEncoding("LDID " + cs, cs, "ldid");
          }
        }
      } catch (IOException ignored) {
        // OGR reports unreadable DBFs itself
      }
    }
    return new TextEncoding(null, "ISO-8859-1", "default");
  }

  /** What the .cpg says, for the record when the job overrides it. */
  private static String declared(Path shp) {
    Path cpg = sibling(shp, "cpg");
    try {
      return cpg == null ? null : Files.readString(cpg, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
    } catch (IOException e) {
      return null;
    }
  }

  static TextEncoding utf8ByFormat() {
    return new TextEncoding("UTF-8", "UTF-8", "format");
  }

  /** "936" → "CP936"; other names pass through. */
  public static String normalize(String name) {
    String n = name.trim();
    return n.matches("\\d+") ? "CP" + n : n;
  }

  /** True when Java can decode the name (iconv, which OGR uses, knows at least as many). */
  public static boolean known(String name) {
    try {
      return Charset.isSupported(normalize(name));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static Path sibling(Path file, String ext) {
    String name = file.getFileName().toString();
    int dot = name.lastIndexOf('.');
    String stem = dot > 0 ? name.substring(0, dot) : name;
    for (String e : new String[] {ext, ext.toUpperCase(Locale.ROOT)}) {
      Path p = file.resolveSibling(stem + "." + e);
      if (Files.isRegularFile(p)) {
        return p;
      }
    }
    return null;
  }
}
