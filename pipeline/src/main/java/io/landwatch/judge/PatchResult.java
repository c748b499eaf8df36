package io.landwatch.judge;

import io.landwatch.model.Patch;
import io.landwatch.model.Priority;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * The judgment of one patch. Areas are ellipsoidal m², unrounded (writers round to 0.01 m²).
 *
 * @param patch the patch judged
 * @param verdict approved or suspected illegal
 * @param areaM2 |P|
 * @param approvedM2 |P| − |U|
 * @param unapprovedM2 |U|, U = P − ⋃ valid approvals
 * @param farmlandM2 |U ∩ ⋃farmland|
 * @param basicFarmlandM2 |U ∩ ⋃basic farmland|
 * @param otherFarmlandM2 |U ∩ ⋃farmland − ⋃basic farmland|
 * @param ecologicalM2 |U ∩ ⋃red line|
 * @param patchFarmlandM2 |P ∩ ⋃farmland|: farmland occupied, approved or not (accountability ratio)
 * @param township township of the village overlapping P most, or null
 * @param village that village, or null
 * @param inspector its grid inspector, or null
 * @param phone the inspector's phone, or null
 * @param priority P1/P2/P3 for suspected patches, null for approved
 * @param referral criminal-referral candidate (移送)
 * @param approvals ids of the valid approvals intersecting P, sorted
 * @param unapproved U, in the working CRS
 */
public record PatchResult(
    Patch patch,
    Verdict verdict,
    double areaM2,
    double approvedM2,
    double unapprovedM2,
    double farmlandM2,
    double basicFarmlandM2,
    double otherFarmlandM2,
    double ecologicalM2,
    double patchFarmlandM2,
    String township,
    String village,
    String inspector,
    String phone,
    Priority priority,
    boolean referral,
    List<String> approvals,
    Geometry unapproved) implements java.io.Serializable {

  public boolean suspected() {
    return verdict == Verdict.SUSPECTED_ILLEGAL;
  }
}
