package io.landwatch.store;

import io.landwatch.LandwatchException;
import io.landwatch.model.SourceRecord;
import io.landwatch.read.Attributes;
import io.landwatch.read.LayerSource;
import io.landwatch.read.MojibakeCheck;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads a feedback file (CSV with or without BOM, or XLSX) into rows; text must decode cleanly. */
final class FeedbackFile {
  private FeedbackFile() {}

  /** @param encoding the charset of a CSV, or null for UTF-8 */
  static List<FeedbackRow> read(Path file, String encoding) {
    List<FeedbackRow> out = new ArrayList<>();
    try (LayerSource src = LayerSource.open("feedback", file, null, encoding, null, null)) {
      String effective = src.encoding().effective();
      List<String> cols = src.fieldNames();
      if (cols.stream().noneMatch(c -> c.equalsIgnoreCase("task_id") || c.equalsIgnoreCase("patch_id"))
          || cols.stream().noneMatch(c -> c.equalsIgnoreCase("result"))) {
        throw LandwatchException.invalidInput("feedback file " + file + " needs the columns task_id (or"
            + " patch_id), result, action, checked_on, inspector, note; it has: " + String.join(", ", cols)
            + ". See docs/NIGHTLY.md (feedback file format).");
      }
      src.forEach(f -> {
        SourceRecord rec = new SourceRecord(f.GetFID(), Attributes.of(f));
        int row = out.size() + 2; // the header is row 1
        java.util.function.Function<String, String> cell = c -> text(file, row, c, rec.text(c), effective);
        out.add(new FeedbackRow(row, cell.apply("task_id"), cell.apply("patch_id"), cell.apply("result"),
            cell.apply("action"), cell.apply("checked_on"), cell.apply("inspector"), cell.apply("note")));
      });
    }
    return out;
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
