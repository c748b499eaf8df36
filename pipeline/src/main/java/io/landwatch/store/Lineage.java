package io.landwatch.store;

import io.landwatch.geo.Units;
import io.landwatch.judge.PatchResult;
import java.util.HashSet;
import java.util.Set;

/** Which patch ids belong to which case (table case_patches): written once per pair, so re-runs add nothing. */
final class Lineage {
  private final CaseStore store;
  private final String runId;
  private final Set<String> known = new HashSet<>();

  Lineage(CaseStore store, String runId) {
    this.store = store;
    this.runId = runId;
    store.casePatches().forEach(r -> known.add(r[0] + "|" + r[1]));
  }

  /** Records that the patch belongs to the case, unless that is already recorded. */
  void record(String caseId, PatchResult r, String role) {
    if (known.add(caseId + "|" + r.patch().id())) {
      store.insertCasePatch(caseId, r.patch().id(), role, r.patch().afterDate(), Units.round2(r.areaM2()), runId);
    }
  }
}
