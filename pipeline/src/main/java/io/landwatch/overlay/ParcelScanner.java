package io.landwatch.overlay;

import io.landwatch.config.LayerSpec;
import io.landwatch.geo.CoordinateBounds;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.prepare.GeometryPreparer;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.RepairReport;
import io.landwatch.read.CheckedLayer;
import io.landwatch.read.LayerSource;
import io.landwatch.read.UnreadableGeometry;
import io.landwatch.util.ProgressLog;
import java.util.List;
import org.gdal.ogr.Feature;
import org.gdal.ogr.Geometry;
import org.gdal.ogr.ogr;

/**
 * Streams a big layer (farmland, basic farmland, red line) past the patch index. Per record it
 * asks OGR for the envelope only; a record becomes a JTS geometry (reprojected, repaired) only
 * when its envelope touches a patch envelope, and is kept only when it really intersects a
 * patch. Attributes are never decoded unless a where: filter needs them.
 */
public final class ParcelScanner {
  private final PatchIndex patches;
  private final Crs working;
  private final Quarantine quarantine;
  private final RepairReport repairs;
  private final int progressSeconds;

  public ParcelScanner(PatchIndex patches, Crs working, Quarantine quarantine, RepairReport repairs,
      int progressSeconds) {
    this.patches = patches;
    this.working = working;
    this.quarantine = quarantine;
    this.repairs = repairs;
    this.progressSeconds = progressSeconds;
  }

  /** Streams one layer; a layer the job does not have (null) gives no hits. */
  public ParcelHits scan(LayerSpec spec, int patchCount) {
    if (spec == null) {
      return ParcelHits.none(patchCount);
    }
    ParcelHits hits = new ParcelHits(patches.size());
    try (LayerSource src = LayerSource.open(spec)) {
      CheckedLayer checked = CheckedLayer.of(src, spec);
      Crs crs = checked.crs();
      CoordinateBounds bounds = checked.bounds();
      if (spec.where() == null && spec.geometry() == null) {
        src.keepOnlyFields(List.of());
      }
      Reprojector toWorking = Reprojector.between(crs, working);
      double margin = envelopeMargin(crs);
      PatchEnvelopes index = patches.envelopesIn(Reprojector.between(working, crs), margin);
      GeometryPreparer preparer = new GeometryPreparer();
      ProgressLog progress = new ProgressLog(spec.name(), src.featureCount(), progressSeconds);
      long[] candidates = {0};
      progress.note(() -> String.format(java.util.Locale.ROOT, "%,d envelope candidates, %,d hits",
          candidates[0], hits.hits()));
      double[] env = new double[4];
      List<Integer> near = new java.util.ArrayList<>();
      // A layer declared polygonal holds only polygons or nothing: the per-record type test (one
      // JNI call each, millions of times) is needed only for mixed layers and tables.
      boolean declaredPolygonal = spec.geometry() == null && polygonalType(src.geometryType());
      src.forEach(f -> {
        progress.step();
        Geometry g;
        try {
          g = spec.geometry() == null ? f.GetGeometryRef() : src.geometryOf(f);
        } catch (UnreadableGeometry e) {
          quarantine.add(spec.name(), f.GetFID(), "", "unreadable_geometry", e.getMessage());
          return;
        }
        if (g == null) {
          String why = src.unreadableGeometry(f);
          if (why != null) {
            quarantine.add(spec.name(), f.GetFID(), "", "unreadable_geometry", why);
            return;
          }
        }
        if (g == null || !declaredPolygonal && (g.IsEmpty() || !polygonal(g))) {
          rejectCheap(spec, f, g, preparer, toWorking);
          return;
        }
        g.GetEnvelope(env);
        if (env[0] == 0 && env[1] == 0 && env[2] == 0 && env[3] == 0 && g.IsEmpty()) {
          rejectCheap(spec, f, g, preparer, toWorking);
          return;
        }
        if (!bounds.contains(env)) {
          quarantine.add(spec.name(), f.GetFID(), "", "invalid_coordinate", bounds.outside(env));
          return;
        }
        index.query(env, near);
        if (near.isEmpty()) {
          return;
        }
        candidates[0]++;
        var result = preparer.prepare(spec.geometry() == null ? g.Clone() : g, toWorking, spec.name(), repairs);
        if (result instanceof GeometryPreparer.Rejected r) {
          quarantine.add(spec.name(), f.GetFID(), "", r.category(), r.reason());
          return;
        }
        org.locationtech.jts.geom.Geometry parcel = ((GeometryPreparer.Prepared) result).geometry();
        for (int i : near) {
          if (patches.prepared(i).intersects(parcel)) {
            hits.add(i, parcel);
          }
        }
      });
      progress.done();
      hits.counted(progress.count(), candidates[0]);
    }
    return hits;
  }

  /** How much patch envelopes are widened in a layer's CRS: edges curve slightly between CRSs. */
  public static double envelopeMargin(Crs layerCrs) {
    return layerCrs.isGeographic() ? 1e-6 : 0.1;
  }

  private static boolean polygonal(Geometry g) {
    int t = ogr.GT_Flatten(g.GetGeometryType());
    return t == ogr.wkbPolygon || t == ogr.wkbMultiPolygon || t == ogr.wkbCurvePolygon
        || t == ogr.wkbMultiSurface || t == ogr.wkbGeometryCollection;
  }

  private static boolean polygonalType(int layerType) {
    int t = ogr.GT_Flatten(layerType);
    return t == ogr.wkbPolygon || t == ogr.wkbMultiPolygon;
  }

  /** Null, empty and non-polygonal records are quarantined without converting anything. */
  private void rejectCheap(LayerSpec spec, Feature f, Geometry g, GeometryPreparer preparer,
      Reprojector toWorking) {
    var r = (GeometryPreparer.Rejected) preparer.prepare(g == null ? null : g.Clone(), toWorking,
        spec.name(), repairs);
    quarantine.add(spec.name(), f.GetFID(), "", r.category(), r.reason());
  }
}
