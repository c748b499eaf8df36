package io.landwatch.cli;

import io.landwatch.ExitCode;
import io.landwatch.store.RowOutcome;
import io.landwatch.write.ImportReport;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import picocli.CommandLine.Option;

/** What every import (feedback, leads, patrols) takes, and how it ends: report, rejected rows, exit code. */
final class ImportOptions {
  @Option(names = "--partial", description = "Apply the valid rows even when others are rejected.")
  boolean partial;

  @Option(names = "--report", description = "Report file (default: FILE.report.csv).")
  Path report;

  @Option(names = "--encoding", description = "Charset of a CSV file that is not UTF-8, e.g. GBK.")
  String encoding;

  @Option(names = "--today", description = "Today's date (default: today): rows dated later are refused.")
  LocalDate today;

  LocalDate day() {
    return today == null ? LocalDate.now() : today;
  }

  /**
   * Writes the report, prints the rejected rows and the summary line, and returns the exit code:
   * 8 when rows were rejected and nothing else may be applied (or, with --partial, nothing could be).
   */
  int finish(Path file, List<RowOutcome> rows, int applied, int rejected, String summary) {
    Path out = report != null ? report : file.resolveSibling(file.getFileName() + ".report.csv");
    ImportReport.write(out, rows);
    rows.stream().filter(RowOutcome::rejected)
        .forEach(o -> System.out.println("row " + o.row() + " (" + o.id() + "): rejected: " + o.reason()));
    System.out.println(summary + "; report in " + out);
    if (rejected > 0 && (!partial || applied == 0)) {
      System.err.println("landwatch: " + (partial ? "no row could be applied: all " + rejected
          + " row(s) with changes were rejected; see the report" : "nothing was applied because " + rejected
          + " row(s) were rejected; fix them, or import with --partial to apply the others") + ".");
      return ExitCode.REJECTED.code();
    }
    return 0;
  }
}
