package io.landwatch.write;

import java.util.Locale;

/** What every map of landwatch carries: a scale bar of a round length and a north arrow, as SVG. */
public final class SvgMarks {
  private SvgMarks() {}

  /**
   * A black-and-white bar of 1, 2 or 5 × 10ⁿ metres, at most {@code maxPx} long, its left end at
   * (x, y), labelled after it.
   *
   * @param metresPerPx the map's scale at the bar
   */
  public static String scaleBar(double metresPerPx, double maxPx, double x, double y) {
    double target = metresPerPx * maxPx;
    double pow = Math.pow(10, Math.floor(Math.log10(target)));
    double len = pow;
    for (double m : new double[] {1, 2, 5}) {
      if (m * pow <= target) {
        len = m * pow;
      }
    }
    double px = len / metresPerPx;
    String label = len >= 1000 ? String.format(Locale.ROOT, "%.0f km", len / 1000) : String.format(Locale.ROOT, "%.0f m", len);
    return String.format(Locale.ROOT, "<g class=\"scalebar\"><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"4\""
        + " fill=\"#222\"/><rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"4\" fill=\"#fff\" stroke=\"#222\""
        + " stroke-width=\"0.6\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\">%s</text></g>", x, y, px / 2, x + px / 2,
        y, px / 2, x + px + 4, y + 4, label);
  }

  /** A north arrow centred on x, its label at {@code top}. */
  public static String northArrow(double x, double top) {
    return String.format(Locale.ROOT, "<g class=\"north\"><path d=\"M%.1f %.1f L%.1f %.1f L%.1f %.1f L%.1f %.1f Z\""
        + " fill=\"#222\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" text-anchor=\"middle\" font-weight=\"bold\">北</text>"
        + "</g>", x, top + 5, x - 8, top + 31, x, top + 24, x + 8, top + 31, x, top);
  }
}
