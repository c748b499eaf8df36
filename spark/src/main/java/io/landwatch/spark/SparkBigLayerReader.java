package io.landwatch.spark;

import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.overlay.BigLayerReader;
import io.landwatch.overlay.ParcelHits;
import io.landwatch.overlay.PatchIndex;
import io.landwatch.prepare.GeometryPreparer;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.RepairReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * The distributed engine's fallback when a CRS needs GDAL (which executors lack): Sedona reads
 * the layer into partitions and a spatial join
 * (partitioned, KDB-tree, when broadcast joins are off) pairs each record with the patch
 * envelopes it touches, in the layer's own CRS. Only those candidates come back to the driver,
 * where the core code prepares them (reproject, repair) and keeps those that really intersect a
 * patch, exactly as the single-machine scan does.
 */
public final class SparkBigLayerReader implements BigLayerReader {
  private static final Logger LOG = Logger.getLogger("landwatch");
  private final SparkSession spark;

  public SparkBigLayerReader(SparkSession spark) {
    this.spark = spark;
  }

  @Override
  public boolean concurrent() {
    return false;
  }

  @Override
  public ParcelHits read(LayerSpec spec, PatchIndex patches, Crs working, Quarantine quarantine, RepairReport repairs) {
    ParcelHits hits = new ParcelHits(patches.size());
    if (spec == null) {
      return hits;
    }
    SparkLayer layer = SparkLayer.open(spark, spec);
    Crs crs = layer.crs();
    layer.rows().createOrReplaceTempView("lw_layer");
    SparkLayer.envelopes(spark, patches, working, crs).createOrReplaceTempView("lw_envs");
    List<Row> pairs = spark.sql("SELECT l.rid, e.idx, ST_AsBinary(l.geom) AS wkb FROM lw_envs e JOIN lw_layer l"
        + " ON ST_Intersects(e.env, ST_Envelope(l.geom)) WHERE NOT (" + SparkLayer.UNUSABLE.replace("geom", "l.geom") + ")")
        .collectAsList();
    long records = layer.rows().count();
    // The few records with no usable geometry come to the driver, where the single-machine
    // engine's preparer names them: same categories, same sentences, same record numbers.
    List<Row> bad = spark.sql("SELECT rid, ST_AsBinary(geom) FROM lw_layer WHERE " + SparkLayer.UNUSABLE).collectAsList();
    GeometryPreparer preparer = new GeometryPreparer();
    WKBReader reader = new WKBReader();
    for (Row b : bad) {
      var rejected = rejection(preparer, reader, b.isNullAt(1) ? null : (byte[]) b.get(1), spec.name(), repairs);
      if (rejected != null) {
        quarantine.add(spec.name(), b.getLong(0), "", rejected.category(), rejected.reason());
      }
    }
    Map<Long, List<Integer>> patchesOf = new LinkedHashMap<>();
    Map<Long, byte[]> wkbOf = new LinkedHashMap<>();
    for (Row r : pairs) {
      patchesOf.computeIfAbsent(r.getLong(0), k -> new ArrayList<>()).add(r.getInt(1));
      wkbOf.putIfAbsent(r.getLong(0), (byte[]) r.get(2));
    }
    Reprojector toWorking = Reprojector.between(crs, working);
    for (Map.Entry<Long, List<Integer>> e : patchesOf.entrySet()) {
      Geometry g;
      try {
        g = reader.read(wkbOf.get(e.getKey()));
      } catch (ParseException ex) {
        quarantine.add(spec.name(), e.getKey(), "", "unreadable_geometry", "the geometry cannot be decoded: " + ex.getMessage());
        continue;
      }
      var result = preparer.fromJts(toWorking.apply(g), spec.name(), repairs);
      if (result instanceof GeometryPreparer.Prepared p) {
        for (int i : e.getValue()) {
          if (patches.prepared(i).intersects(p.geometry())) {
            hits.add(i, p.geometry());
          }
        }
      } else if (result instanceof GeometryPreparer.Rejected x) {
        quarantine.add(spec.name(), e.getKey(), "", x.category(), x.reason());
      }
    }
    hits.counted(records, patchesOf.size());
    LOG.info(String.format(Locale.ROOT, "%s (Spark): %,d records, %,d candidate records from the spatial join",
        spec.name(), records, patchesOf.size()));
    return hits;
  }

  /** Why the preparer refuses a record without a usable polygon (null when it would take it after all). */
  private static GeometryPreparer.Rejected rejection(GeometryPreparer preparer, WKBReader reader, byte[] wkb,
      String layer, RepairReport repairs) {
    if (wkb == null) {
      return GeometryPreparer.noGeometry();
    }
    try {
      return preparer.fromJts(reader.read(wkb), layer, repairs) instanceof GeometryPreparer.Rejected r ? r : null;
    } catch (ParseException e) {
      return new GeometryPreparer.Rejected("unreadable_geometry", "the geometry cannot be decoded: " + e.getMessage());
    }
  }
}
