package io.landwatch.job;

import io.landwatch.config.JobConfig;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchJudge;
import io.landwatch.judge.PatchResult;
import io.landwatch.judge.PointJudge;
import io.landwatch.model.Patch;
import io.landwatch.overlay.BigLayerReader;
import io.landwatch.overlay.PatchIndex;
import io.landwatch.prepare.GeometryPreparer;
import io.landwatch.prepare.RepairReport;
import io.landwatch.store.OutlineJudge;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Puntal;

/**
 * Judges shapes that do not come from the patch layer (a lead's polygon or point, an outline
 * measured in the field) against the job's layers, with the same code as a run: the approvals and
 * villages read whole, the big layers streamed past these shapes only, a polygon judged by
 * {@link PatchJudge}, a point by {@link PointJudge}. The working CRS is the run's.
 */
public final class SiteJudge {
  /**
   * A shape to judge.
   *
   * @param id names it in results and messages (lead id, case id)
   * @param lonLat a point or a polygon, CGCS2000 lon/lat
   * @param seenOn the day it was seen: approvals valid on that day count
   */
  public record Site(String id, Geometry lonLat, LocalDate seenOn) {
    boolean point() {
      return lonLat instanceof Puntal;
    }
  }

  /**
   * The judgment of one site: {@code area} for a polygon, {@code point} for a point, or
   * {@code problem} when the polygon cannot be used (it has no area, or cannot be repaired).
   */
  public record Judged(Site site, PatchResult area, PointJudge.Facts point, String problem) {}

  private final JobConfig job;
  private final Crs working;

  private SiteJudge(JobConfig job, Crs working) {
    this.job = job;
    this.working = working;
  }

  /** A judge for the job's layers, in the CRS its runs use. */
  public static SiteJudge of(JobConfig job) {
    return new SiteJudge(job, PatchLayerChecks.workingCrs(job.patches()));
  }

  /**
   * The judge of outlines measured in the field, for feedback imports: the job's layers are read
   * only when a file brings an outline.
   */
  public static OutlineJudge outlines(JobConfig job, LocalDate today) {
    return outlines -> of(job).judge(outlines.stream().map(o -> new Site(o.caseId(), o.lonLat(), o.seenOn())).toList(),
        today).stream().map(j -> new OutlineJudge.Judged(j.area(), j.problem())).toList();
  }

  /** Reprojects from CGCS2000 lon/lat to the working CRS, to compare shapes in metres. */
  public Reprojector toWorking() {
    return Reprojector.between(Crs.epsg(Crs.CGCS2000), working);
  }

  /** Working CRS → CGCS2000 lon/lat, the case store's. */
  public Reprojector toLonLat() {
    return Reprojector.between(working, Crs.epsg(Crs.CGCS2000));
  }

  /** Judges every site, in order; one pass over each big layer for all of them. */
  public List<Judged> judge(List<Site> sites, LocalDate today) {
    if (sites.isEmpty()) {
      return List.of();
    }
    RunState run = new RunState(job, today, null);
    Reprojector toWorking = toWorking();
    GeometryPreparer preparer = new GeometryPreparer();
    RepairReport repairs = new RepairReport();
    GeometryFactory gf = new GeometryFactory();
    List<Patch> shapes = new ArrayList<>();
    List<Integer> indexOf = new ArrayList<>();
    String[] problems = new String[sites.size()];
    for (int i = 0; i < sites.size(); i++) {
      Site s = sites.get(i);
      Geometry g = toWorking.apply(s.lonLat());
      if (s.point()) {
        // a 1 m cell brings the parcels around the point through the same envelope stream
        Envelope cell = g.getEnvelopeInternal();
        cell.expandBy(0.5);
        g = gf.toGeometry(cell);
      } else {
        var prepared = preparer.fromJts(g, "site", repairs);
        if (prepared instanceof GeometryPreparer.Rejected r) {
          problems[i] = r.reason();
          indexOf.add(-1);
          continue;
        }
        g = ((GeometryPreparer.Prepared) prepared).geometry();
      }
      indexOf.add(shapes.size());
      shapes.add(new Patch(s.id(), i + 1L, g, s.seenOn(), null, Map.of()));
    }
    SmallLayers small = SmallLayers.withoutPatches(run, working);
    PatchIndex index = new PatchIndex(shapes);
    OverlayRequest request = new OverlayRequest(run, index, small, working, toLonLat());
    BigLayers big = BigLayers.stream(request, BigLayerReader.streaming(job.progressSeconds(), job.cache()));
    PatchJudge patchJudge = new PatchJudge(job.rules(), toLonLat());
    List<Judged> out = new ArrayList<>();
    for (int i = 0; i < sites.size(); i++) {
      Site s = sites.get(i);
      int k = indexOf.get(i);
      if (k < 0) {
        out.add(new Judged(s, null, null, problems[i]));
      } else if (s.point()) {
        Point p = (Point) toWorking.apply(s.lonLat());
        out.add(new Judged(s, null, PointJudge.judge(p, s.seenOn(), big.inputs(request, k), job.rules()),
            null));
      } else {
        try {
          out.add(new Judged(s, patchJudge.judge(big.inputs(request, k)), null, null));
        } catch (PatchJudge.JudgeFailure e) {
          out.add(new Judged(s, null, null, e.getMessage()));
        }
      }
    }
    return out;
  }
}
