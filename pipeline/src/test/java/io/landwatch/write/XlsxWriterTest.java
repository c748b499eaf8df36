package io.landwatch.write;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.testing.Ogr;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workbook writer, read back by Apache POI and by GDAL's XLSX driver (neither shares its code). */
class XlsxWriterTest {
  @TempDir Path dir;

  private static final String AWKWARD = " 14052420230001\t&<>\"'_x0041_\u0001 ";

  private static byte[] sample() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XlsxWriter wb = XlsxWriter.to(bytes)) {
      XlsxWriter.Sheet a = wb.sheet("图斑 & more", XlsxWriter.Layout.plain().widths(18, 14, 12).frozen(1, 1).filtered());
      a.header(List.of("patch_id", "area_m2", "after_date", "referral", "note"));
      a.row(Arrays.asList("14052420230001", 7611.04, LocalDate.of(2023, 4, 22), true, AWKWARD));
      a.row(Arrays.asList("14052420230002", null, LocalDate.of(1900, 3, 1), false, "第二季度 \uD83C\uDF3E"));
      a.row(Arrays.asList(new XlsxWriter.Cell("0012", XlsxWriter.Style.TEXT), new XlsxWriter.Cell(3.14159, XlsxWriter.Style.DECIMAL2),
          null, null, "lone \uD83C surrogate"));
      a.dropDown(4, 1, 3, List.of("违法", "合法已批", "<&>"));
      XlsxWriter.Sheet b = wb.sheet("print", XlsxWriter.Layout.plain().frozen(0, 1).printed("A & B", "第 &P 页 / 共 &N 页"));
      b.header(List.of("x"));
      b.row(List.of(1e-7));
      b.row(List.of(-2.5e20));
    }
    return bytes.toByteArray();
  }

  @Test
  void poiReadsEveryValueStyleAndSetting() throws Exception {
    byte[] xlsx = sample();
    try (InputStream in = new java.io.ByteArrayInputStream(xlsx); XSSFWorkbook wb = new XSSFWorkbook(in)) {
      assertEquals(2, wb.getNumberOfSheets());
      XSSFSheet a = wb.getSheet("图斑 & more");
      assertTrue(a.getRow(0).getCell(0).getCellStyle().getFont().getBold(), "bold header");
      assertEquals("patch_id", a.getRow(0).getCell(0).getStringCellValue());
      var r1 = a.getRow(1);
      assertEquals(CellType.STRING, r1.getCell(0).getCellType(), "14-digit id as text");
      assertEquals("14052420230001", r1.getCell(0).getStringCellValue());
      assertEquals(7611.04, r1.getCell(1).getNumericCellValue(), 0);
      assertEquals(LocalDate.of(2023, 4, 22), r1.getCell(2).getLocalDateTimeCellValue().toLocalDate());
      assertEquals("yyyy\\-mm\\-dd", r1.getCell(2).getCellStyle().getDataFormatString());
      assertEquals(CellType.BOOLEAN, r1.getCell(3).getCellType());
      assertTrue(r1.getCell(3).getBooleanCellValue());
      assertEquals(AWKWARD, r1.getCell(4).getStringCellValue(), "spaces, tab, markup, a literal _x0041_ and a control character");
      var r2 = a.getRow(2);
      assertNull(r2.getCell(1), "null is no cell");
      assertEquals(LocalDate.of(1900, 3, 1), r2.getCell(2).getLocalDateTimeCellValue().toLocalDate(), "after Excel's phantom 1900-02-29");
      assertFalse(r2.getCell(3).getBooleanCellValue());
      assertEquals("第二季度 \uD83C\uDF3E", r2.getCell(4).getStringCellValue());
      var r3 = a.getRow(3);
      assertEquals("0012", r3.getCell(0).getStringCellValue());
      assertEquals("@", r3.getCell(0).getCellStyle().getDataFormatString());
      assertEquals(3.14159, r3.getCell(1).getNumericCellValue(), 0);
      assertEquals("0.00", r3.getCell(1).getCellStyle().getDataFormatString());
      assertEquals("lone \uFFFD surrogate", r3.getCell(4).getStringCellValue());
      assertEquals(18 * 256, a.getColumnWidth(0));
      assertEquals(12 * 256, a.getColumnWidth(2));
      var pane = a.getPaneInformation();
      assertTrue(pane.isFreezePane());
      assertEquals(1, pane.getVerticalSplitPosition());
      assertEquals(1, pane.getHorizontalSplitPosition());
      assertEquals("A1:E4", a.getCTWorksheet().getAutoFilter().getRef());
      List<? extends DataValidation> dv = a.getDataValidations();
      assertEquals(1, dv.size());
      assertArrayEquals(new String[] {"违法", "合法已批", "<&>"}, dv.get(0).getValidationConstraint().getExplicitListValues());
      assertEquals("E2:E4", dv.get(0).getRegions().getCellRangeAddress(0).formatAsString());
      XSSFSheet b = wb.getSheet("print");
      assertEquals(1e-7, b.getRow(1).getCell(0).getNumericCellValue(), 0);
      assertEquals(-2.5e20, b.getRow(2).getCell(0).getNumericCellValue(), 0);
      assertTrue(b.getPrintSetup().getLandscape());
      assertEquals(9, b.getPrintSetup().getPaperSize(), "A4");
      assertEquals(1, b.getPrintSetup().getFitWidth());
      assertEquals(0, b.getPrintSetup().getFitHeight());
      assertTrue(b.getFitToPage());
      assertEquals("1:1", b.getRepeatingRows().formatAsString());
      assertEquals("A && B", b.getHeader().getCenter());
      assertEquals("第 &P 页 / 共 &N 页", b.getFooter().getCenter());
      assertNull(b.getCTWorksheet().getAutoFilter(), "no filter where none was asked for");
    }
  }

  @Test
  void gdalReadsTheTypedColumns() throws Exception {
    Path f = dir.resolve("t.xlsx");
    Files.write(f, sample());
    String info = Ogr.run("ogrinfo", "-so", f.toString(), "图斑 & more");
    assertTrue(info.contains("patch_id: String") && info.contains("area_m2: Real") && info.contains("after_date: Date"), info);
    List<List<String>> rows = Ogr.readCsv(f, "SELECT patch_id, area_m2, after_date FROM \"图斑 & more\"", null);
    assertEquals(List.of("14052420230001", "7611.04", "2023/04/22"), rows.get(1));
    assertEquals(List.of("0012", "3.14159", ""), rows.get(3));
  }

  @Test
  void repeatedTextIsStoredOnce() throws Exception {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (XlsxWriter wb = XlsxWriter.to(bytes)) {
      XlsxWriter.Sheet s = wb.sheet("t", XlsxWriter.Layout.plain());
      s.header(List.of("village", "verdict"));
      for (int i = 0; i < 50; i++) {
        s.row(List.of("石门村", i % 2 == 0 ? "suspected_illegal" : "approved"));
      }
    }
    String sst = null;
    try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      for (var e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("xl/sharedStrings.xml")) {
          sst = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    assertTrue(sst != null && sst.contains("count=\"102\" uniqueCount=\"5\""), sst);
    try (XSSFWorkbook wb = new XSSFWorkbook(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals("approved", wb.getSheet("t").getRow(50).getCell(1).getStringCellValue());
      assertEquals("石门村", wb.getSheet("t").getRow(50).getCell(0).getStringCellValue());
    }
  }

  @Test
  void theSameCallsGiveTheSameBytes() throws Exception {
    assertArrayEquals(sample(), sample());
  }

  @Test
  void namesExcelRefusesAreRefusedHere() throws Exception {
    try (XlsxWriter wb = XlsxWriter.to(new ByteArrayOutputStream())) {
      for (String bad : List.of("", "a/b", "a[1]", "x".repeat(32), "'quoted")) {
        assertThrows(IllegalArgumentException.class, () -> wb.sheet(bad, XlsxWriter.Layout.plain()), bad);
      }
      XlsxWriter.Sheet s = wb.sheet("Tasks", XlsxWriter.Layout.plain());
      assertThrows(IllegalArgumentException.class, () -> wb.sheet("TASKS", XlsxWriter.Layout.plain()), "names are case-blind");
      assertThrows(IllegalArgumentException.class, () -> s.dropDown(0, 1, 2, List.of("a,b")), "a comma splits the list");
      assertThrows(IllegalArgumentException.class, () -> s.dropDown(0, 1, 2, List.of("say \"no\"")), "readers differ on quotes");
    }
  }

  @Test
  void onlyIsoDayTextBecomesADate() {
    assertEquals(LocalDate.of(2023, 7, 5), Xlsx.isoDate("2023-07-05"));
    for (String notIso : List.of("2023-7-5", "2023/07/05", "20230705", "2023-07-05T10:00", "２０２３-07-05", "abcd-ef-gh")) {
      assertNull(Xlsx.isoDate(notIso), notIso);
    }
    assertEquals(LocalDate.of(2023, 7, 5), Xlsx.value("2023-07-05", true));
    assertEquals("2023-07-05", Xlsx.value("2023-07-05", false), "text outside a date column stays text");
  }

  @Test
  void columnLetters() {
    assertEquals(List.of("A", "Z", "AA", "AZ", "BA", "ZZ", "AAA", "XFD"),
        java.util.stream.IntStream.of(0, 25, 26, 51, 52, 701, 702, 16383).mapToObj(XlsxWriter::column).toList());
  }
}
