package io.landwatch.write;

import io.landwatch.store.RowOutcome;
import java.nio.file.Path;
import java.util.List;

/** The report of an import (feedback, leads, patrols), one line per row of the file: row, id, outcome, reason. */
public final class ImportReport {
  private ImportReport() {}

  public static void write(Path out, List<RowOutcome> rows) {
    CsvWriter.table(out, List.of("row", "id", "outcome", "reason"), sink -> {
      for (RowOutcome o : rows) {
        sink.row(List.of(Integer.toString(o.row()), o.id() == null ? "" : o.id(), o.outcome(),
            o.reason() == null ? "" : o.reason()));
      }
    });
  }
}
