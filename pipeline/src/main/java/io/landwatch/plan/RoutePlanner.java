package io.landwatch.plan;

import io.landwatch.geo.EllipsoidalArea;
import java.util.ArrayList;
import java.util.List;

/**
 * Orders patrol stops into a route that starts at an office: nearest neighbour, then 2-opt
 * until no reversal shortens it. Distances are geodesic on the CGCS2000 ellipsoid. The route
 * is an open path (the patrol does not have to come back), and never longer than the
 * nearest-neighbour tour, since 2-opt only accepts improvements.
 */
public final class RoutePlanner {
  private RoutePlanner() {}

  /** A route: stop indexes in visiting order, each leg's length in km, and the total. */
  public record Route(List<Integer> order, double[] legKm, double totalKm) {}

  /**
   * @param start {lon, lat} of the office
   * @param stops {lon, lat} of each stop
   */
  public static Route plan(double[] start, List<double[]> stops) {
    int n = stops.size();
    double[][] d = new double[n + 1][n + 1];
    List<double[]> all = new ArrayList<>();
    all.add(start);
    all.addAll(stops);
    for (int i = 0; i <= n; i++) {
      for (int j = i + 1; j <= n; j++) {
        d[i][j] = d[j][i] = km(all.get(i), all.get(j));
      }
    }
    int[] path = nearestNeighbour(d, n);
    twoOpt(path, d);
    List<Integer> order = new ArrayList<>(n);
    double[] legs = new double[n];
    double total = 0;
    for (int k = 1; k <= n; k++) {
      order.add(path[k] - 1);
      legs[k - 1] = d[path[k - 1]][path[k]];
      total += legs[k - 1];
    }
    return new Route(order, legs, total);
  }

  /** Length of the nearest-neighbour route alone, for comparison. */
  public static double nearestNeighbourKm(double[] start, List<double[]> stops) {
    List<double[]> all = new ArrayList<>();
    all.add(start);
    all.addAll(stops);
    int n = stops.size();
    double[][] d = new double[n + 1][n + 1];
    for (int i = 0; i <= n; i++) {
      for (int j = i + 1; j <= n; j++) {
        d[i][j] = d[j][i] = km(all.get(i), all.get(j));
      }
    }
    return length(nearestNeighbour(d, n), d);
  }

  static int[] nearestNeighbour(double[][] d, int n) {
    int[] path = new int[n + 1];
    boolean[] used = new boolean[n + 1];
    used[0] = true;
    for (int k = 1; k <= n; k++) {
      int from = path[k - 1];
      int best = -1;
      for (int j = 1; j <= n; j++) {
        if (!used[j] && (best < 0 || d[from][j] < d[from][best])) {
          best = j;
        }
      }
      path[k] = best;
      used[best] = true;
    }
    return path;
  }

  /** 2-opt on an open path with a fixed start: reverse path[i..j] while that shortens it. */
  static void twoOpt(int[] path, double[][] d) {
    int n = path.length - 1;
    boolean improved = true;
    while (improved) {
      improved = false;
      for (int i = 1; i < n; i++) {
        for (int j = i + 1; j <= n; j++) {
          double before = d[path[i - 1]][path[i]] + (j < n ? d[path[j]][path[j + 1]] : 0);
          double after = d[path[i - 1]][path[j]] + (j < n ? d[path[i]][path[j + 1]] : 0);
          if (after < before - 1e-12) {
            for (int a = i, b = j; a < b; a++, b--) {
              int t = path[a];
              path[a] = path[b];
              path[b] = t;
            }
            improved = true;
          }
        }
      }
    }
  }

  static double length(int[] path, double[][] d) {
    double s = 0;
    for (int k = 1; k < path.length; k++) {
      s += d[path[k - 1]][path[k]];
    }
    return s;
  }

  /** Geodesic distance in km between two {lon, lat}. */
  public static double km(double[] a, double[] b) {
    return EllipsoidalArea.CGCS2000.Inverse(a[1], a[0], b[1], b[0]).s12 / 1000.0;
  }
}
