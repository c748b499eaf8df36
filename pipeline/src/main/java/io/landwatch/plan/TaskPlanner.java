package io.landwatch.plan;

import io.landwatch.geo.Reprojector;
import io.landwatch.model.Village;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.locationtech.jts.algorithm.InteriorPointArea;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.operation.overlayng.OverlayNGRobust;

/**
 * Orders the patrol tasks into routes: one per village starting at the village office (or, when
 * the villages layer has none, a point inside the village), and separately one per township
 * starting inside the township.
 */
public final class TaskPlanner {
  /** Name of the group of tasks outside every village. */
  public static final String OUTSIDE = "(outside villages)";

  private TaskPlanner() {}

  /** One patrol route. */
  public record RouteSummary(String township, String village, int stops, double totalKm, double[] start) {}

  /** Tasks with their route positions, sorted by township, village and route, and the routes. */
  public record Plan(List<Task> tasks, List<RouteSummary> villageRoutes, List<RouteSummary> townshipRoutes) {}

  public static Plan plan(List<Task> tasks, List<Village> villages, Reprojector toLonLat) {
    GeometryFactory gf = new GeometryFactory();
    Map<String, Village> byName = new LinkedHashMap<>();
    Map<String, List<Geometry>> townshipGeoms = new TreeMap<>();
    for (Village v : villages) {
      byName.putIfAbsent(v.township() + "/" + v.village(), v);
      townshipGeoms.computeIfAbsent(v.township(), k -> new ArrayList<>()).add(v.geometry());
    }
    Map<String, List<Task>> byVillage = new TreeMap<>();
    Map<String, List<Task>> byTownship = new TreeMap<>();
    for (Task t : tasks) {
      String town = t.township() == null ? OUTSIDE : t.township();
      byVillage.computeIfAbsent(town + "/" + (t.village() == null ? OUTSIDE : t.village()), k -> new ArrayList<>()).add(t);
      byTownship.computeIfAbsent(town, k -> new ArrayList<>()).add(t);
    }
    Map<String, Task> planned = new LinkedHashMap<>();
    List<RouteSummary> villageRoutes = new ArrayList<>();
    for (var e : byVillage.entrySet()) {
      List<Task> ts = sorted(e.getValue());
      Village v = byName.get(e.getKey());
      double[] start = v == null ? centre(ts)
          : v.office() != null ? v.office() : lonLat(InteriorPointArea.getInteriorPoint(v.geometry()), gf, toLonLat);
      RoutePlanner.Route r = RoutePlanner.plan(start, points(ts));
      for (int k = 0; k < r.order().size(); k++) {
        Task t = ts.get(r.order().get(k));
        planned.put(t.taskId(), t.withVillageRoute(k + 1, r.legKm()[k]));
      }
      villageRoutes.add(new RouteSummary(ts.get(0).township(), ts.get(0).village(), ts.size(), r.totalKm(), start));
    }
    List<RouteSummary> townshipRoutes = new ArrayList<>();
    for (var e : byTownship.entrySet()) {
      List<Task> ts = sorted(e.getValue());
      List<Geometry> parts = townshipGeoms.get(e.getKey());
      double[] start = parts == null ? centre(ts)
          : lonLat(InteriorPointArea.getInteriorPoint(OverlayNGRobust.union(parts)), gf, toLonLat);
      RoutePlanner.Route r = RoutePlanner.plan(start, points(ts));
      for (int k = 0; k < r.order().size(); k++) {
        Task t = ts.get(r.order().get(k));
        planned.put(t.taskId(), planned.get(t.taskId()).withTownshipRoute(k + 1, r.legKm()[k]));
      }
      townshipRoutes.add(new RouteSummary(ts.get(0).township(), null, ts.size(), r.totalKm(), start));
    }
    List<Task> out = new ArrayList<>(planned.values());
    out.sort(Comparator.comparing((Task t) -> t.township() == null ? "\uffff" : t.township())
        .thenComparing(t -> t.village() == null ? "\uffff" : t.village())
        .thenComparingInt(Task::routeSeq));
    return new Plan(out, villageRoutes, townshipRoutes);
  }

  /** Stops in a stable order (by task id), so equal inputs give equal routes. */
  private static List<Task> sorted(List<Task> ts) {
    List<Task> s = new ArrayList<>(ts);
    s.sort(Comparator.comparing(Task::taskId));
    return s;
  }

  private static List<double[]> points(List<Task> ts) {
    return ts.stream().map(t -> new double[] {t.lon(), t.lat()}).toList();
  }

  private static double[] centre(List<Task> ts) {
    double x = 0;
    double y = 0;
    for (Task t : ts) {
      x += t.lon();
      y += t.lat();
    }
    return new double[] {x / ts.size(), y / ts.size()};
  }

  private static double[] lonLat(Coordinate working, GeometryFactory gf, Reprojector toLonLat) {
    Coordinate c = toLonLat.apply(gf.createPoint(working)).getCoordinate();
    return new double[] {c.x, c.y};
  }
}
