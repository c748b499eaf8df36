package io.landwatch.write;

import io.landwatch.geo.Units;
import io.landwatch.judge.PatchResult;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The output properties of a judged patch, in their documented order. GeoJSON and CSV both
 * write exactly this list, so the two never drift apart.
 */
public final class PatchProperties {
  /** Property names in output order (docs/OUTPUTS.md). */
  public static final List<String> NAMES = List.of("patch_id", "verdict", "area_m2", "approved_m2",
      "unapproved_m2", "farmland_m2", "basic_farmland_m2", "other_farmland_m2", "ecological_m2",
      "area_mu", "unapproved_mu", "farmland_mu", "basic_farmland_mu", "patch_farmland_m2",
      "township", "village", "priority", "referral", "approvals", "before_date", "after_date");

  private PatchProperties() {}

  /** The source attributes present in any of the results, in order of first appearance. */
  public static Set<String> sourceFields(List<PatchResult> results) {
    Set<String> fields = new LinkedHashSet<>();
    results.forEach(r -> fields.addAll(r.patch().source().keySet()));
    return fields;
  }

  /** The columns of a patch table: {@link #NAMES}, then each source attribute as {@code source.NAME}. */
  public static List<String> columns(Set<String> sourceFields) {
    List<String> columns = new ArrayList<>(NAMES);
    sourceFields.forEach(f -> columns.add("source." + f));
    return columns;
  }

  /**
   * name → value: String, Boolean, List of String, or a {@link Decimal} (already rounded text)
   * or null.
   */
  public static Map<String, Object> of(PatchResult r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("patch_id", r.patch().id());
    m.put("verdict", r.verdict().label());
    m.put("area_m2", m2(r.areaM2()));
    m.put("approved_m2", m2(r.approvedM2()));
    m.put("unapproved_m2", m2(r.unapprovedM2()));
    m.put("farmland_m2", m2(r.farmlandM2()));
    m.put("basic_farmland_m2", m2(r.basicFarmlandM2()));
    m.put("other_farmland_m2", m2(r.otherFarmlandM2()));
    m.put("ecological_m2", m2(r.ecologicalM2()));
    m.put("area_mu", mu(r.areaM2()));
    m.put("unapproved_mu", mu(r.unapprovedM2()));
    m.put("farmland_mu", mu(r.farmlandM2()));
    m.put("basic_farmland_mu", mu(r.basicFarmlandM2()));
    m.put("patch_farmland_m2", m2(r.patchFarmlandM2()));
    m.put("township", r.township());
    m.put("village", r.village());
    m.put("priority", r.priority() == null ? null : r.priority().name());
    m.put("referral", r.referral());
    m.put("approvals", new ArrayList<>(r.approvals()));
    m.put("before_date", iso(r.patch().beforeDate()));
    m.put("after_date", iso(r.patch().afterDate()));
    return m;
  }

  /** A number already rounded for output, kept as its decimal text. */
  public record Decimal(String text) {}

  private static Decimal m2(double v) {
    return new Decimal(Numbers.plain(v, 2));
  }

  private static Decimal mu(double m2) {
    return new Decimal(Numbers.plain(Units.mu(m2), 4));
  }

  private static String iso(LocalDate d) {
    return d == null ? null : d.toString();
  }
}
