package io.landwatch.write;

import io.landwatch.config.Rules;
import io.landwatch.geo.Units;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.Priority;
import io.landwatch.plan.TaskPlanner;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * summary.json: counts and areas by verdict, priority and township, referrals, the
 * accountability ratio (监察部等令第15号: suspected farmland ÷ farmland occupied by all change
 * patches) per township and county, and the repair and quarantine tables.
 */
public final class SummaryWriter {
  private SummaryWriter() {}

  public static Map<String, Object> build(String job, List<PatchResult> results, Rules rules,
      long outsideVillages, Map<String, Map<String, Long>> repairs, Map<String, Map<String, Long>> quarantine,
      List<String> warnings) {
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("job", job);
    s.put("patches_judged", results.size());
    Map<String, Object> byVerdict = new LinkedHashMap<>();
    for (String v : List.of("approved", "suspected_illegal")) {
      byVerdict.put(v, totals(results.stream().filter(r -> r.verdict().label().equals(v)).toList()));
    }
    s.put("by_verdict", byVerdict);
    Map<String, Object> byPriority = new LinkedHashMap<>();
    for (Priority p : Priority.values()) {
      byPriority.put(p.name(), totals(results.stream().filter(r -> p == r.priority()).toList()));
    }
    s.put("by_priority", byPriority);
    s.put("referrals", results.stream().filter(PatchResult::referral).count());
    s.put("outside_villages", outsideVillages);

    Map<String, List<PatchResult>> byTownship = new TreeMap<>();
    for (PatchResult r : results) {
      byTownship.computeIfAbsent(r.township() == null ? TaskPlanner.OUTSIDE : r.township(),
          k -> new java.util.ArrayList<>()).add(r);
    }
    Map<String, Object> townships = new LinkedHashMap<>();
    byTownship.forEach((t, rs) -> {
      Map<String, Object> m = totals(rs);
      m.put("suspected", rs.stream().filter(PatchResult::suspected).count());
      m.put("referrals", rs.stream().filter(PatchResult::referral).count());
      m.put("accountability", accountability(rs, rules));
      townships.put(t, m);
    });
    s.put("by_township", townships);
    Map<String, Object> acc = new LinkedHashMap<>();
    acc.put("threshold", rules.accountabilityRatio());
    acc.put("county", accountability(results, rules));
    List<String> flagged = new java.util.ArrayList<>();
    byTownship.forEach((t, rs) -> {
      if (Boolean.TRUE.equals(accountability(rs, rules).get("flagged"))) {
        flagged.add(t);
      }
    });
    acc.put("flagged_townships", flagged);
    s.put("accountability", acc);
    s.put("repairs", repairs);
    s.put("quarantine", quarantine);
    s.put("warnings", warnings);
    return s;
  }

  public static void write(Path target, Map<String, Object> summary) {
    JsonFiles.write(target, summary);
  }

  private static Map<String, Object> totals(List<PatchResult> rs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("count", rs.size());
    double area = rs.stream().mapToDouble(PatchResult::areaM2).sum();
    double unapproved = rs.stream().mapToDouble(PatchResult::unapprovedM2).sum();
    double farmland = rs.stream().mapToDouble(PatchResult::farmlandM2).sum();
    double basic = rs.stream().mapToDouble(PatchResult::basicFarmlandM2).sum();
    double eco = rs.stream().mapToDouble(PatchResult::ecologicalM2).sum();
    m.put("area_m2", dec(area, 2));
    m.put("area_mu", dec(Units.mu(area), 4));
    m.put("area_ha", dec(Units.hectares(area), 4));
    m.put("unapproved_m2", dec(unapproved, 2));
    m.put("unapproved_mu", dec(Units.mu(unapproved), 4));
    m.put("unapproved_ha", dec(Units.hectares(unapproved), 4));
    m.put("farmland_m2", dec(farmland, 2));
    m.put("basic_farmland_m2", dec(basic, 2));
    m.put("ecological_m2", dec(eco, 2));
    return m;
  }

  /** Suspected farmland ÷ farmland occupied by all patches, and whether it reaches the threshold. */
  static Map<String, Object> accountability(List<PatchResult> rs, Rules rules) {
    double suspectedFarm = rs.stream().filter(PatchResult::suspected).mapToDouble(PatchResult::farmlandM2).sum();
    double occupied = rs.stream().mapToDouble(PatchResult::patchFarmlandM2).sum();
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("suspected_farmland_m2", dec(suspectedFarm, 2));
    m.put("occupied_farmland_m2", dec(occupied, 2));
    Double ratio = occupied > 0 ? suspectedFarm / occupied : null;
    m.put("ratio", ratio == null ? null : dec(ratio, 4));
    m.put("flagged", ratio != null && ratio >= rules.accountabilityRatio());
    return m;
  }

  private static BigDecimal dec(double v, int scale) {
    return new BigDecimal(Numbers.plain(v, scale));
  }
}
