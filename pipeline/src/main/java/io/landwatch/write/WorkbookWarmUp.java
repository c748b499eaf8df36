package io.landwatch.write;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Loads and initialises POI while the run reads its inputs: the first workbook of a JVM costs
 * about half a second of class loading (0.6–1.1 s for a 300-row patches.xlsx, 0.1 s for the next
 * workbook), which otherwise lands at the end of the run, after everything else is written.
 */
public final class WorkbookWarmUp {
  private WorkbookWarmUp() {}

  /** Writes a small workbook with the styles landwatch uses to nowhere, on a daemon thread. */
  public static void start() {
    Thread t = new Thread(WorkbookWarmUp::write, "landwatch-poi-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  private static void write() {
    try (XSSFWorkbook wb = Xlsx.workbook()) {
      Sheet s = wb.createSheet("warm-up");
      Xlsx.header(s, Xlsx.bold(wb), java.util.List.of("id", "on", "m2"));
      Row r = s.createRow(1);
      Xlsx.put(r.createCell(0), "14052420230001", false, null);
      Xlsx.put(r.createCell(1), LocalDate.of(2023, 7, 1), true, Xlsx.dateStyle(wb));
      Xlsx.put(r.createCell(2), 1.5, false, null);
      s.setAutoFilter(org.apache.poi.ss.util.CellRangeAddress.valueOf("A1:C2"));
      s.createFreezePane(0, 1);
      wb.write(OutputStream.nullOutputStream());
    } catch (IOException | RuntimeException e) {
      // only a warm-up: the real workbooks report their own failures
    }
  }
}
