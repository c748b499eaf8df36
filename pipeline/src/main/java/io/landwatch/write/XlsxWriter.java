package io.landwatch.write;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes an XLSX workbook (Office Open XML SpreadsheetML, ECMA-376) as it goes: sheets one after
 * another, rows streamed into each, the shared strings, styles and workbook parts at the end.
 * It does what landwatch's workbooks need and no more: text, number, boolean and date cells, a
 * few fixed styles, column widths, a frozen header, an autofilter, drop-down lists and a printed
 * page layout. It replaced Apache POI, whose first workbook in a JVM cost about 0.7 s of CPU in
 * every nightly run (classes, XMLBeans); the files are read back in the tests by GDAL's XLSX
 * driver and by POI.
 *
 * <p>Output is deterministic: the same calls give the same bytes (fixed zip entry times).
 */
final class XlsxWriter implements AutoCloseable {
  /** The cell styles of landwatch's workbooks (their index in styles.xml's cellXfs). */
  enum Style {
    DEFAULT, BOLD, DATE, TEXT, DECIMAL2
  }

  /** A value with a style other than its type's default. */
  record Cell(Object value, Style style) {}

  /** What a sheet shows and prints besides its rows; every field may be left at its default. */
  record Layout(double[] widths, int frozenColumns, int frozenRows, boolean autoFilter, boolean printFitWidth,
      String printTitle, String printFooter) {
    static Layout plain() {
      return new Layout(new double[0], 0, 0, false, false, null, null);
    }

    Layout widths(double... w) {
      return new Layout(w, frozenColumns, frozenRows, autoFilter, printFitWidth, printTitle, printFooter);
    }

    Layout frozen(int columns, int rows) {
      return new Layout(widths, columns, rows, autoFilter, printFitWidth, printTitle, printFooter);
    }

    Layout filtered() {
      return new Layout(widths, frozenColumns, frozenRows, true, printFitWidth, printTitle, printFooter);
    }

    /** Landscape A4, fitted to the page width, row 1 repeated on every page, centred header and footer. */
    Layout printed(String title, String footer) {
      return new Layout(widths, frozenColumns, frozenRows, autoFilter, true, title, footer);
    }
  }

  private static final long ZIP_TIME = 315_532_800_000L + 86_400_000L; // 1980-01-02, the zip epoch
  private static final String MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
  private static final String REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
  private static final String PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
  private static final String CT = "application/vnd.openxmlformats-officedocument.spreadsheetml.";
  /** Days from Excel's day 0 (1899-12-30, which absorbs Excel's 1900 leap-year bug) to 1970-01-01. */
  private static final long EXCEL_EPOCH_OFFSET = 25_569;

  private final ZipOutputStream zip;
  private final Writer out;
  private final Map<String, Integer> strings = new LinkedHashMap<>();
  private long stringCells;
  private final List<String> sheetNames = new ArrayList<>();
  private final Set<String> sheetNamesLower = new HashSet<>();
  private final List<String> definedNames = new ArrayList<>();
  private Sheet open;

  private XlsxWriter(OutputStream target) {
    zip = new ZipOutputStream(target, StandardCharsets.UTF_8);
    out = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
  }

  /** A workbook into {@code target}; {@link #close()} finishes it (and does not close {@code target}). */
  static XlsxWriter to(OutputStream target) {
    return new XlsxWriter(target);
  }

  /**
   * Starts the next sheet (the one before is finished).
   *
   * @param name at most 31 characters, none of []:*?/\ and not a name already used (in any case)
   */
  Sheet sheet(String name, Layout layout) throws IOException {
    if (name.isEmpty() || name.length() > 31 || name.chars().anyMatch(c -> "[]:*?/\\".indexOf(c) >= 0) || name.startsWith("'")) {
      throw new IllegalArgumentException("not a valid sheet name: " + name);
    }
    if (!sheetNamesLower.add(name.toLowerCase(Locale.ROOT))) {
      throw new IllegalArgumentException("two sheets named " + name);
    }
    finishSheet();
    sheetNames.add(name);
    open = new Sheet(sheetNames.size(), name, layout);
    return open;
  }

  /** One worksheet, written row by row. */
  final class Sheet {
    private final int number;
    private final String name;
    private final Layout layout;
    private final List<String> validations = new ArrayList<>();
    private int rows;
    private int columns;

    private Sheet(int number, String name, Layout layout) throws IOException {
      this.number = number;
      this.name = name;
      this.layout = layout;
      entry("xl/worksheets/sheet" + number + ".xml");
      out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<worksheet xmlns=\"" + MAIN
          + "\" xmlns:r=\"" + REL + "\">");
      if (layout.printFitWidth) {
        out.write("<sheetPr><pageSetUpPr fitToPage=\"1\"/></sheetPr>");
      }
      out.write("<sheetViews><sheetView workbookViewId=\"0\"" + (number == 1 ? " tabSelected=\"1\"" : "") + ">");
      int fc = layout.frozenColumns;
      int fr = layout.frozenRows;
      if (fc > 0 || fr > 0) {
        String pane = fc > 0 && fr > 0 ? "bottomRight" : fr > 0 ? "bottomLeft" : "topRight";
        out.write("<pane" + (fc > 0 ? " xSplit=\"" + fc + "\"" : "") + (fr > 0 ? " ySplit=\"" + fr + "\"" : "")
            + " topLeftCell=\"" + ref(fr, fc) + "\" activePane=\"" + pane + "\" state=\"frozen\"/><selection pane=\""
            + pane + "\"/>");
      }
      out.write("</sheetView></sheetViews><sheetFormatPr defaultRowHeight=\"15\"/>");
      if (layout.widths.length > 0) {
        out.write("<cols>");
        for (int i = 0; i < layout.widths.length; i++) {
          out.write("<col min=\"" + (i + 1) + "\" max=\"" + (i + 1) + "\" width=\"" + number(layout.widths[i])
              + "\" customWidth=\"1\"/>");
        }
        out.write("</cols>");
      }
      out.write("<sheetData>");
    }

    /** A row of bold text cells. */
    void header(List<String> headers) throws IOException {
      row(headers.stream().map(h -> (Object) new Cell(h, Style.BOLD)).toList());
    }

    /**
     * The next row. A value is written as what it is: a {@link Cell} in its style; a number or a
     * boolean as such; a {@link LocalDate} as an Excel date (shown 2023-07-05); anything else as
     * its text; null as no cell.
     */
    void row(List<?> values) throws IOException {
      int r = rows++;
      out.write("<row r=\"" + (r + 1) + "\">");
      for (int i = 0; i < values.size(); i++) {
        Object v = values.get(i);
        Style style = Style.DEFAULT;
        if (v instanceof Cell c) {
          v = c.value();
          style = c.style();
        }
        if (v == null) {
          continue;
        }
        if (v instanceof LocalDate && style == Style.DEFAULT) {
          style = Style.DATE;
        }
        out.write("<c r=\"" + ref(r, i) + "\"" + (style == Style.DEFAULT ? "" : " s=\"" + style.ordinal() + "\""));
        if (v instanceof LocalDate d) {
          out.write("><v>" + (d.toEpochDay() + EXCEL_EPOCH_OFFSET) + "</v></c>");
        } else if (v instanceof Boolean b) {
          out.write(" t=\"b\"><v>" + (b ? 1 : 0) + "</v></c>");
        } else if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
          out.write("><v>" + number(n.doubleValue()) + "</v></c>");
        } else {
          out.write(" t=\"s\"><v>" + string(v.toString()) + "</v></c>");
        }
      }
      out.write("</row>");
      columns = Math.max(columns, values.size());
    }

    /**
     * A drop-down list of {@code words} in column {@code column} (0-based) from row
     * {@code firstRow} to {@code lastRow} (0-based, inclusive); other entries are refused.
     */
    void dropDown(int column, int firstRow, int lastRow, List<String> words) {
      String list = String.join(",", words);
      if (words.stream().anyMatch(w -> w.contains(",") || w.contains("\"")) || list.length() > 255) {
        throw new IllegalArgumentException("an Excel drop-down list holds at most 255 characters, no commas or quotes: " + list);
      }
      validations.add("<dataValidation type=\"list\" allowBlank=\"1\" showErrorMessage=\"1\" sqref=\""
          + ref(firstRow, column) + ":" + ref(lastRow, column) + "\"><formula1>" + xml("\"" + list + "\"")
          + "</formula1></dataValidation>");
    }

    private void finish() throws IOException {
      out.write("</sheetData>");
      String quoted = "'" + name.replace("'", "''") + "'!";
      if (layout.autoFilter && columns > 0) {
        String range = "$A$1:$" + column(columns - 1) + "$" + Math.max(2, rows);
        out.write("<autoFilter ref=\"" + range.replace("$", "") + "\"/>");
        definedNames.add("<definedName name=\"_xlnm._FilterDatabase\" localSheetId=\"" + (number - 1)
            + "\" hidden=\"1\">" + xml(quoted + range) + "</definedName>");
      }
      if (!validations.isEmpty()) {
        out.write("<dataValidations count=\"" + validations.size() + "\">");
        for (String v : validations) {
          out.write(v);
        }
        out.write("</dataValidations>");
      }
      out.write("<pageMargins left=\"0.7\" right=\"0.7\" top=\"0.75\" bottom=\"0.75\" header=\"0.3\" footer=\"0.3\"/>");
      if (layout.printFitWidth) {
        out.write("<pageSetup paperSize=\"9\" orientation=\"landscape\" fitToWidth=\"1\" fitToHeight=\"0\"/>");
        definedNames.add("<definedName name=\"_xlnm.Print_Titles\" localSheetId=\"" + (number - 1) + "\">"
            + xml(quoted + "$1:$1") + "</definedName>");
      }
      if (layout.printTitle != null || layout.printFooter != null) {
        out.write("<headerFooter>");
        if (layout.printTitle != null) {
          out.write("<oddHeader>" + xml("&C" + layout.printTitle.replace("&", "&&")) + "</oddHeader>");
        }
        if (layout.printFooter != null) {
          out.write("<oddFooter>" + xml("&C" + layout.printFooter) + "</oddFooter>");
        }
        out.write("</headerFooter>");
      }
      out.write("</worksheet>");
    }
  }

  private void finishSheet() throws IOException {
    if (open != null) {
      open.finish();
      open = null;
    }
  }

  /** Finishes the workbook: the last sheet, shared strings, styles, workbook and package parts. */
  @Override
  public void close() throws IOException {
    finishSheet();
    if (sheetNames.isEmpty()) {
      throw new IllegalStateException("a workbook needs at least one sheet");
    }
    entry("xl/sharedStrings.xml");
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<sst xmlns=\"" + MAIN + "\" count=\""
        + stringCells + "\" uniqueCount=\"" + strings.size() + "\">");
    for (String s : strings.keySet()) {
      boolean keepSpace = !s.isEmpty() && (Character.isWhitespace(s.charAt(0)) || Character.isWhitespace(s.charAt(s.length() - 1)));
      out.write("<si><t" + (keepSpace ? " xml:space=\"preserve\"" : "") + ">" + xml(escapeXstring(s)) + "</t></si>");
    }
    out.write("</sst>");
    entry("xl/styles.xml");
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<styleSheet xmlns=\"" + MAIN + "\">"
        + "<numFmts count=\"1\"><numFmt numFmtId=\"164\" formatCode=\"yyyy\\-mm\\-dd\"/></numFmts>"
        + "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        + "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        + "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill><fill><patternFill patternType=\"gray125\"/></fill></fills>"
        + "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        + "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        + "<cellXfs count=\"5\">"
        + "<xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\"/>"
        + "<xf numFmtId=\"0\" fontId=\"1\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyFont=\"1\"/>"
        + "<xf numFmtId=\"164\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"49\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "<xf numFmtId=\"2\" fontId=\"0\" fillId=\"0\" borderId=\"0\" xfId=\"0\" applyNumberFormat=\"1\"/>"
        + "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        + "</styleSheet>");
    StringBuilder sheets = new StringBuilder();
    StringBuilder rels = new StringBuilder();
    StringBuilder types = new StringBuilder();
    for (int i = 0; i < sheetNames.size(); i++) {
      sheets.append("<sheet name=\"").append(xml(sheetNames.get(i))).append("\" sheetId=\"").append(i + 1)
          .append("\" r:id=\"rId").append(i + 1).append("\"/>");
      rels.append("<Relationship Id=\"rId").append(i + 1).append("\" Type=\"").append(REL)
          .append("/worksheet\" Target=\"worksheets/sheet").append(i + 1).append(".xml\"/>");
      types.append("<Override PartName=\"/xl/worksheets/sheet").append(i + 1).append(".xml\" ContentType=\"").append(CT)
          .append("worksheet+xml\"/>");
    }
    int n = sheetNames.size();
    entry("xl/workbook.xml");
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<workbook xmlns=\"" + MAIN + "\" xmlns:r=\""
        + REL + "\"><workbookPr/><bookViews><workbookView/></bookViews><sheets>" + sheets + "</sheets>"
        + (definedNames.isEmpty() ? "" : "<definedNames>" + String.join("", definedNames) + "</definedNames>")
        + "</workbook>");
    entry("xl/_rels/workbook.xml.rels");
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" + PKG_REL + "\">" + rels
        + "<Relationship Id=\"rId" + (n + 1) + "\" Type=\"" + REL + "/styles\" Target=\"styles.xml\"/>"
        + "<Relationship Id=\"rId" + (n + 2) + "\" Type=\"" + REL + "/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        + "</Relationships>");
    entry("_rels/.rels");
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Relationships xmlns=\"" + PKG_REL + "\">"
        + "<Relationship Id=\"rId1\" Type=\"" + REL + "/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>");
    entry("[Content_Types].xml");
    out.write("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<Types xmlns=\"http://schemas.openxmlformats.org/"
        + "package/2006/content-types\"><Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package."
        + "relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"" + CT + "sheet.main+xml\"/>" + types
        + "<Override PartName=\"/xl/styles.xml\" ContentType=\"" + CT + "styles+xml\"/>"
        + "<Override PartName=\"/xl/sharedStrings.xml\" ContentType=\"" + CT + "sharedStrings+xml\"/></Types>");
    out.flush();
    zip.closeEntry();
    zip.finish();
  }

  private void entry(String name) throws IOException {
    out.flush();
    ZipEntry e = new ZipEntry(name);
    e.setTime(ZIP_TIME);
    zip.putNextEntry(e);
  }

  private int string(String s) {
    stringCells++;
    Integer i = strings.get(s);
    if (i == null) {
      i = strings.size();
      strings.put(s, i);
    }
    return i;
  }

  /** A1-style reference of a 0-based row and column. */
  static String ref(int row, int column) {
    return column(column) + (row + 1);
  }

  /** Column letters of a 0-based column: A … Z, AA … */
  static String column(int c) {
    StringBuilder b = new StringBuilder();
    for (int n = c + 1; n > 0; n = (n - 1) / 26) {
      b.insert(0, (char) ('A' + (n - 1) % 26));
    }
    return b.toString();
  }

  /** The shortest decimal that reads back as the same double, without an exponent Excel might show oddly. */
  private static String number(double d) {
    if (d == Math.rint(d) && Math.abs(d) < 1e15) {
      return Long.toString((long) d);
    }
    return Double.toString(d);
  }

  /**
   * SpreadsheetML's escape for characters XML 1.0 cannot carry (control characters become
   * _xHHHH_, and an underscore that would read as such an escape is itself escaped); unpaired
   * surrogates become U+FFFD.
   */
  static String escapeXstring(String s) {
    return replaced(s, (t, i) -> {
      char c = t.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0xFFFE || c == 0xFFFF) {
        return String.format(Locale.ROOT, "_x%04X_", (int) c);
      } else if (c == '_' && t.startsWith("_x", i) && i + 7 <= t.length()
          && t.substring(i + 2, i + 7).matches("[0-9A-Fa-f]{4}_")) {
        return "_x005F_";
      } else if (Character.isHighSurrogate(c) && (i + 1 >= t.length() || !Character.isLowSurrogate(t.charAt(i + 1)))
          || Character.isLowSurrogate(c) && (i == 0 || !Character.isHighSurrogate(t.charAt(i - 1)))) {
        return "\uFFFD";
      }
      return null;
    });
  }

  /** XML text and attribute escaping. */
  static String xml(String s) {
    return replaced(s, (t, i) -> switch (t.charAt(i)) {
      case '&' -> "&amp;";
      case '<' -> "&lt;";
      case '>' -> "&gt;";
      case '"' -> "&quot;";
      case '\r' -> "&#13;";
      default -> null;
    });
  }

  /** What a character at an index of a text is replaced by, or null to keep it. */
  @FunctionalInterface
  private interface Replacement {
    String at(String text, int index);
  }

  /** {@code s} with characters replaced; {@code s} itself (no copy) when none is. */
  private static String replaced(String s, Replacement replacement) {
    StringBuilder b = null;
    for (int i = 0; i < s.length(); i++) {
      String rep = replacement.at(s, i);
      if (rep != null && b == null) {
        b = new StringBuilder(s.length() + 16).append(s, 0, i);
      }
      if (b != null) {
        if (rep != null) {
          b.append(rep);
        } else {
          b.append(s.charAt(i));
        }
      }
    }
    return b == null ? s : b.toString();
  }
}
