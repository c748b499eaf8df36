package io.landwatch.config;

import java.util.List;

/**
 * Judgment thresholds (job key {@code rules:}). Defaults follow domain.md; each is documented in
 * docs/CONFIG.md.
 *
 * @param toleranceM2 unapproved area at or below which a patch counts as approved
 * @param referralBasicFarmlandMu basic farmland occupied at or above which a case is referred
 * @param referralOtherFarmlandMu other farmland occupied at or above which a case is referred
 * @param accountabilityRatio suspected ÷ all farmland occupied at or above which a township is flagged
 * @param approvalKinds the approval kinds that cover land; empty means all kinds
 */
public record Rules(
    double toleranceM2,
    double referralBasicFarmlandMu,
    double referralOtherFarmlandMu,
    double accountabilityRatio,
    List<String> approvalKinds) {

  public static Rules defaults() {
    return new Rules(1.0, 5, 10, 0.15, List.of());
  }
}
