package io.landwatch.write;

import io.landwatch.model.Priority;
import io.landwatch.plan.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * A printable patrol sheet (巡查单) for one township: an A4 page with a sketch map (inline SVG)
 * of the township's villages and the tasks numbered in route order, then the task table in the
 * same order. Self-contained HTML: no scripts, no network.
 */
public final class PatrolSheet {
  private static final int W = 680;
  private static final int H = 420;

  private PatrolSheet() {}

  /**
   * @param villages village name → outline in CGCS2000 lon/lat, for the map
   * @param start the route's start {lon, lat}
   */
  public static void write(Path target, String job, String township, LocalDate runDate, List<Task> tasks,
      Map<String, Geometry> villages, double[] start, double totalKm, Map<String, String> labels) {
    List<Task> ordered = tasks.stream().sorted(Comparator.comparingInt(Task::townshipSeq)).toList();
    Envelope env = new Envelope(start[0], start[0], start[1], start[1]);
    villages.values().forEach(g -> env.expandToInclude(g.getEnvelopeInternal()));
    ordered.forEach(t -> env.expandToInclude(t.lon(), t.lat()));
    env.expandBy(env.getWidth() * 0.03 + 1e-4, env.getHeight() * 0.03 + 1e-4);
    double kx = Math.cos(Math.toRadians(env.centre().y));
    double scale = Math.min(W / (env.getWidth() * kx), H / env.getHeight());
    StringBuilder svg = new StringBuilder();
    svg.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%dpx\" height=\"%dpx\" role=\"img\" aria-label=\"%s sketch map\">",
        W, H, W, H, esc(township)));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\" stroke=\"#333\"/>");
    for (var e : villages.entrySet()) {
      for (int i = 0; i < e.getValue().getNumGeometries(); i++) {
        if (e.getValue().getGeometryN(i) instanceof Polygon p) {
          svg.append("<polygon points=\"").append(points(p.getExteriorRing().getCoordinates(), env, kx, scale))
              .append("\" fill=\"#f4f7ee\" stroke=\"#7a8a5a\" stroke-width=\"1\"/>");
        }
      }
      Coordinate c = e.getValue().getInteriorPoint().getCoordinate();
      double[] xy = xy(c.x, c.y, env, kx, scale);
      svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\" fill=\"#5a6a3a\" text-anchor=\"middle\">%s</text>",
          xy[0], xy[1], esc(e.getKey())));
    }
    StringBuilder route = new StringBuilder();
    double[] s = xy(start[0], start[1], env, kx, scale);
    route.append(String.format(Locale.ROOT, "%.1f,%.1f", s[0], s[1]));
    for (Task t : ordered) {
      double[] p = xy(t.lon(), t.lat(), env, kx, scale);
      route.append(String.format(Locale.ROOT, " %.1f,%.1f", p[0], p[1]));
    }
    svg.append("<polyline points=\"").append(route).append("\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>");
    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"#1f5fa8\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">起点</text>",
        s[0] - 5, s[1] - 5, s[0] + 8, s[1] - 6));
    for (Task t : ordered) {
      double[] p = xy(t.lon(), t.lat(), env, kx, scale);
      String color = t.priority() == Priority.P1 ? "#c0392b" : t.priority() == Priority.P2 ? "#e67e22" : "#7f8c8d";
      svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\" fill=\"%s\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#fff\" text-anchor=\"middle\" font-weight=\"bold\">%d</text>",
          p[0], p[1], color, p[0], p[1] + 3.5, t.townshipSeq()));
    }
    svg.append("</svg>");

    List<String> cols = List.of("township_seq", "task_id", "village", "inspector", "phone",
        "priority", "due_on", "unapproved_mu", "farmland_mu", "basic_farmland_mu", "gcj02_lon", "gcj02_lat");
    StringBuilder rows = new StringBuilder();
    for (Task t : ordered) {
      Map<String, Object> v = new java.util.HashMap<>();
      List<Object> values = TaskColumns.values(t);
      List<String> names = TaskColumns.names();
      for (int i = 0; i < names.size(); i++) {
        v.put(names.get(i), values.get(i));
      }
      rows.append("<tr class=\"").append(esc(String.valueOf(t.priority()))).append("\">");
      for (String c : cols) {
        Object x = v.get(c);
        String text = x instanceof Double d ? (c.startsWith("gcj") ? Numbers.plain(d, 6) : Numbers.plain(d, 2)) : TaskColumns.text(x);
        rows.append("<td>").append(esc(text)).append("</td>");
      }
      rows.append("<td class=\"sign\"></td></tr>\n");
    }
    StringBuilder head = new StringBuilder();
    for (String c : cols) {
      head.append("<th>").append(esc(labels.getOrDefault(c, c))).append("</th>");
    }
    head.append("<th>核查结果/签字</th>");
    String html = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <title>%1$s 卫片图斑巡查单</title>
        <style>
        @page { size: A4 portrait; margin: 12mm; }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #111; margin: 0; }
        h1 { font-size: 15pt; margin: 0 0 2mm; }
        .meta { margin: 0 0 3mm; font-size: 9pt; }
        .map svg { width: 100%%; height: auto; max-height: 110mm; }
        table { border-collapse: collapse; width: 100%%; margin-top: 3mm; font-size: 7.5pt; }
        th, td { border: 0.3mm solid #444; padding: 0.6mm 0.8mm; text-align: left; }
        td { white-space: nowrap; }
        th { background: #e8e8e8; }
        thead { display: table-header-group; }
        tr { page-break-inside: avoid; }
        tr.P1 td:first-child { border-left: 1.5mm solid #c0392b; }
        tr.P2 td:first-child { border-left: 1.5mm solid #e67e22; }
        td.sign { width: 22mm; }
        .legend span { margin-right: 4mm; }
        </style></head>
        <body>
        <h1>%1$s 卫片图斑巡查单</h1>
        <p class="meta">任务 %2$s · 生成日期 %3$s · 共 %4$d 个任务 · 路线全长 %5$s km · 坐标：经纬度为 CGCS2000，GCJ-02 供手机地图导航</p>
        <div class="map">%6$s</div>
        <p class="legend"><span style="color:#c0392b">● P1 基本农田/生态红线</span><span style="color:#e67e22">● P2 耕地</span><span style="color:#7f8c8d">● P3 其他</span><span>虚线：巡查路线，数字：巡查顺序</span></p>
        <table><thead><tr>%7$s</tr></thead><tbody>
        %8$s</tbody></table>
        </body></html>
        """.formatted(esc(township), esc(job), runDate, ordered.size(), Numbers.plain(totalKm, 2), svg, head, rows);
    AtomicFile.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
  }

  private static String points(Coordinate[] cs, Envelope env, double kx, double scale) {
    StringBuilder b = new StringBuilder();
    for (Coordinate c : cs) {
      double[] p = xy(c.x, c.y, env, kx, scale);
      b.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
    }
    return b.toString().trim();
  }

  private static double[] xy(double lon, double lat, Envelope env, double kx, double scale) {
    return new double[] {(lon - env.getMinX()) * kx * scale, H - (lat - env.getMinY()) * scale};
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
