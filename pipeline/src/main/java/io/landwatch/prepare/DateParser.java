package io.landwatch.prepare;

import java.time.LocalDate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the dates found in patch and approval tables: {@code 20230415}, {@code 2023-04-15},
 * {@code 2023/4/15}, {@code 2023.4.15}, {@code 2023年4月15日}, and DBF/GeoPackage dates as OGR
 * prints them ({@code 2023/04/15}, optionally with a time). Impossible dates such as
 * {@code 20230631} are rejected, never rolled over.
 */
public final class DateParser {
  private static final Pattern COMPACT = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");
  private static final Pattern SEPARATED =
      Pattern.compile("(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?(?:Z|[+-]\\d{2}:?\\d{2})?)?");

  private DateParser() {}

  /** The date, or null when the text is blank. */
  public static LocalDate parse(String text) throws InvalidDate {
    if (text == null || text.isBlank()) {
      return null;
    }
    String t = text.trim();
    Matcher m = COMPACT.matcher(t);
    if (!m.matches()) {
      m = SEPARATED.matcher(t);
      if (!m.matches()) {
        throw new InvalidDate(t);
      }
    }
    try {
      return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
          Integer.parseInt(m.group(3)));
    } catch (java.time.DateTimeException e) {
      throw new InvalidDate(t);
    }
  }

  /** A value that is not a date. */
  public static final class InvalidDate extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidDate(String value) {
      super(value);
    }

    public String value() {
      return getMessage();
    }
  }
}
