package io.landwatch.store;

import io.landwatch.judge.PatchResult;
import java.time.LocalDate;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Judges outlines measured in the field against the job's layers, exactly as patches are judged
 * (the job package provides it: the store knows no layers).
 */
@FunctionalInterface
public interface OutlineJudge {
  /**
   * An outline to judge.
   *
   * @param caseId the case it measures
   * @param lonLat the polygon, CGCS2000 lon/lat
   * @param seenOn approvals valid on this day count (the day the case was seen)
   */
  record Outline(String caseId, Geometry lonLat, LocalDate seenOn) {}

  /** The judgment of an outline, or why it cannot be judged (no area, unrepairable). */
  record Judged(PatchResult result, String problem) {}

  /** One judgment per outline, in order. */
  List<Judged> judge(List<Outline> outlines);
}
