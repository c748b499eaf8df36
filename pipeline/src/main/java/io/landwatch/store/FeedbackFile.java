package io.landwatch.store;

import io.landwatch.LandwatchException;
import io.landwatch.model.SourceRecord;
import io.landwatch.read.Attributes;
import io.landwatch.read.LayerSource;
import io.landwatch.read.MojibakeCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a feedback file (CSV with or without BOM, or XLSX) into rows; text must decode cleanly.
 * Photos and measured outlines are files named relative to the feedback file; a zip of photos
 * is unpacked into a temporary folder the caller removes.
 */
final class FeedbackFile {
  /** The rows, and the temporary folders holding unpacked photos (delete them when done). */
  record Read(List<FeedbackRow> rows, List<Path> temporary) {}

  private FeedbackFile() {}

  /** @param encoding the charset of a CSV, or null for UTF-8 */
  static Read read(Path file, String encoding) {
    List<FeedbackRow> out = new ArrayList<>();
    List<Path> temporary = new ArrayList<>();
    try (LayerSource src = LayerSource.open("feedback", file, null, encoding, null, null)) {
      String effective = src.encoding().effective();
      List<String> cols = src.fieldNames();
      java.util.Map<String, String> headers = new java.util.HashMap<>();
      FeedbackVocabulary.COLUMNS.keySet().forEach(c -> headers.put(c, FeedbackVocabulary.header(cols, c)));
      if (headers.get("task_id") == null && headers.get("patch_id") == null || headers.get("result") == null) {
        throw LandwatchException.invalidInput("feedback file " + file + " needs the columns task_id (任务编号)"
            + " or patch_id (图斑编号), result (核查结果), action (处置措施), checked_on (核查日期), inspector"
            + " (核查人), note (备注); it has: " + String.join(", ", cols)
            + ". See docs/NIGHTLY.md (feedback file format).");
      }
      Attributes fields = src.attributes();
      src.forEach(f -> {
        SourceRecord rec = new SourceRecord(f.GetFID(), fields.read(f));
        int row = out.size() + 2; // the header is row 1
        java.util.function.Function<String, String> cell = c -> text(file, row, c, rec.text(headers.get(c)), effective);
        List<Photo> photos = new ArrayList<>();
        String problem = null;
        String names = cell.apply("photos");
        if (names != null) {
          for (String name : names.split("[;；,，\\s]+")) {
            if (name.isBlank()) {
              continue;
            }
            Path named = file.toAbsolutePath().getParent().resolve(name.strip());
            try {
              if (name.strip().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
                PhotoArchive.Unpacked u = PhotoArchive.unpack(named);
                temporary.add(u.folder());
                for (Path p : u.photos()) {
                  photos.add(Photo.read(p));
                }
              } else {
                photos.add(Photo.read(named));
              }
            } catch (LandwatchException e) {
              problem = e.getMessage();
            }
          }
        }
        String outlineName = cell.apply("outline");
        org.locationtech.jts.geom.Geometry outline = null;
        if (outlineName != null && problem == null) {
          Path named = file.toAbsolutePath().getParent().resolve(outlineName);
          try {
            outline = FieldOutline.read(named);
          } catch (LandwatchException e) {
            problem = "measured outline " + outlineName + ": " + e.getMessage();
          }
        }
        out.add(new FeedbackRow(row, cell.apply("task_id"), cell.apply("patch_id"),
            FeedbackVocabulary.result(cell.apply("result")), FeedbackVocabulary.action(cell.apply("action")),
            cell.apply("checked_on"), cell.apply("inspector"), cell.apply("note"), List.copyOf(photos), problem,
            outline, outline == null ? null : outlineName));
      });
    } catch (RuntimeException e) {
      PhotoArchive.delete(temporary);
      throw e;
    }
    return new Read(out, temporary);
  }

  /** A cell's text without a BOM, refused when it is not text of the file's charset. */
  private static String text(Path file, int row, String column, String value, String effective) {
    if (value == null) {
      return null;
    }
    String v = value.startsWith("\uFEFF") ? value.substring(1) : value;
    String likely = MojibakeCheck.guess(v, effective);
    if (likely != null) {
      throw LandwatchException.invalidInput("feedback file " + file + ", row " + row + ", column " + column
          + ": '" + v + "' is not " + effective + " text; it looks like " + likely + ". Save the file as "
          + effective + " (Excel: \"CSV UTF-8\") or import it with --encoding " + likely + ". Nothing was imported.");
    }
    return v;
  }
}
