package io.landwatch.spark;

import io.landwatch.config.LayerSpec;
import io.landwatch.geo.GeometryTransform;
import io.landwatch.geo.Reprojector;
import io.landwatch.job.OverlayEngine;
import io.landwatch.job.OverlayRequest;
import io.landwatch.judge.PatchInputs;
import io.landwatch.judge.PatchResult;
import io.landwatch.prepare.GeometryPreparer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.storage.StorageLevel;
import org.locationtech.jts.io.WKBReader;
import scala.Tuple2;

/**
 * The distributed overlay: every patch judged on the executors. The patches and their
 * small-layer inputs are broadcast; each big layer is read by Sedona into partitions and joined
 * with the patch envelopes (partitioned KDB-tree join); each joined record is reprojected and
 * repaired once where it lies ({@link PrepareParcels}); the pieces are grouped per patch and
 * judged there by the core's {@code PatchJudge} ({@link JudgePatch}). The driver receives only
 * the patch results and notes without geometry (quarantined records, repair counts, layer
 * counts): its memory does not grow with the parcels.
 *
 * <p>Executors have no GDAL, so this needs the working CRS and every big layer's CRS to be ones
 * the core transforms in pure Java (lon/lat and transverse Mercator, e.g. every CGCS2000
 * Gauss-Krüger zone); otherwise the run falls back to judging on the driver, and says so.
 */
final class ExecutorJudge implements OverlayEngine {
  private static final Logger LOG = Logger.getLogger("landwatch");
  private final SparkSession spark;
  private final DriverTraffic traffic;

  ExecutorJudge(SparkSession spark, DriverTraffic traffic) {
    this.spark = spark;
    this.traffic = traffic;
  }

  @Override
  public List<PatchResult> judge(OverlayRequest request) {
    var job = request.job();
    LayerSpec[] specs = {job.farmland(), job.basicFarmland(), job.ecologicalRedline()};
    SparkLayer[] layers = new SparkLayer[3];
    GeometryTransform[] toWorking = new GeometryTransform[3];
    GeometryTransform toLonLat = request.toLonLat().portable();
    List<String> needGdal = new ArrayList<>();
    if (toLonLat == null) {
      needGdal.add("working CRS " + request.working().label());
    }
    for (int role = 0; role < 3; role++) {
      if (specs[role] != null) {
        layers[role] = SparkLayer.open(spark, specs[role]);
        toWorking[role] = Reprojector.between(layers[role].crs(), request.working()).portable();
        if (toWorking[role] == null) {
          needGdal.add(specs[role].name() + " in " + layers[role].crs().label());
        }
      }
    }
    if (!needGdal.isEmpty()) {
      LOG.warning("judging on the driver: " + String.join(", ", needGdal) + " need GDAL, which executors do not"
          + " have (pure Java covers lon/lat and transverse Mercator CRSs such as the CGCS2000 Gauss-Krüger zones)");
      return OverlayEngine.local(new SparkBigLayerReader(spark)).judge(request);
    }
    try (TaskProgress progress = TaskProgress.start(spark, "join and judge", job.progressSeconds())) {
      return judgeOnExecutors(request, specs, layers, toWorking, toLonLat);
    }
  }

  private List<PatchResult> judgeOnExecutors(OverlayRequest request, LayerSpec[] specs, SparkLayer[] layers,
      GeometryTransform[] toWorking, GeometryTransform toLonLat) {
    var job = request.job();
    traffic.start(spark);
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int n = request.index().size();
    List<PatchInputs> small = new ArrayList<>(n);
    IntStream.range(0, n).forEach(i -> small.add(request.smallInputs(i)));
    Broadcast<List<PatchInputs>> patches = jsc.broadcast(small);

    long[] records = new long[3];
    JavaRDD<ParcelItem> items = jsc.emptyRDD();
    for (int role = 0; role < 3; role++) {
      if (layers[role] == null) {
        continue;
      }
      String view = "lw_layer_" + role;
      String envs = "lw_envs_" + role;
      layers[role].rows().createOrReplaceTempView(view);
      SparkLayer.envelopes(spark, request.index(), request.working(), layers[role].crs()).createOrReplaceTempView(envs);
      records[role] = layers[role].rows().count();
      String name = specs[role].name();
      JavaRDD<ParcelItem> joined = spark.sql("SELECT l.rid, collect_list(e.idx) AS idxs, first(ST_AsBinary(l.geom)) AS wkb"
          + " FROM " + envs + " e JOIN " + view + " l ON ST_Intersects(e.env, ST_Envelope(l.geom))"
          + " WHERE NOT (" + SparkLayer.UNUSABLE.replace("geom", "l.geom") + ") GROUP BY l.rid")
          .javaRDD().mapPartitions(new PrepareParcels(role, name, toWorking[role], patches));
      final int r = role;
      JavaRDD<ParcelItem> unusable = spark.sql("SELECT rid, ST_AsBinary(geom) FROM " + view + " WHERE " + SparkLayer.UNUSABLE)
          .javaRDD().map(row -> unusable(r, name, row.getLong(0), row.isNullAt(1) ? null : (byte[]) row.get(1)))
          .filter(java.util.Objects::nonNull);
      items = items.union(joined).union(unusable);
    }
    items = items.persist(StorageLevel.MEMORY_AND_DISK());
    List<ParcelItem> notes = items.filter(ParcelItem::note).collect();
    long[] candidates = new long[3];
    long[] hits = new long[3];
    for (ParcelItem it : notes) {
      String layer = specs[it.role].name();
      switch (it.kind) {
        case QUARANTINED -> request.quarantine().add(layer, it.rid, "", it.category, it.reason);
        case REPAIRED -> {
          for (long k = 0; k < it.count; k++) {
            request.repairs().count(layer, it.category);
          }
        }
        case COUNTED -> {
          candidates[it.role] += it.count;
          hits[it.role] += it.count2;
        }
        default -> throw new IllegalStateException("not a note: " + it.kind);
      }
    }
    for (int role = 0; role < 3; role++) {
      if (specs[role] != null) {
        request.layerCounted(specs[role], records[role], candidates[role], hits[role]);
      }
    }
    int partitions = Math.max(jsc.defaultParallelism(), n / 2000 + 1);
    JavaPairRDD<Integer, ParcelItem> byPatch = items.filter(it -> it.kind == ParcelItem.Kind.PIECE)
        .mapToPair(it -> new Tuple2<>(it.idx, it))
        .union(jsc.parallelize(IntStream.range(0, n).boxed().toList(), partitions).mapToPair(i -> new Tuple2<>(i, ParcelItem.patch(i))));
    List<JudgePatch.Outcome> outcomes = byPatch.groupByKey(partitions)
        .map(new JudgePatch(job.rules(), toLonLat, patches)).collect();
    items.unpersist(false);
    patches.destroy();
    List<PatchResult> results = new ArrayList<>(n);
    for (JudgePatch.Outcome o : outcomes) {
      if (o.result() != null) {
        results.add(o.result());
      } else {
        request.overlayFailed(request.index().patch(o.idx()), o.failure());
      }
    }
    traffic.stop(spark, outcomes.size() + notes.size());
    LOG.info(String.format(Locale.ROOT, "judged %,d patches on the executors; returned to the driver: %s", n, traffic));
    request.stage("join and judge on the executors");
    return results;
  }

  /**
   * Why a record without a usable polygon is quarantined: the single-machine engine's category and
   * sentence (null in the odd case the preparer would take it after all, as that engine would).
   */
  private static ParcelItem unusable(int role, String layer, long rid, byte[] wkb) {
    GeometryPreparer.Rejected why;
    if (wkb == null) {
      why = GeometryPreparer.noGeometry();
    } else {
      try {
        var r = new GeometryPreparer().fromJts(new WKBReader().read(wkb), layer, new io.landwatch.prepare.RepairReport());
        if (!(r instanceof GeometryPreparer.Rejected x)) {
          return null;
        }
        why = x;
      } catch (org.locationtech.jts.io.ParseException e) {
        why = new GeometryPreparer.Rejected("unreadable_geometry", "the geometry cannot be decoded: " + e.getMessage());
      }
    }
    return ParcelItem.quarantined(role, rid, why.category(), why.reason());
  }
}
