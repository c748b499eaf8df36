package io.landwatch.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoutePlannerTest {
  static final double[] OFFICE = {113.30, 35.75};

  private static double[] at(double dLonKm, double dLatKm) {
    return new double[] {OFFICE[0] + dLonKm / 90.3, OFFICE[1] + dLatKm / 111.0};
  }

  /** The shortest open path from the office through all stops, by trying every order. */
  private static double bruteForce(double[] start, List<double[]> stops) {
    int n = stops.size();
    int[] perm = new int[n];
    for (int i = 0; i < n; i++) {
      perm[i] = i;
    }
    double best = Double.MAX_VALUE;
    do {
      double s = RoutePlanner.km(start, stops.get(perm[0]));
      for (int i = 1; i < n; i++) {
        s += RoutePlanner.km(stops.get(perm[i - 1]), stops.get(perm[i]));
      }
      best = Math.min(best, s);
    } while (nextPermutation(perm));
    return best;
  }

  private static boolean nextPermutation(int[] a) {
    int i = a.length - 2;
    while (i >= 0 && a[i] >= a[i + 1]) {
      i--;
    }
    if (i < 0) {
      return false;
    }
    int j = a.length - 1;
    while (a[j] <= a[i]) {
      j--;
    }
    int t = a[i];
    a[i] = a[j];
    a[j] = t;
    for (int l = i + 1, r = a.length - 1; l < r; l++, r--) {
      t = a[l];
      a[l] = a[r];
      a[r] = t;
    }
    return true;
  }

  @Test
  void stopsOnALineAreVisitedInOrder() {
    List<double[]> stops = List.of(at(3, 0), at(1, 0), at(4, 0), at(2, 0));
    RoutePlanner.Route r = RoutePlanner.plan(OFFICE, stops);
    assertEquals(List.of(1, 3, 0, 2), r.order());
    // a parallel is not a geodesic: the legs add up to the direct distance within a micrometre
    assertEquals(RoutePlanner.km(OFFICE, at(4, 0)), r.totalKm(), 1e-6);
    assertEquals(RoutePlanner.km(OFFICE, at(1, 0)), r.legKm()[0], 1e-9);
  }

  @Test
  void twoOptRepairsTheNearestNeighbourTrap() {
    // Nearest neighbour goes to the close stop on the left first, then has to cross back; the
    // optimum sweeps right first... or not: brute force says which, and 2-opt must find it.
    List<double[]> stops = List.of(at(-1, 0), at(1.2, 0), at(2.4, 0.2), at(3.6, 0), at(-4.5, 0));
    RoutePlanner.Route r = RoutePlanner.plan(OFFICE, stops);
    assertEquals(bruteForce(OFFICE, stops), r.totalKm(), 1e-9);
    assertTrue(r.totalKm() < RoutePlanner.nearestNeighbourKm(OFFICE, stops) - 0.1);
  }

  @Test
  void optimalOnSmallCasesWithAKnownOptimum() {
    // Stops on a circle around... a point on the circle: the optimum walks round it.
    List<double[]> ring = new ArrayList<>();
    for (int k = 1; k < 8; k++) {
      double a = 2 * Math.PI * k / 8;
      ring.add(at(2 * Math.sin(a), 2 - 2 * Math.cos(a)));
    }
    assertEquals(bruteForce(OFFICE, ring), RoutePlanner.plan(OFFICE, ring).totalKm(), 1e-9);
    // A 2 × 3 grid starting at a corner: the optimum is a snake of 5 legs of 1 km.
    List<double[]> grid = List.of(at(1, 0), at(2, 0), at(0, 1), at(1, 1), at(2, 1));
    RoutePlanner.Route g = RoutePlanner.plan(OFFICE, grid);
    assertEquals(bruteForce(OFFICE, grid), g.totalKm(), 1e-9);
    assertEquals(5.0, g.totalKm(), 0.02);
  }

  @Test
  void neverLongerThanNearestNeighbourAndCloseToOptimal() {
    SplittableRandom rnd = new SplittableRandom(7);
    for (int trial = 0; trial < 60; trial++) {
      int n = 2 + rnd.nextInt(7);
      List<double[]> stops = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        stops.add(at(rnd.nextDouble() * 10 - 5, rnd.nextDouble() * 10 - 5));
      }
      RoutePlanner.Route r = RoutePlanner.plan(OFFICE, stops);
      assertTrue(r.totalKm() <= RoutePlanner.nearestNeighbourKm(OFFICE, stops) + 1e-9);
      assertTrue(r.totalKm() >= bruteForce(OFFICE, stops) - 1e-9);
      assertEquals(n, r.order().stream().distinct().count());
      double sum = 0;
      for (double leg : r.legKm()) {
        sum += leg;
      }
      assertEquals(r.totalKm(), sum, 1e-9);
    }
  }
}
