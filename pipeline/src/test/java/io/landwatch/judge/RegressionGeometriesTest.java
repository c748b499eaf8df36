package io.landwatch.judge;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.config.Rules;
import io.landwatch.geo.Gdal;
import io.landwatch.model.Approval;
import io.landwatch.testing.Fixtures;
import io.landwatch.testing.Geoms;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/** Geometries that once broke the judgment, committed as WKT files named after what broke. */
class RegressionGeometriesTest {
  @BeforeAll
  static void gdal() {
    Gdal.init();
  }

  private static List<Geometry> load(String name) throws Exception {
    List<Geometry> out = new ArrayList<>();
    for (String line : Fixtures.text("/regression/" + name).split("\n")) {
      if (!line.isBlank() && !line.startsWith("#")) {
        out.add(Geoms.wkt(line.trim()));
      }
    }
    return out;
  }

  @Test
  void differenceWithClippedApprovalWentInvalid() throws Exception {
    List<Geometry> g = load("difference-with-clipped-approval-went-invalid.wkt");
    Geometry p = g.get(0);
    Approval a = JudgeFixture.approval("A", g.get(1));
    List<Geometry> farmland = g.subList(2, 5);
    PatchResult r = JudgeFixture.judge(JudgeFixture.patch("P", p), List.of(a), farmland, List.of(), List.of(), List.of());
    assertTrue(r.unapproved().isValid(), r.unapproved().toText());
    // The unapproved part lies east of the approval's edge x = 38431191.00885369: only the third
    // parcel reaches there. Expected area from the exact planar piece, measured the same way.
    double cut = 38431191.00885369;
    Geometry east = Geoms.rect(cut, 3959800, 200, 200);
    Geometry expectedU = p.intersection(east);
    Geometry expectedFarm = expectedU.intersection(farmland.get(2));
    PatchJudge judge = new PatchJudge(Rules.defaults(), JudgeFixture.TO_LONLAT);
    assertEquals(judge.area(expectedU), r.unapprovedM2(), 1e-3);
    assertEquals(judge.area(expectedFarm), r.farmlandM2(), 1e-3);
    assertTrue(r.unapproved().getEnvelopeInternal().getMinX() >= cut - 1e-6, "U stays east of the approval");
    assertTrue(r.unapproved() instanceof Polygon);
  }
}
