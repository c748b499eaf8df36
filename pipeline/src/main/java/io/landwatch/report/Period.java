package io.landwatch.report;

import io.landwatch.LandwatchException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A reporting period: a quarter ({@code 2023-Q2}), a month ({@code 2023-06}) or a year
 * ({@code 2023}), with its first and last day and the periods before it for trends.
 *
 * @param label as written, e.g. 2023-Q2
 * @param from first day
 * @param to last day
 */
public record Period(String label, LocalDate from, LocalDate to) {
  private static final Pattern QUARTER = Pattern.compile("(\\d{4})-?[Qq]([1-4])");
  private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{1,2})");
  private static final Pattern YEAR = Pattern.compile("(\\d{4})");

  /** The period a --period value names, or an error saying how to write one. */
  public static Period parse(String text) {
    String t = text.strip();
    Matcher m = QUARTER.matcher(t);
    if (m.matches()) {
      int y = Integer.parseInt(m.group(1));
      int q = Integer.parseInt(m.group(2));
      LocalDate from = LocalDate.of(y, 3 * q - 2, 1);
      return new Period(y + "-Q" + q, from, from.plusMonths(3).minusDays(1));
    }
    m = MONTH.matcher(t);
    if (m.matches() && Integer.parseInt(m.group(2)) >= 1 && Integer.parseInt(m.group(2)) <= 12) {
      YearMonth ym = YearMonth.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
      return new Period(ym.toString(), ym.atDay(1), ym.atEndOfMonth());
    }
    m = YEAR.matcher(t);
    if (m.matches()) {
      int y = Integer.parseInt(m.group(1));
      return new Period(Integer.toString(y), LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31));
    }
    throw LandwatchException.invalidInput("--period '" + text + "' is not a period: write a quarter (2023-Q2), a month"
        + " (2023-06) or a year (2023).");
  }

  public boolean contains(LocalDate day) {
    return day != null && !day.isBefore(from) && !day.isAfter(to);
  }

  /** The Chinese name: 2023年第二季度, 2023年6月, 2023年. */
  public String chinese() {
    if (label.contains("Q")) {
      return from.getYear() + "年第" + "一二三四".charAt((from.getMonthValue() - 1) / 3) + "季度";
    }
    return label.length() == 4 ? label + "年" : from.getYear() + "年" + from.getMonthValue() + "月";
  }

  /** This period and the {@code n - 1} before it, oldest first (same kind: quarters, months or years). */
  public List<Period> trend(int n) {
    List<Period> out = new ArrayList<>();
    Period p = this;
    for (int i = 0; i < n; i++) {
      out.add(0, p);
      p = p.previous();
    }
    return out;
  }

  Period previous() {
    if (label.contains("Q")) {
      LocalDate f = from.minusMonths(3);
      return parse(f.getYear() + "-Q" + ((f.getMonthValue() - 1) / 3 + 1));
    }
    if (label.length() == 4) {
      return parse(Integer.toString(from.getYear() - 1));
    }
    return parse(YearMonth.from(from).minusMonths(1).toString());
  }
}
