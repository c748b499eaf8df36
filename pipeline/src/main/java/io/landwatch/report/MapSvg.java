package io.landwatch.report;

import io.landwatch.model.Village;
import io.landwatch.write.SvgMarks;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * The overview map as inline SVG: villages and townships (outlines dissolved per township), the
 * cases as dots by priority (hollow when closed), village names that do not collide, a scale bar
 * and a north arrow. Lon/lat are drawn in a local equirectangular plane, true to scale at the
 * map's middle latitude (a county spans a few tens of km).
 */
final class MapSvg {
  static final Map<String, String> COLOURS = Map.of("P1", "#c62828", "P2", "#ef6c00", "P3", "#607d8b");
  private static final double W = 700;
  private static final double H = 520;

  private MapSvg() {}

  static String draw(List<Village> villages, List<ReportData.MapCase> cases) {
    Envelope env = new Envelope();
    villages.forEach(v -> env.expandToInclude(v.geometry().getEnvelopeInternal()));
    cases.forEach(c -> env.expandToInclude(c.lon(), c.lat()));
    if (env.isNull()) {
      return "<p class=\"meta\">No villages and no cases to map.</p>";
    }
    env.expandBy(env.getWidth() * 0.03 + 1e-4, env.getHeight() * 0.03 + 1e-4);
    double kx = Math.cos(Math.toRadians(env.centre().y));
    double scale = Math.min((W - 20) / (env.getWidth() * kx), (H - 60) / env.getHeight());
    Projection pr = new Projection(env.getMinX(), env.getMaxY(), kx, scale);
    StringBuilder b = new StringBuilder(String.format(Locale.ROOT,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" height=\"%.0f\""
            + " font-family='%s'>", W, H, W, H, Html.FONTS.replace('"', '\'')));
    b.append("<rect width=\"100%\" height=\"100%\" fill=\"#fbfbf7\"/>");
    Map<String, List<Geometry>> towns = new TreeMap<>();
    for (Village v : villages) {
      b.append(path(v.geometry(), pr, "fill=\"#eef3e8\" stroke=\"#9aa58c\" stroke-width=\"0.6\""));
      towns.computeIfAbsent(v.township(), k -> new ArrayList<>()).add(v.geometry());
    }
    towns.values().forEach(g -> b.append(path(OverlayNGRobust.union(g), pr,
        "fill=\"none\" stroke=\"#444\" stroke-width=\"1.6\"")));
    List<double[]> placed = new ArrayList<>();
    for (Village v : villages) {
      Coordinate c = InteriorPointArea.getInteriorPoint(v.geometry());
      double[] xy = pr.xy(c.x, c.y);
      double w = v.village().length() * 9.5;
      double[] box = {xy[0] - w / 2, xy[1] - 8, xy[0] + w / 2, xy[1] + 3};
      if (placed.stream().noneMatch(o -> o[0] < box[2] && box[0] < o[2] && o[1] < box[3] && box[1] < o[3])) {
        placed.add(box);
        b.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"9.5\" fill=\"#5b6650\""
            + " text-anchor=\"middle\">%s</text>", xy[0], xy[1], Html.esc(v.village())));
      }
    }
    for (ReportData.MapCase c : cases) {
      double[] xy = pr.xy(c.lon(), c.lat());
      String colour = COLOURS.getOrDefault(c.priority(), "#607d8b");
      b.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.2\" %s><title>%s %s %s</title></circle>",
          xy[0], xy[1], c.closed() ? "fill=\"#fff\" stroke=\"" + colour + "\" stroke-width=\"1.4\""
              : "fill=\"" + colour + "\" stroke=\"#fff\" stroke-width=\"0.5\"", Html.esc(c.caseId()), c.priority(),
          Html.esc(c.stage())));
    }
    b.append(legend()).append(SvgMarks.scaleBar(111_320 / pr.scale(), W / 5, W - 30 - W / 5, H - 22))
        .append(SvgMarks.northArrow(W - 35, 14));
    return b.append("</svg>").toString();
  }

  private record Projection(double lon0, double lat0, double kx, double scale) {
    double[] xy(double lon, double lat) {
      return new double[] {10 + (lon - lon0) * kx * scale, 10 + (lat0 - lat) * scale};
    }
  }

  private static String path(Geometry g, Projection pr, String style) {
    StringBuilder d = new StringBuilder();
    for (int i = 0; i < g.getNumGeometries(); i++) {
      if (!(g.getGeometryN(i) instanceof Polygon p)) {
        continue;
      }
      ring(d, p.getExteriorRing().getCoordinates(), pr);
      for (int h = 0; h < p.getNumInteriorRing(); h++) {
        ring(d, p.getInteriorRingN(h).getCoordinates(), pr);
      }
    }
    return "<path d=\"" + d + "\" fill-rule=\"evenodd\" " + style + "/>";
  }

  private static void ring(StringBuilder d, Coordinate[] cs, Projection pr) {
    for (int k = 0; k < cs.length; k++) {
      double[] xy = pr.xy(cs[k].x, cs[k].y);
      d.append(k == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f", xy[0], xy[1]));
    }
    d.append('Z');
  }

  private static String legend() {
    StringBuilder b = new StringBuilder("<g font-size=\"10\">");
    String[][] items = {{"P1", "P1 基本农田/生态红线"}, {"P2", "P2 耕地"}, {"P3", "P3 其他"}};
    for (int i = 0; i < items.length; i++) {
      double y = H - 40 + i * 13;
      b.append(String.format(Locale.ROOT, "<circle cx=\"20\" cy=\"%.0f\" r=\"3.5\" fill=\"%s\"/><text x=\"28\" y=\"%.0f\">%s</text>",
          y, COLOURS.get(items[i][0]), y + 3.5, items[i][1]));
    }
    return b.append(String.format(Locale.ROOT, "<circle cx=\"150\" cy=\"%.0f\" r=\"3.5\" fill=\"#fff\" stroke=\"#c62828\"/>"
        + "<text x=\"158\" y=\"%.0f\">已结案</text></g>", H - 40.0, H - 36.5)).toString();
  }
}
