package io.landwatch.write;

import io.landwatch.plan.Task;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * A printable patrol sheet (巡查单) for one township: a sketch map of the township's villages with
 * the tasks numbered in route order ({@link SheetMap}), then a section per village in route order
 * with its tasks: change type and monitored area of the patch, priority, due date, areas, and a
 * link that opens the GCJ-02 point in a phone's map app. Each printed page has a sign-off line and
 * its number. Self-contained HTML: no scripts, no network until the inspector taps a link.
 */
public final class PatrolSheet {
  private PatrolSheet() {}

  /**
   * @param villages village name → outline in CGCS2000 lon/lat, for the map
   * @param start the route's start {lon, lat}
   * @param patches patch id → {change type, monitored area} as the patch layer gives them (this run's patches)
   */
  public static void write(Path target, String job, String township, LocalDate runDate, List<Task> tasks,
      Map<String, Geometry> villages, double[] start, double totalKm, Map<String, String> labels,
      Map<String, String[]> patches) {
    List<Task> ordered = tasks.stream().sorted(Comparator.comparingInt(Task::townshipSeq)).toList();
    String svg = SheetMap.draw(township, ordered, villages, start);
    Map<String, List<Task>> byVillage = new LinkedHashMap<>();
    for (Task t : ordered) {
      byVillage.computeIfAbsent(t.village() == null ? "（村界外）" : t.village(), k -> new ArrayList<>()).add(t);
    }
    List<String> cols = List.of("township_seq", "task_id", "change_type", "monitored_area", "priority", "due_on",
        "unapproved_mu", "farmland_mu", "basic_farmland_mu", "navigate");
    Map<String, String> names = new java.util.HashMap<>(labels);
    names.put("change_type", "变化类型");
    names.put("monitored_area", "监测面积");
    names.put("navigate", "导航（GCJ-02）");
    StringBuilder head = new StringBuilder();
    for (String c : cols) {
      head.append("<th>").append(esc(names.getOrDefault(c, c))).append("</th>");
    }
    head.append("<th>核查结果/签字</th>");
    StringBuilder sections = new StringBuilder();
    for (var e : byVillage.entrySet()) {
      Task first = e.getValue().get(0);
      sections.append("<section class=\"village\"><h2>").append(esc(e.getKey())).append(" <small>")
          .append(e.getValue().size()).append(" 个任务 · ").append(esc(labels.getOrDefault("inspector", "网格员"))).append(" ").append(esc(first.inspector() == null ? "—" : first.inspector()))
          .append(first.phone() == null ? "" : " " + esc(first.phone())).append("</small></h2><table><thead><tr>")
          .append(head).append("</tr></thead><tbody>");
      for (Task t : e.getValue()) {
        sections.append(row(t, patches.getOrDefault(t.patchId(), new String[2]), cols.stream()
            .map(c -> names.getOrDefault(c, c)).toList()));
      }
      sections.append("</tbody></table></section>\n");
    }
    String html = """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>%1$s 卫片图斑巡查单</title>
        <style>
        @page { size: A4 portrait; margin: 12mm 12mm 18mm;
          @bottom-left { content: "巡查人签字：__________  审核：__________  日期：______"; font-size: 8.5pt; }
          @bottom-right { content: "第 " counter(page) " 页 / 共 " counter(pages) " 页"; font-size: 8.5pt; } }
        body { font-family: "Noto Sans CJK SC", "Noto Sans SC", "WenQuanYi Zen Hei", "Microsoft YaHei", sans-serif; font-size: 10pt; color: #111; margin: 0 auto; max-width: 190mm; padding: 0 2mm; }
        h1 { font-size: 15pt; margin: 0 0 2mm; } h2 { font-size: 11.5pt; margin: 4mm 0 1mm; break-after: avoid; }
        h2 small { font-weight: normal; color: #444; font-size: 9pt; }
        .meta { margin: 0 0 3mm; font-size: 9pt; }
        .map svg { width: 100%%; height: auto; max-height: 110mm; }
        table { border-collapse: collapse; width: 100%%; font-size: 7.5pt; }
        th, td { border: 0.3mm solid #444; padding: 0.6mm 0.8mm; text-align: left; }
        th { background: #e8e8e8; } thead { display: table-header-group; } tr { break-inside: avoid; }
        tr.P1 td:first-child { border-left: 1.5mm solid #c0392b; } tr.P2 td:first-child { border-left: 1.5mm solid #e67e22; }
        td.sign { width: 20mm; } a.nav { color: #1f5fa8; }
        .legend span { margin-right: 4mm; }
        @media screen and (max-width: 600px) { body { font-size: 12pt; } table { font-size: 11pt; }
          table, tbody, tr, td { display: block; width: auto; } thead { display: none; }
          tr { border: 0.4mm solid #444; margin: 0 0 3mm; padding: 1mm; } td { border: none; padding: 0.5mm 1mm; }
          td::before { content: attr(data-label) "："; color: #555; } td.sign { display: none; } }
        </style></head>
        <body>
        <h1>%1$s 卫片图斑巡查单</h1>
        <p class="meta">任务 %2$s · 生成日期 %3$s · 共 %4$d 个任务 · 路线全长 %5$s km · 坐标：经纬度为 CGCS2000，导航链接用 GCJ-02（高德地图）</p>
        <div class="map">%6$s</div>
        <p class="legend"><span style="color:#c0392b">● P1 基本农田/生态红线</span><span style="color:#e67e22">● P2 耕地</span><span style="color:#7f8c8d">● P3 其他</span><span>虚线：巡查路线，数字：巡查顺序</span></p>
        %7$s
        </body></html>
        """.formatted(esc(township), esc(job), runDate, ordered.size(), Numbers.plain(totalKm, 2), svg, sections);
    AtomicFile.write(target, out -> out.write(html.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * One task's row; {@code patch} = {change type, monitored area} or nulls; each cell carries its
   * header, which a phone shows beside the value (one card per task).
   */
  private static String row(Task t, String[] patch, List<String> headers) {
    StringBuilder r = new StringBuilder("<tr class=\"").append(esc(String.valueOf(t.priority()))).append("\">");
    List<String> cells = List.of(Integer.toString(t.townshipSeq()), t.taskId(), patch[0] == null ? "—" : patch[0],
        patch[1] == null ? "—" : patch[1], t.priority() == null ? "" : t.priority().name(), String.valueOf(t.dueOn()),
        Numbers.plain(t.unapprovedMu(), 2), Numbers.plain(t.farmlandMu(), 2), Numbers.plain(t.basicFarmlandMu(), 2));
    for (int i = 0; i < cells.size(); i++) {
      r.append("<td data-label=\"").append(esc(headers.get(i))).append("\">").append(esc(cells.get(i))).append("</td>");
    }
    String lon = Numbers.plain(t.gcj02Lon(), 7);
    String lat = Numbers.plain(t.gcj02Lat(), 7);
    r.append("<td data-label=\"").append(esc(headers.get(cells.size()))).append("\"><a class=\"nav\" href=\"https://uri.amap.com/marker?position=").append(lon).append(',').append(lat)
        .append("&amp;name=").append(esc(t.taskId())).append("&amp;coordinate=gaode&amp;callnative=1\">").append(lon)
        .append(", ").append(lat).append("</a></td><td class=\"sign\"></td></tr>\n");
    return r.toString();
  }

  static String esc(String s) {
    if (s == null) {
      return "";
    }
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }
}
