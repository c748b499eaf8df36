package io.landwatch.judge;

import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import io.landwatch.model.Village;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Everything one patch is judged against: the candidates whose envelope or geometry touches it.
 * Both engines (single machine and Spark) assemble this and call {@link PatchJudge#judge}.
 *
 * @param patch the patch
 * @param approvals candidate approvals (any date; validity is decided by the judge)
 * @param farmland candidate farmland parcels (耕地)
 * @param basicFarmland candidate permanent basic farmland parcels (永久基本农田)
 * @param ecological candidate ecological red-line polygons (生态保护红线)
 * @param villages candidate villages
 */
public record PatchInputs(Patch patch, List<Approval> approvals, List<Geometry> farmland,
    List<Geometry> basicFarmland, List<Geometry> ecological, List<Village> villages) implements java.io.Serializable {}
