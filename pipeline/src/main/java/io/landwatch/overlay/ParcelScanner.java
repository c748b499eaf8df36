package io.landwatch.overlay;

import io.landwatch.config.LayerSpec;
import io.landwatch.geo.CoordinateBounds;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.prepare.GeometryPreparer;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.RepairReport;
import io.landwatch.read.CheckedLayer;
import io.landwatch.read.EnvelopeCache;
import io.landwatch.read.LayerSource;
import io.landwatch.read.UnreadableGeometry;
import io.landwatch.util.ProgressLog;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.Logger;
import org.gdal.ogr.Feature;
import org.gdal.ogr.Geometry;
import org.gdal.ogr.ogr;

/**
 * Streams a big layer (farmland, basic farmland, red line) past the patch index. Per record it
 * asks OGR for the envelope only; a record becomes a JTS geometry (reprojected, repaired) only
 * when its envelope touches a patch envelope, and is kept only when it really intersects a
 * patch. Attributes are never decoded unless a where: filter needs them. With a cache folder, a
 * layer read in full leaves its envelopes behind ({@link EnvelopeCache}), and the next run over
 * the unchanged layer fetches only the records that meet a patch.
 */
public final class ParcelScanner {
  private static final Logger LOG = Logger.getLogger("landwatch");
  private final PatchIndex patches;
  private final Crs working;
  private final Quarantine quarantine;
  private final RepairReport repairs;
  private final int progressSeconds;
  private final Path cacheDir;

  public ParcelScanner(PatchIndex patches, Crs working, Quarantine quarantine, RepairReport repairs,
      int progressSeconds) {
    this(patches, working, quarantine, repairs, progressSeconds, null);
  }

  /** @param cacheDir where the layers' envelope caches are kept ({@link EnvelopeCache}), or null */
  public ParcelScanner(PatchIndex patches, Crs working, Quarantine quarantine, RepairReport repairs,
      int progressSeconds, Path cacheDir) {
    this.patches = patches;
    this.working = working;
    this.quarantine = quarantine;
    this.repairs = repairs;
    this.progressSeconds = progressSeconds;
    this.cacheDir = cacheDir;
  }

  /** Streams one layer; a layer the job does not have (null) gives no hits. */
  public ParcelHits scan(LayerSpec spec, int patchCount) {
    try (BigLayerReader.Opened opened = open(spec, patchCount)) {
      return opened.read();
    }
  }

  /**
   * Opens one layer on this thread (its CRS identified, its bounds and transformations set up)
   * for a {@link BigLayerReader.Opened#read} on any one thread.
   */
  public BigLayerReader.Opened open(LayerSpec spec, int patchCount) {
    if (spec == null) {
      return BigLayerReader.Opened.of(() -> ParcelHits.none(patchCount));
    }
    ParcelHits hits = new ParcelHits(patches.size());
    LayerSource src = LayerSource.open(spec);
    LayerScan scan;
    try {
      scan = new LayerScan(spec, src, hits);
    } catch (RuntimeException e) {
      src.close();
      throw e;
    }
    return BigLayerReader.Opened.of(() -> read(scan), src::close);
  }

  private ParcelHits read(LayerScan scan) {
    LayerSpec spec = scan.spec;
    EnvelopeCache cache = EnvelopeCache.of(cacheDir, spec, scan.src, scan.records);
    EnvelopeCache.Records cached = cache == null ? null : cache.open(scan.records);
    if (cached != null) {
      LOG.info(spec.name() + ": record envelopes from " + cache.file() + "; records fetched by FID where they meet a patch");
      try (cached) {
        scan.fromCache(cached);
      }
    } else if (cache != null) {
      try (EnvelopeCache.Writer writer = cache.writer()) {
        scan.all(writer);
        if (writer != null) {
          writer.commit();
        }
      }
    } else {
      scan.all(null);
    }
    scan.progress.done();
    scan.hits.counted(scan.progress.count(), scan.candidates);
    return scan.hits;
  }

  /** One layer's scan: each record placed by its envelope, converted only when it meets a patch. */
  private final class LayerScan {
    private final LayerSpec spec;
    private final LayerSource src;
    private final ParcelHits hits;
    private final CoordinateBounds bounds;
    private final Reprojector toWorking;
    private final PatchEnvelopes index;
    private final GeometryPreparer preparer = new GeometryPreparer();
    private final long records;
    private final ProgressLog progress;
    private final double[] env = new double[4];
    private final List<Integer> near = new java.util.ArrayList<>();
    /** A layer declared polygonal holds only polygons or nothing: the per-record type test (one
     * JNI call each, millions of times) is needed only for mixed layers and tables. */
    private final boolean declaredPolygonal;
    private long candidates;

    LayerScan(LayerSpec spec, LayerSource src, ParcelHits hits) {
      this.spec = spec;
      this.src = src;
      this.hits = hits;
      CheckedLayer checked = CheckedLayer.of(src, spec);
      Crs crs = checked.crs();
      this.bounds = checked.bounds();
      if (spec.where() == null && spec.geometry() == null) {
        src.keepOnlyFields(List.of());
      }
      this.toWorking = Reprojector.between(crs, working);
      this.index = patches.envelopesIn(Reprojector.between(working, crs), envelopeMargin(crs));
      // counted once: with a where: filter, OGR counts by reading the layer
      this.records = src.featureCount();
      this.progress = new ProgressLog(spec.name(), records, progressSeconds);
      progress.note(() -> String.format(java.util.Locale.ROOT, "%,d envelope candidates, %,d hits",
          candidates, hits.hits()));
      this.declaredPolygonal = spec.geometry() == null && polygonalType(src.geometryType());
    }

    /** Reads every record, handing each envelope (or null) to the cache writer when there is one. */
    void all(EnvelopeCache.Writer writer) {
      src.forEach(f -> {
        progress.step();
        boolean placed = visit(f);
        if (writer != null) {
          writer.add(f.GetFID(), placed ? env : null);
        }
      });
    }

    /**
     * Walks the cached envelopes; fetches a record only when the full read would have looked at
     * more than its envelope (it meets a patch, lies outside the CRS's bounds, or has none).
     */
    void fromCache(EnvelopeCache.Records cached) {
      double[] e = new double[4];
      while (cached.next(e)) {
        progress.step();
        if (!Double.isNaN(e[0]) && bounds.contains(e)) {
          index.query(e, near);
          if (near.isEmpty()) {
            continue;
          }
        }
        Feature f = src.feature(cached.fid());
        if (f == null) {
          throw new IllegalStateException(spec.name() + ": record " + cached.fid() + " is in the envelope cache but not"
              + " in the layer; delete the cache folder and run again");
        }
        try {
          visit(f);
        } finally {
          f.delete();
        }
      }
    }

    /** Places one record; false when it had no envelope to place it by (quarantined). */
    private boolean visit(Feature f) {
      Geometry g;
      try {
        g = spec.geometry() == null ? f.GetGeometryRef() : src.geometryOf(f);
      } catch (UnreadableGeometry e) {
        quarantine.add(spec.name(), f.GetFID(), "", "unreadable_geometry", e.getMessage());
        return false;
      }
      if (g == null) {
        String why = src.unreadableGeometry(f);
        if (why != null) {
          quarantine.add(spec.name(), f.GetFID(), "", "unreadable_geometry", why);
          return false;
        }
      }
      if (g == null || !declaredPolygonal && (g.IsEmpty() || !polygonal(g))) {
        rejectCheap(spec, f, g, preparer, toWorking);
        return false;
      }
      g.GetEnvelope(env);
      if (env[0] == 0 && env[1] == 0 && env[2] == 0 && env[3] == 0 && g.IsEmpty()) {
        rejectCheap(spec, f, g, preparer, toWorking);
        return false;
      }
      if (!bounds.contains(env)) {
        quarantine.add(spec.name(), f.GetFID(), "", "invalid_coordinate", bounds.outside(env));
        return true;
      }
      index.query(env, near);
      if (near.isEmpty()) {
        return true;
      }
      candidates++;
      var result = preparer.prepare(spec.geometry() == null ? g.Clone() : g, toWorking, spec.name(), repairs);
      if (result instanceof GeometryPreparer.Rejected r) {
        quarantine.add(spec.name(), f.GetFID(), "", r.category(), r.reason());
        return true;
      }
      org.locationtech.jts.geom.Geometry parcel = ((GeometryPreparer.Prepared) result).geometry();
      for (int i : near) {
        if (patches.prepared(i).intersects(parcel)) {
          hits.add(i, parcel);
        }
      }
      return true;
    }
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
