package io.landwatch.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Which villages of the grid no patrol has covered in the last N days (the §三 patrol duty). */
public final class PatrolCoverage {
  /**
   * A village without a patrol in the window.
   *
   * @param lastPatrol the day it was last patrolled, or null for never
   */
  public record Gap(String township, String village, String inspector, LocalDate lastPatrol) {}

  /** A village of the grid: its township, name and inspector. */
  public record Village(String township, String village, String inspector) {
    String key() {
      return township + "/" + village;
    }
  }

  private PatrolCoverage() {}

  /**
   * The villages with no patrol on the {@code days} days ending with {@code asOf} (both included),
   * in township and village order.
   */
  public static List<Gap> gaps(List<Village> grid, List<PatrolRow> patrols, LocalDate asOf, int days) {
    LocalDate first = asOf.minusDays(days - 1L);
    Map<String, LocalDate> last = new HashMap<>();
    for (PatrolRow p : patrols) {
      if (p.patrolledOn().isAfter(asOf)) {
        continue;
      }
      for (String v : p.villages()) {
        last.merge(v, p.patrolledOn(), (a, b) -> a.isAfter(b) ? a : b);
      }
    }
    List<Gap> out = new ArrayList<>();
    for (Village v : grid) {
      LocalDate seen = last.get(v.key());
      if (seen == null || seen.isBefore(first)) {
        out.add(new Gap(v.township(), v.village(), v.inspector(), seen));
      }
    }
    out.sort(java.util.Comparator.comparing(Gap::township).thenComparing(Gap::village));
    return out;
  }
}
