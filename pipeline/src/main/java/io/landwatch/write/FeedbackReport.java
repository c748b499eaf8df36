package io.landwatch.write;

import io.landwatch.store.FeedbackImport;
import java.nio.file.Path;
import java.util.List;

/** The report of a feedback import, one line per row of the file: row, id, outcome, reason. */
public final class FeedbackReport {
  private FeedbackReport() {}

  public static void write(Path out, FeedbackImport.Report report) {
    CsvWriter.table(out, List.of("row", "id", "outcome", "reason"), sink -> {
      for (var o : report.rows()) {
        sink.row(List.of(Integer.toString(o.row()), o.id() == null ? "" : o.id(), o.outcome(),
            o.reason() == null ? "" : o.reason()));
      }
    });
  }
}
