package io.landwatch.write;

import io.landwatch.model.Priority;
import io.landwatch.plan.Task;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * The patrol sheet's sketch map as inline SVG: villages, the route, the tasks numbered in route
 * order, a scale bar and a north arrow. Markers that would cover each other (two tasks on one
 * spot, as a case's task and its follow-up) are moved apart on a ring with a leader line to their
 * true place; village names that would collide with a name already placed are left out.
 */
final class SheetMap {
  static final int W = 680;
  static final int H = 420;
  /** Markers closer than this (px) are moved apart. */
  static final double MIN_GAP = 17;

  private SheetMap() {}

  static String draw(String township, List<Task> ordered, Map<String, Geometry> villages, double[] start) {
    Envelope env = new Envelope(start[0], start[0], start[1], start[1]);
    villages.values().forEach(g -> env.expandToInclude(g.getEnvelopeInternal()));
    ordered.forEach(t -> env.expandToInclude(t.lon(), t.lat()));
    env.expandBy(env.getWidth() * 0.04 + 1e-4, env.getHeight() * 0.04 + 1e-4);
    double kx = Math.cos(Math.toRadians(env.centre().y));
    double scale = Math.min(W / (env.getWidth() * kx), (H - 30) / env.getHeight());
    Plane pl = new Plane(env, kx, scale);
    StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\""
        + " viewBox=\"0 0 %d %d\" width=\"%dpx\" height=\"%dpx\" role=\"img\" aria-label=\"%s sketch map\">", W, H, W, H,
        PatrolSheet.esc(township)));
    svg.append("<rect width=\"100%\" height=\"100%\" fill=\"#fff\" stroke=\"#333\"/>");
    List<double[]> labels = new ArrayList<>();
    for (var e : villages.entrySet()) {
      for (int i = 0; i < e.getValue().getNumGeometries(); i++) {
        if (e.getValue().getGeometryN(i) instanceof Polygon p) {
          svg.append("<polygon points=\"").append(points(p.getExteriorRing().getCoordinates(), pl))
              .append("\" fill=\"#f4f7ee\" stroke=\"#7a8a5a\" stroke-width=\"1\"/>");
        }
      }
    }
    for (var e : villages.entrySet()) {
      Coordinate c = e.getValue().getInteriorPoint().getCoordinate();
      double[] xy = pl.xy(c.x, c.y);
      double w = e.getKey().length() * 11.5;
      double[] box = {xy[0] - w / 2, xy[1] - 10, xy[0] + w / 2, xy[1] + 3};
      if (labels.stream().noneMatch(o -> o[0] < box[2] && box[0] < o[2] && o[1] < box[3] && box[1] < o[3])) {
        labels.add(box);
        svg.append(String.format(Locale.ROOT, "<text class=\"village\" x=\"%.1f\" y=\"%.1f\" font-size=\"11\""
            + " fill=\"#5a6a3a\" text-anchor=\"middle\">%s</text>", xy[0], xy[1], PatrolSheet.esc(e.getKey())));
      }
    }
    double[] s = pl.xy(start[0], start[1]);
    StringBuilder route = new StringBuilder(String.format(Locale.ROOT, "%.1f,%.1f", s[0], s[1]));
    List<double[]> truePlaces = new ArrayList<>();
    for (Task t : ordered) {
      double[] p = pl.xy(t.lon(), t.lat());
      truePlaces.add(p);
      route.append(String.format(Locale.ROOT, " %.1f,%.1f", p[0], p[1]));
    }
    svg.append("<polyline points=\"").append(route)
        .append("\" fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"1.2\" stroke-dasharray=\"4 3\"/>");
    svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"10\" height=\"10\" fill=\"#1f5fa8\"/>"
        + "<text x=\"%.1f\" y=\"%.1f\" font-size=\"11\">起点</text>", s[0] - 5, s[1] - 5, s[0] + 8, s[1] - 6));
    List<double[]> placed = spread(truePlaces);
    for (int i = 0; i < ordered.size(); i++) {
      Task t = ordered.get(i);
      double[] p = placed.get(i);
      double[] q = truePlaces.get(i);
      if (p[0] != q[0] || p[1] != q[1]) {
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#555\""
            + " stroke-width=\"0.8\"/>", q[0], q[1], p[0], p[1]));
      }
      String color = t.priority() == Priority.P1 ? "#c0392b" : t.priority() == Priority.P2 ? "#e67e22" : "#7f8c8d";
      svg.append(String.format(Locale.ROOT, "<g class=\"marker\"><circle cx=\"%.1f\" cy=\"%.1f\" r=\"8\" fill=\"%s\""
          + " stroke=\"#fff\" stroke-width=\"0.8\"/><text x=\"%.1f\" y=\"%.1f\" font-size=\"10\" fill=\"#fff\""
          + " text-anchor=\"middle\" font-weight=\"bold\">%d</text></g>", p[0], p[1], color, p[0], p[1] + 3.5,
          t.townshipSeq()));
    }
    svg.append(SvgMarks.scaleBar(111_320 / scale, W / 5.0, 12, H - 12)).append(SvgMarks.northArrow(W - 22, 15));
    return svg.append("</svg>").toString();
  }

  /** Marker places: each at its point unless that is within {@link #MIN_GAP} of one already placed. */
  static List<double[]> spread(List<double[]> points) {
    List<double[]> out = new ArrayList<>();
    for (double[] p : points) {
      double[] at = p;
      for (int k = 0; k < 48 && collides(at, out); k++) {
        double angle = k * 2.39996; // golden angle: successive tries do not line up
        double r = MIN_GAP * (1 + k / 8.0);
        at = new double[] {clamp(p[0] + r * Math.cos(angle), 9, W - 9), clamp(p[1] + r * Math.sin(angle), 9, H - 9)};
      }
      out.add(at);
    }
    return out;
  }

  private static boolean collides(double[] p, List<double[]> placed) {
    for (double[] o : placed) {
      if (Math.hypot(o[0] - p[0], o[1] - p[1]) < MIN_GAP) {
        return true;
      }
    }
    return false;
  }

  private static double clamp(double v, double lo, double hi) {
    return Math.max(lo, Math.min(hi, v));
  }

  private record Plane(Envelope env, double kx, double scale) {
    double[] xy(double lon, double lat) {
      return new double[] {(lon - env.getMinX()) * kx * scale, H - 30 - (lat - env.getMinY()) * scale};
    }
  }

  private static String points(Coordinate[] cs, Plane pl) {
    StringBuilder b = new StringBuilder();
    for (Coordinate c : cs) {
      double[] p = pl.xy(c.x, c.y);
      b.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
    }
    return b.toString().trim();
  }
}
