package io.landwatch.config;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Judgment thresholds (job key {@code rules:}). Defaults follow domain.md; each is documented in
 * docs/CONFIG.md.
 *
 * @param toleranceM2 unapproved area at or below which a patch counts as approved
 * @param referralBasicFarmlandMu basic farmland occupied at or above which a case is referred
 * @param referralOtherFarmlandMu other farmland occupied at or above which a case is referred
 * @param accountabilityRatio suspected ÷ all farmland occupied at or above which a township is flagged
 * @param approvalKinds the approval kinds that cover land; empty means all kinds
 * @param dueDays days a patrol task of each priority has before it is overdue
 * @param earliestDate the earliest plausible patch or approval date: a date before it is a typo
 *     (18990101) and is quarantined, never judged
 * @param resultTypes field-check result types → what they mean for the task: illegal, legal (the
 *     task closes) or other (checked, stays open)
 * @param photoMaxDistanceM a photo taken farther than this from its case is flagged
 * @param requirePhotoToClose a check that closes a task needs a photo (in its row or before)
 * @param cases legal deadlines, escalation and routing of cases
 */
public record Rules(
    double toleranceM2,
    double referralBasicFarmlandMu,
    double referralOtherFarmlandMu,
    double accountabilityRatio,
    List<String> approvalKinds,
    Map<String, Integer> dueDays,
    LocalDate earliestDate,
    Map<String, String> resultTypes,
    double photoMaxDistanceM,
    boolean requirePhotoToClose,
    CaseRules cases) implements java.io.Serializable {

  public static final Map<String, Integer> DEFAULT_DUE_DAYS = Map.of("P1", 1, "P2", 3, "P3", 7);

  /**
   * The result types of field checks (举证 practice): the patch is illegal; legal (approved);
   * facility agriculture (设施农用地), a rural road (农村道路) or a false change (伪变化), which need
   * no enforcement; or other.
   */
  public static final Map<String, String> DEFAULT_RESULT_TYPES = Map.of("illegal", "illegal", "legal", "legal",
      "facility_agriculture", "legal", "rural_road", "legal", "false_change", "legal", "other", "other");

  /** Landsat 1's launch: no satellite change patch can be older. */
  public static final LocalDate DEFAULT_EARLIEST_DATE = LocalDate.of(1972, 7, 23);

  /** Rules with the default due days and earliest date. */
  public Rules(double toleranceM2, double referralBasicFarmlandMu, double referralOtherFarmlandMu,
      double accountabilityRatio, List<String> approvalKinds) {
    this(toleranceM2, referralBasicFarmlandMu, referralOtherFarmlandMu, accountabilityRatio,
        approvalKinds, DEFAULT_DUE_DAYS, DEFAULT_EARLIEST_DATE, DEFAULT_RESULT_TYPES, 50, false, CaseRules.DEFAULTS);
  }

  public static Rules defaults() {
    return new Rules(1.0, 5, 10, 0.15, List.of());
  }

  /** Due days for a priority, named P1, P2 or P3 (P3's when unknown). */
  public int dueDaysFor(String priority) {
    return dueDays.getOrDefault(priority, dueDays.getOrDefault("P3", 7));
  }

  /** Whether an approval of this kind covers land (rules.approval_kinds; empty means every kind). */
  public boolean approvalCounts(String kind) {
    return approvalKinds.isEmpty() || kind != null && approvalKinds.contains(kind);
  }
}
