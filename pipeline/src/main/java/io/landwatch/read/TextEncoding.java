package io.landwatch.read;

import io.landwatch.util.Charsets;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How the text of a layer is decoded.
 *
 * @param declared what the source itself says (a .cpg file, the DBF language driver, or the
 *     format: GeoPackage and GeoJSON are always UTF-8), or null when it says nothing
 * @param effective the encoding actually used
 * @param origin where {@code effective} comes from
 */
public record TextEncoding(String declared, String effective, Origin origin) {

  /** Where an effective encoding comes from; {@code toString()} is what inspect and validate print. */
  public enum Origin {
    /** The job's {@code encoding:} (it overrides what the file says). */
    JOB,
    /** A Shapefile's .cpg file. */
    CPG,
    /** The DBF header's language driver id. */
    LDID,
    /** The format is UTF-8 by definition (GeoPackage, GeoJSON, FlatGeobuf, XLSX). */
    FORMAT,
    /** Nothing said anything: OGR's default, watched by the mojibake check. */
    DEFAULT;

    @Override
    public String toString() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

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
      return new TextEncoding(declared(shp), Charsets.normalize(jobEncoding), Origin.JOB);
    }
    Path cpg = ShapefileParts.sibling(shp, "cpg");
    if (cpg != null) {
      try {
        String v = Files.readString(cpg, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
        if (!v.isEmpty()) {
          return new TextEncoding(v, v, Origin.CPG);
        }
      } catch (IOException ignored) {
        // unreadable .cpg: fall through to the other sources
      }
    }
    Path dbf = ShapefileParts.sibling(shp, "dbf");
    if (dbf != null) {
      try (RandomAccessFile f = new RandomAccessFile(dbf.toFile(), "r")) {
        if (f.length() > 29) {
          f.seek(29);
          String cs = ldidCharset(f.read());
          if (cs != null) {
            return new TextEncoding("LDID " + cs, cs, Origin.LDID);
          }
        }
      } catch (IOException ignored) {
        // OGR reports unreadable DBFs itself
      }
    }
    return new TextEncoding(null, "ISO-8859-1", Origin.DEFAULT);
  }

  /** What the .cpg says, for the record when the job overrides it. */
  private static String declared(Path shp) {
    Path cpg = ShapefileParts.sibling(shp, "cpg");
    try {
      return cpg == null ? null : Files.readString(cpg, java.nio.charset.StandardCharsets.ISO_8859_1).trim();
    } catch (IOException e) {
      return null;
    }
  }

  static TextEncoding utf8ByFormat() {
    return new TextEncoding("UTF-8", "UTF-8", Origin.FORMAT);
  }
}
