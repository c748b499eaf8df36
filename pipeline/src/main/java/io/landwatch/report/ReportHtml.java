package io.landwatch.report;

import io.landwatch.geo.Units;
import io.landwatch.model.Channel;
import io.landwatch.model.Village;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The period report as one self-contained HTML page (inline CSS and SVG, no network): summary,
 * overview map, channels, townships with the §七 ratio, villages, trend, referral list. Chinese
 * labels; printed to A4 PDF by {@link PdfPrinter}.
 */
public final class ReportHtml {
  private ReportHtml() {}

  public static String render(ReportData d, List<Village> villages) {
    ReportData.Counts t = d.total();
    StringBuilder b = new StringBuilder(Html.head(d.county() + " 土地执法报告 " + d.period().chinese(), ""));
    b.append("<h1>").append(Html.esc(d.county())).append(" 卫片执法与土地执法情况报告</h1>");
    b.append("<p class=\"meta\">").append(d.period().chinese()).append("（").append(d.period().from()).append(" 至 ")
        .append(d.period().to()).append("）· 统计截至 ").append(d.asOf()).append(" · landwatch 自案件库生成</p>");
    b.append("<h2>一、总体情况</h2>");
    b.append("<p id=\"summary\">合计：本期新增案件 ").append(t.opened()).append(" 件，面积 ")
        .append(Html.num(openedMu(d))).append(" 亩；确认违法 ").append(t.confirmed()).append(" 件，违法面积 ")
        .append(Html.num(t.confirmedMu())).append(" 亩。</p>");
    b.append(Html.table("totals", List.of("项目", "数量"), List.of(
        row("本期新增案件（件）", Integer.toString(t.opened())),
        row("已核实（件）", Integer.toString(t.verified())),
        row("确认违法（件）", Integer.toString(t.confirmed())),
        row("确认违法面积（亩）", Html.num(t.confirmedMu())),
        row("其中耕地（亩）", Html.num(t.farmlandMu())),
        row("其中永久基本农田（亩）", Html.num(t.basicFarmlandMu())),
        row("已制止（件）", Integer.toString(t.stopped())),
        row("已拆除（件）", Integer.toString(t.demolished())),
        row("已复耕（件）", Integer.toString(t.restored())),
        row("移送（次）/ 反馈结果（次）", t.referred() + " / " + t.referralOutcomes()),
        row("结案（件）", Integer.toString(t.closed())),
        row("逾期未办结任务（件）", Integer.toString(t.overdue())),
        row("问责比例（确认违法占用耕地 ÷ 卫片图斑占用耕地）", ratioCell(t.ratio(), d.ratioLine())))));
    b.append("<h2>二、分布图</h2>").append(MapSvg.draw(villages, d.cases()));
    b.append("<h2>三、按线索来源</h2>");
    List<String> channelHead = new ArrayList<>(List.of("区域"));
    for (Channel c : Channel.values()) {
      channelHead.add(c.label());
    }
    channelHead.add("合计");
    List<List<String>> channels = new ArrayList<>();
    d.townships().forEach((name, c) -> channels.add(channelRow(name, c)));
    channels.add(channelRow("全县合计", t));
    b.append(Html.table("channels", channelHead, channels));
    b.append("<h2 class=\"page\">四、分乡镇情况</h2>");
    List<List<String>> towns = new ArrayList<>();
    d.townships().forEach((name, c) -> towns.add(areaRow(name, c, d.ratioLine())));
    towns.add(areaRow("全县合计", t, d.ratioLine()));
    b.append(Html.table("areas", AREA_HEAD, towns));
    b.append("<p class=\"meta\">问责比例按 §七：本期卫片图斑占用耕地中，至期末确认违法的比例；达到 ")
        .append(Html.pct(d.ratioLine())).append(" 标红。</p>");
    b.append("<h2>五、分村情况</h2>");
    for (Map.Entry<String, Map<String, ReportData.Counts>> e : d.villages().entrySet()) {
      b.append("<h3>").append(Html.esc(e.getKey())).append("</h3>");
      List<List<String>> rows = new ArrayList<>();
      e.getValue().forEach((v, c) -> rows.add(areaRow(v, c, d.ratioLine()).subList(0, AREA_HEAD.size() - 1)));
      b.append(Html.table("areas", AREA_HEAD.subList(0, AREA_HEAD.size() - 1), rows));
    }
    b.append("<h2 class=\"page\">六、近期趋势</h2>").append(ChartSvg.trend(d.trend()));
    b.append("<h2>七、移送清单</h2><p class=\"meta\">刑事移送线：永久基本农田 5 亩、其他耕地 10 亩（法释〔2000〕14号）。</p>");
    List<List<String>> refs = new ArrayList<>();
    for (ReportData.ReferralLine r : d.referrals()) {
      refs.add(List.of(Html.esc(r.caseId()), Html.esc(r.township()), Html.esc(r.village()),
          "<span class=\"n\">" + Html.num(r.farmlandMu()) + "</span>", Html.num(r.basicFarmlandMu()),
          r.candidate() ? "是" : "否", Html.esc(r.stage()), Html.esc(r.referrals().isEmpty() ? "未移送"
              : String.join("；", r.referrals()))));
    }
    b.append(Html.table("referrals", List.of("案件编号", "乡镇", "村", "耕地（亩）", "基本农田（亩）", "达移送线", "办理阶段",
        "移送与反馈"), refs));
    return b.append("</body></html>").toString();
  }

  static final List<String> AREA_HEAD = List.of("区域", "新增", "核实", "确认违法", "违法面积（亩）", "耕地（亩）", "基本农田（亩）",
      "制止", "拆除", "复耕", "移送/反馈", "逾期", "问责比例");

  private static List<String> areaRow(String name, ReportData.Counts c, double ratioLine) {
    return List.of(Html.esc(name), n(c.opened()), n(c.verified()), n(c.confirmed()), Html.num(c.confirmedMu()),
        Html.num(c.farmlandMu()), Html.num(c.basicFarmlandMu()), n(c.stopped()), n(c.demolished()), n(c.restored()),
        c.referred() + "/" + c.referralOutcomes(), n(c.overdue()), ratioCell(c.ratio(), ratioLine));
  }

  private static List<String> channelRow(String name, ReportData.Counts c) {
    List<String> row = new ArrayList<>(List.of(Html.esc(name)));
    for (Channel ch : Channel.values()) {
      row.add(n(c.byChannel().get(ch)));
    }
    row.add(n(c.opened()));
    return row;
  }

  private static String ratioCell(Double ratio, double line) {
    String pct = Html.pct(ratio);
    return ratio != null && ratio >= line ? "<span class=\"flag\">" + pct + " ≥ " + Html.pct(line) + "</span>" : pct;
  }

  private static List<String> row(String label, String value) {
    return List.of(Html.esc(label), value);
  }

  private static String n(Integer v) {
    return Integer.toString(v == null ? 0 : v);
  }

  /** The area of the cases opened in the period, 亩 (what the ledger lists for them). */
  private static double openedMu(ReportData d) {
    return Units.mu(d.total().openedAreaM2());
  }
}
