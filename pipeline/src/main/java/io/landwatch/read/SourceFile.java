package io.landwatch.read;

import io.landwatch.LandwatchException;
import io.landwatch.util.Charsets;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Vector;

/**
 * How a file is handed to GDAL: which text encoding it is read in and why (a Shapefile's job
 * encoding, .cpg or DBF language id; a CSV transcoded from the job's encoding; UTF-8 for the
 * formats that say so), which open options that takes, and which path GDAL opens (a temporary
 * copy when the input itself must not be touched: a Shapefile without its .shx, a non-UTF-8 CSV).
 *
 * @param openPath what GDAL opens
 * @param temporary the temporary file or folder to delete on close, or null
 */
record SourceFile(Path openPath, TextEncoding encoding, Vector<String> openOptions, Path temporary) {

  static SourceFile of(String label, Path path, String encodingOverride) {
    if (encodingOverride != null && !Charsets.known(encodingOverride)) {
      throw LandwatchException.invalidInput(label + ": the encoding '" + encodingOverride
          + "' is not known. Use GBK (also written CP936 or 936), GB18030 or UTF-8.");
    }
    String ext = extension(path);
    Vector<String> openOptions = new Vector<>();
    if (ext.equals("shp") || ext.equals("dbf")) {
      Path temporary = null;
      Path openPath = path;
      if (ext.equals("shp")) {
        if (ShapefileParts.sibling(path, "dbf") == null) {
          throw LandwatchException.invalidInput(label + ": " + path + " has no .dbf file beside it, so"
              + " its records have no attributes (ids, dates, codes). A Shapefile needs .shp, .shx and"
              + " .dbf with the same name: copy the missing .dbf from the delivery.");
        }
        if (ShapefileParts.sibling(path, "shx") == null) {
          temporary = ShxRestore.copyWithIndex(path, label);
          openPath = temporary.resolve(path.getFileName());
        }
      }
      TextEncoding enc = TextEncoding.forShapefile(path, encodingOverride);
      // Without a declaration OGR passes the raw bytes, which the Java binding then mangles as
      // UTF-8; reading them as ISO-8859-1 keeps every byte, so mojibake can be recognised.
      if (enc.origin() == TextEncoding.Origin.JOB || enc.origin() == TextEncoding.Origin.DEFAULT) {
        openOptions.add("ENCODING=" + enc.effective());
      }
      return new SourceFile(openPath, enc, openOptions, temporary);
    }
    if (ext.equals("csv") || ext.equals("txt")) {
      if (encodingOverride != null && !Charsets.isUtf8(encodingOverride)) {
        Path transcoded = transcode(path, encodingOverride, label);
        return new SourceFile(transcoded, new TextEncoding(null, Charsets.normalize(encodingOverride), TextEncoding.Origin.JOB),
            openOptions, transcoded);
      }
      return new SourceFile(path, new TextEncoding(null, "UTF-8", encodingOverride == null ? TextEncoding.Origin.DEFAULT : TextEncoding.Origin.JOB),
          openOptions, null);
    }
    if (ext.equals("geojson") || ext.equals("json")) {
      // OGR gives a feature whose geometry it cannot parse no geometry at all; the feature's
      // JSON tells a broken geometry from a missing one.
      openOptions.add("NATIVE_DATA=YES");
    }
    return new SourceFile(path, TextEncoding.utf8ByFormat(), openOptions, null);
  }

  /** Deletes the temporary copy, if any. */
  void cleanUp() {
    ShxRestore.delete(temporary);
  }

  private static Path transcode(Path csv, String encoding, String label) {
    try {
      Charset cs = Charset.forName(Charsets.normalize(encoding));
      Path tmp = Files.createTempFile("landwatch-", ".csv");
      Files.writeString(tmp, Files.readString(csv, cs), StandardCharsets.UTF_8);
      return tmp;
    } catch (IOException | RuntimeException e) {
      throw LandwatchException.invalidInput(label + ": " + csv + " cannot be read as "
          + encoding + " text (" + e.getMessage() + "). Check 'encoding:' of " + label + ".");
    }
  }

  private static String extension(Path p) {
    String n = p.getFileName().toString();
    int dot = n.lastIndexOf('.');
    return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
  }
}
