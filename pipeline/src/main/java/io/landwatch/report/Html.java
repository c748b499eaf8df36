package io.landwatch.report;

import java.util.List;
import java.util.Locale;

/** Small helpers for writing self-contained HTML: escaping, numbers, tables, the page's head. */
final class Html {
  /** Fonts that carry Chinese on the machines offices use; the report embeds no font files. */
  static final String FONTS = "\"Noto Sans CJK SC\", \"Noto Sans SC\", \"Source Han Sans SC\", \"WenQuanYi Micro Hei\","
      + " \"Microsoft YaHei\", \"PingFang SC\", \"SimHei\", sans-serif";

  private Html() {}

  static String esc(Object o) {
    if (o == null) {
      return "";
    }
    String s = o.toString();
    StringBuilder b = new StringBuilder(s.length());
    for (char c : s.toCharArray()) {
      switch (c) {
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '&' -> b.append("&amp;");
        case '"' -> b.append("&quot;");
        default -> b.append(c);
      }
    }
    return b.toString();
  }

  /** 亩 and other areas to 2 decimals, counts as they are. */
  static String num(double v) {
    return String.format(Locale.ROOT, "%.2f", v);
  }

  static String pct(Double v) {
    return v == null ? "—" : String.format(Locale.ROOT, "%.1f%%", v * 100);
  }

  /** A table: header cells, then rows of already-escaped cells; numeric columns right-aligned by class. */
  static String table(String cssClass, List<String> head, List<List<String>> rows) {
    StringBuilder b = new StringBuilder("<table class=\"" + cssClass + "\"><thead><tr>");
    head.forEach(h -> b.append("<th>").append(esc(h)).append("</th>"));
    b.append("</tr></thead><tbody>");
    for (List<String> r : rows) {
      b.append("<tr>");
      r.forEach(c -> b.append("<td>").append(c).append("</td>"));
      b.append("</tr>");
    }
    return b.append("</tbody></table>").toString();
  }

  /** The document's start: A4 print setup, a phone-readable viewport, the CJK font list. */
  static String head(String title, String extraCss) {
    return "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(title) + "</title><style>"
        + "@page{size:A4;margin:14mm 12mm 16mm 12mm;@bottom-center{content:\"第 \" counter(page) \" 页 / 共 \""
        + " counter(pages) \" 页\";font-size:8.5pt;color:#555}}"
        + "body{font-family:" + FONTS + ";font-size:10.5pt;color:#1a1a1a;margin:0 auto;max-width:190mm;padding:0 4mm}"
        + "h1{font-size:17pt;margin:6mm 0 2mm}h2{font-size:13pt;margin:6mm 0 2mm;border-bottom:1.5px solid #7a1f1f;"
        + "padding-bottom:1mm;break-after:avoid}h3{font-size:11pt;margin:4mm 0 1mm;break-after:avoid}"
        + "table{border-collapse:collapse;width:100%;margin:1mm 0 3mm;font-size:9pt}"
        + "th,td{border:0.6px solid #999;padding:1mm 1.5mm;text-align:left}th{background:#eee}"
        + "td.n,th.n{text-align:right}tr{break-inside:avoid}thead{display:table-header-group}"
        + ".totals td:nth-child(2){font-weight:bold;text-align:right}.flag{color:#b00000;font-weight:bold}"
        + ".meta{color:#555;font-size:9pt}.page{break-before:page}svg{max-width:100%;height:auto}"
        + extraCss + "</style></head><body>";
  }
}
