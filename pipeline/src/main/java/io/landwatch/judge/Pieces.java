package io.landwatch.judge;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.operation.overlayng.CoverageUnion;
import org.locationtech.jts.operation.relateng.RelateNG;
import org.locationtech.jts.operation.relateng.RelatePredicate;

/**
 * A layer near one patch as pieces with disjoint interiors whose union is the layer's union.
 * Measuring a set this way needs no big union: the area of X ∩ ⋃layer is the sum over pieces,
 * and a piece that X covers needs no overlay at all.
 *
 * <p>Parcels that do not touch any other stay single pieces. Touching or overlapping parcels are
 * grouped; a group that is a clean coverage (shared edges, no overlaps, as survey parcels are)
 * is merged cheaply with {@link CoverageUnion}; one with overlaps (duplicated parcels) gets a
 * full robust union. Touching is tested with {@link RelateNG}: the older relate throws "side
 * location conflict" on parcels that coincide up to reprojection noise.
 */
final class Pieces {
  private Pieces() {}

  static List<Geometry> of(List<Geometry> geoms, RobustOverlay overlay) {
    int n = geoms.size();
    if (n <= 1) {
      return geoms;
    }
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    // pairs whose envelopes meet, by a sweep over the envelopes sorted by their west edge
    Envelope[] env = new Envelope[n];
    Integer[] byWest = new Integer[n];
    for (int i = 0; i < n; i++) {
      env[i] = geoms.get(i).getEnvelopeInternal();
      byWest[i] = i;
    }
    java.util.Arrays.sort(byWest, (a, b) -> Double.compare(env[a].getMinX(), env[b].getMinX()));
    boolean grouped = false;
    for (int k = 0; k < n; k++) {
      int i = byWest[k];
      for (int m = k + 1; m < n && env[byWest[m]].getMinX() <= env[i].getMaxX(); m++) {
        int j = byWest[m];
        if (env[i].intersects(env[j]) && find(parent, i) != find(parent, j)
            && RelateNG.relate(geoms.get(i), geoms.get(j), RelatePredicate.intersects())) {
          parent[find(parent, j)] = find(parent, i);
          grouped = true;
        }
      }
    }
    if (!grouped) {
      return geoms;
    }
    Map<Integer, List<Geometry>> groups = new LinkedHashMap<>();
    for (int i = 0; i < n; i++) {
      groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(geoms.get(i));
    }
    List<Geometry> out = new ArrayList<>(groups.size());
    for (List<Geometry> g : groups.values()) {
      out.add(g.size() == 1 ? g.get(0) : merge(g, overlay));
    }
    return out;
  }

  /** CoverageUnion when the group is a coverage (its area is the sum of the parts'), else a full union. */
  private static Geometry merge(List<Geometry> group, RobustOverlay overlay) {
    double sum = 0;
    for (Geometry g : group) {
      sum += g.getArea();
    }
    try {
      Geometry u = CoverageUnion.union(group.get(0).getFactory().buildGeometry(group));
      if (u.isValid() && Math.abs(u.getArea() - sum) <= 1e-9 * sum) {
        return overlay.polygonal(u);
      }
    } catch (RuntimeException notACoverage) {
      // overlapping parts: fall through to the full union
    }
    return overlay.union(group);
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }
}
