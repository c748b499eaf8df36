package io.landwatch.report;

import java.util.List;
import java.util.Locale;

/** The trend chart as inline SVG: per period, cases opened and confirmed illegal (bars), with the confirmed area. */
final class ChartSvg {
  private static final double W = 640;
  private static final double H = 230;

  private ChartSvg() {}

  static String trend(List<ReportData.TrendPoint> points) {
    int max = Math.max(1, points.stream().mapToInt(p -> Math.max(p.opened(), p.confirmed())).max().orElse(1));
    double plotH = H - 70;
    double slot = (W - 60) / points.size();
    double bar = Math.min(40, slot / 3);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\""
            + " font-family='%s' font-size=\"10\">", W, H, W, H, Html.FONTS.replace('"', '\'')));
    double base = 20 + plotH;
    b.append(String.format(Locale.ROOT, "<line x1=\"40\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#333\"/>", base,
        W - 10, base));
    for (int tick = 0; tick <= 4; tick++) {
      double v = max * tick / 4.0;
      double y = base - plotH * tick / 4.0;
      b.append(String.format(Locale.ROOT, "<line x1=\"40\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>"
          + "<text x=\"35\" y=\"%.1f\" text-anchor=\"end\">%.0f</text>", y, W - 10, y, y + 3.5, v));
    }
    for (int i = 0; i < points.size(); i++) {
      ReportData.TrendPoint p = points.get(i);
      double x = 50 + i * slot + slot / 2 - bar;
      double h1 = plotH * p.opened() / max;
      double h2 = plotH * p.confirmed() / max;
      b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#90a4ae\">"
          + "<title>%s opened %d</title></rect>", x, base - h1, bar, h1, Html.esc(p.label()), p.opened()));
      b.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#c62828\">"
          + "<title>%s confirmed %d</title></rect>", x + bar, base - h2, bar, h2, Html.esc(p.label()), p.confirmed()));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%d / %d</text>",
          x + bar, base - Math.max(h1, h2) - 4, p.opened(), p.confirmed()));
      b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\">%s</text>"
          + "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"middle\" fill=\"#c62828\">%s 亩</text>", x + bar, base + 14,
          Html.esc(p.label()), x + bar, base + 27, Html.num(p.confirmedMu())));
    }
    b.append(String.format(Locale.ROOT, "<rect x=\"45\" y=\"%.0f\" width=\"10\" height=\"10\" fill=\"#90a4ae\"/>"
        + "<text x=\"60\" y=\"%.0f\">新增案件</text><rect x=\"130\" y=\"%.0f\" width=\"10\" height=\"10\" fill=\"#c62828\"/>"
        + "<text x=\"145\" y=\"%.0f\">确认违法（面积：亩）</text>", H - 18, H - 9, H - 18, H - 9));
    return b.append("</svg>").toString();
  }
}
