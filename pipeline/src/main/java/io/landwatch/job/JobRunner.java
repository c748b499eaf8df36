package io.landwatch.job;

import io.landwatch.LandwatchException;
import io.landwatch.Version;
import io.landwatch.config.JobConfig;
import io.landwatch.config.LayerSpec;
import io.landwatch.config.OutputFormat;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Gdal;
import io.landwatch.geo.Reprojector;
import io.landwatch.geo.WorkingCrs;
import io.landwatch.judge.PatchInputs;
import io.landwatch.judge.PatchJudge;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.Approval;
import io.landwatch.model.LayerCount;
import io.landwatch.model.Patch;
import io.landwatch.model.Village;
import io.landwatch.overlay.BigLayerReader;
import io.landwatch.overlay.ParcelHits;
import io.landwatch.overlay.PatchIndex;
import io.landwatch.plan.Task;
import io.landwatch.plan.TaskPlanner;
import io.landwatch.prepare.LayerLoader;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.Records;
import io.landwatch.prepare.RepairReport;
import io.landwatch.read.LayerSource;
import io.landwatch.store.CaseStore;
import io.landwatch.store.CaseSync;
import io.landwatch.util.ProgressLog;
import io.landwatch.util.TestHooks;
import io.landwatch.write.CsvWriter;
import io.landwatch.write.GeoJsonWriter;
import io.landwatch.write.GisExport;
import io.landwatch.write.ManifestWriter;
import io.landwatch.write.OutputSet;
import io.landwatch.write.PatchProperties;
import io.landwatch.write.PatrolSheet;
import io.landwatch.write.SummaryWriter;
import io.landwatch.write.TaskWriters;
import io.landwatch.write.TaskXlsx;
import io.landwatch.write.VectorFileWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.Future;
import java.util.logging.Logger;
import java.util.stream.IntStream;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.index.strtree.STRtree;

/**
 * The single-machine engine: read → prepare → overlay → judge → write. The small layers are
 * read whole and indexed; farmland, basic farmland and the red line are streamed past the
 * patch index; each patch is then judged on its own, on all cores.
 */
public final class JobRunner {
  private static final Logger LOG = Logger.getLogger("landwatch");
  private final JobConfig job;
  private final Quarantine quarantine = new Quarantine();
  private final RepairReport repairs = new RepairReport();
  private final List<LayerCount> counts = new ArrayList<>();
  private final List<String> warnings = new ArrayList<>();
  private final Map<String, Double> stageSeconds = new LinkedHashMap<>();
  private long stageStart = System.nanoTime();

  private final LocalDate runDate;

  private final BigLayerReader bigLayers;

  /** This run's output folder, published as a whole at the end ({@link OutputSet}). */
  private OutputSet outputSet;
  private Path out;

  private JobRunner(JobConfig job, LocalDate runDate, BigLayerReader bigLayers) {
    this.job = job;
    this.runDate = runDate;
    this.bigLayers = bigLayers;
  }

  public static RunResult run(JobConfig job) {
    return run(job, LocalDate.now());
  }

  /** Runs the job as of {@code runDate} (the date patrol tasks are due from). */
  public static RunResult run(JobConfig job, LocalDate runDate) {
    return run(job, runDate, BigLayerReader.streaming(job.progressSeconds()));
  }

  /**
   * Runs the job with another way of reading the big layers (the distributed engine); every
   * other step is this engine's.
   */
  public static RunResult run(JobConfig job, LocalDate runDate, BigLayerReader bigLayers) {
    // The store is locked first, so a second run on it exits before doing any work.
    try (CaseStore store = job.store() == null ? null : CaseStore.open(job.store())) {
      return new JobRunner(job, runDate, bigLayers).execute(store);
    }
  }

  private RunResult execute(CaseStore store) {
    outputSet = OutputSet.begin(job.outputDir());
    out = outputSet.staging();
    try {
      RunResult r = executeInto(store);
      outputSet.publish();
      return r;
    } catch (RuntimeException e) {
      outputSet.abandon();
      throw e;
    }
  }

  private RunResult executeInto(CaseStore store) {
    Instant started = Instant.now();
    logConfiguration();
    TestHooks.point("run.start");
    // Hashing the inputs (hundreds of MB for a big county) overlaps with the single-threaded reads.
    ExecutorService hasher = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "landwatch-sha256");
      t.setDaemon(true);
      return t;
    });
    Future<List<Object>> fingerprints = hasher.submit(this::fingerprintInputs);
    hasher.shutdown();
    Crs working = workingCrs();
    LOG.info("working CRS for the overlay: " + working.label() + "; areas are ellipsoidal (CGCS2000)");

    var loadedPatches = LayerLoader.load(job.patches(), working, job.patches().field("id"),
        quarantine, repairs, job.progressSeconds(), Records.patches(job.patches(), dates()));
    warnAboutText(job.patches(), loadedPatches);
    List<Patch> patches = loadedPatches.records();
    List<Approval> approvals = new ArrayList<>();
    for (LayerSpec spec : job.approvals()) {
      var l = LayerLoader.load(spec, working, spec.field("id"), quarantine, repairs,
          job.progressSeconds(), Records.approvals(spec, dates()));
      warnAboutText(spec, l);
      approvals.addAll(l.records());
      counts.add(count(spec, l.recordsIn(), l.records().size()));
    }
    List<Village> villages = List.of();
    if (job.villages() != null) {
      var l = LayerLoader.load(job.villages(), working, job.villages().field("village"), quarantine,
          repairs, job.progressSeconds(), Records.villages(job.villages()));
      warnAboutText(job.villages(), l);
      villages = l.records();
      counts.add(count(job.villages(), l.recordsIn(), l.records().size()));
    }
    LOG.info(String.format("read %d patches, %d approvals, %d villages", patches.size(),
        approvals.size(), villages.size()));
    stage("read small layers");
    TestHooks.point("run.read-small");

    PatchIndex index = new PatchIndex(patches);
    // The big layers are independent: each is streamed by its own thread with its own reader.
    int readers = bigLayers.concurrent() ? Math.max(1, Math.min(job.threads(), 3)) : 1;
    ExecutorService scans = Executors.newFixedThreadPool(readers);
    ParcelHits farmland;
    ParcelHits basic;
    ParcelHits eco;
    try {
      Future<ParcelHits> f = scans.submit(() -> bigLayers.read(job.farmland(), index, working, quarantine, repairs));
      Future<ParcelHits> b = scans.submit(() -> bigLayers.read(job.basicFarmland(), index, working, quarantine, repairs));
      Future<ParcelHits> e = scans.submit(() -> bigLayers.read(job.ecologicalRedline(), index, working, quarantine, repairs));
      farmland = await(f);
      basic = await(b);
      eco = await(e);
    } finally {
      scans.shutdownNow();
    }
    countStreamed(job.farmland(), farmland);
    countStreamed(job.basicFarmland(), basic);
    countStreamed(job.ecologicalRedline(), eco);
    stage("stream big layers");
    TestHooks.point("run.stream-big");

    Reprojector toLonLat = Reprojector.between(working, Crs.epsg(Crs.CGCS2000));
    List<PatchResult> results = judge(index, approvals, villages, farmland, basic, eco, toLonLat);
    results.sort(Comparator.comparing(r -> r.patch().id()));
    stage("judge");
    counts.add(0, count(job.patches(), loadedPatches.recordsIn(), results.size()));
    checkBalance();
    requireJudged(results, loadedPatches.recordsIn());
    TestHooks.point("run.judged");

    long outside = results.stream().filter(r -> r.village() == null).count();
    List<Path> outputs = write(results, working, toLonLat, outside);
    CaseSync.Report sync = null;
    TaskPlanner.Plan plan = null;
    if (store != null) {
      sync = new CaseSync(store, toLonLat, Reprojector.between(Crs.epsg(Crs.CGCS2000), working), job.rules())
          .sync(job.name(), results, runDate, started);
      LOG.info(String.format("case store %s: %d new cases, %d updated, %d reopened", store.file(),
          sync.newCases(), sync.updatedCases(), sync.reopenedCases()));
      plan = TaskPlanner.plan(sync.tasks(), villages, toLonLat);
      outputs.addAll(writeTasks(plan, villages, toLonLat));
      stage("cases and tasks");
    }
    outputs = writeManifest(outputs, started, fingerprints);
    TestHooks.point("run.manifest");
    return new RunResult(results, List.copyOf(counts), quarantine, repairs, working,
        outputs.stream().map(outputSet::published).toList(), started, Instant.now(), outside, sync, plan, List.copyOf(warnings));
  }

  private Records.DateWindow dates() {
    return new Records.DateWindow(job.rules().earliestDate(), runDate);
  }

  private void logConfiguration() {
    LOG.info("landwatch " + Version.current() + ", job " + job.name());
    flatten("", job.describe()).forEach((k, v) -> LOG.info("  " + k + " = " + v));
    for (String role : List.of("approvals", "farmland", "basic_farmland", "ecological_redline", "villages")) {
      boolean missing = role.equals("approvals") ? job.approvals().isEmpty()
          : job.layers().stream().noneMatch(s -> s.role().key().equals(role));
      if (missing) {
        LOG.warning("inputs." + role + " is not configured: no such constraint is applied");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> flatten(String prefix, Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      String key = prefix.isEmpty() ? k : prefix + "." + k;
      if (v instanceof Map<?, ?> sub && !k.equals("fields")) {
        out.putAll(flatten(key, (Map<String, Object>) sub));
      } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
        for (int i = 0; i < list.size(); i++) {
          out.putAll(flatten(key + "[" + i + "]", (Map<String, Object>) list.get(i)));
        }
      } else {
        out.put(key, v);
      }
    });
    return out;
  }

  private void warnAboutText(LayerSpec spec, LayerLoader.Loaded<?> loaded) {
    if (loaded.textCheck().looksWrong()) {
      String w = LayerLoader.encodingWarning(spec, loaded.textCheck());
      LOG.warning(w);
      warnings.add(w);
    }
  }

  private Crs workingCrs() {
    try (LayerSource src = LayerSource.open(job.patches())) {
      Crs crs = src.requireCrs();
      double[] e = crs.isGeographic() ? src.extentInside(src.checkCoordinatesFitCrs()) : null;
      return WorkingCrs.choose(crs, e == null ? new Envelope() : new Envelope(e[0], e[1], e[2], e[3]));
    }
  }

  /**
   * A run that judges nothing from a layer that has records is an error, not an empty success:
   * the patches are all unusable, or the where: filter matches none of them.
   */
  private void requireJudged(List<PatchResult> results, long recordsIn) {
    if (!results.isEmpty()) {
      return;
    }
    LayerSpec p = job.patches();
    if (recordsIn > 0) {
      throw LandwatchException.invalidInput("inputs.patches: none of the " + recordsIn + " records of "
          + p.path() + " could be judged; quarantined: " + quarantine.table().getOrDefault(p.name(), Map.of())
          + ". First reasons: " + quarantine.entries().stream().filter(e -> e.layer().equals(p.name())).limit(3)
              .map(e -> "record " + e.record() + ": " + e.reason()).toList()
          + ". Fix the patch layer (or its fields in the job file); nothing was written.");
    }
    if (p.where() != null) {
      long all;
      try (LayerSource src = LayerSource.open("inputs.patches", p.path(), p.layer(), p.encoding(), p.crs(), p.geometry())) {
        all = src.featureCount();
      }
      if (all > 0) {
        throw LandwatchException.invalidInput("inputs.patches: the filter where: \"" + p.where()
            + "\" matches none of the " + all + " records of " + p.path() + ". Check the filter;"
            + " nothing was written.");
      }
    }
  }

  private List<Path> writeTasks(TaskPlanner.Plan plan, List<Village> villages, Reprojector toLonLat) {
    Path dir = out;
    List<Path> written = new ArrayList<>();
    TaskWriters.csv(dir.resolve("tasks.csv"), plan.tasks());
    TestHooks.point("run.tasks-csv");
    TaskWriters.geojson(dir.resolve("tasks.geojson"), plan.tasks());
    written.add(dir.resolve("tasks.csv"));
    written.add(dir.resolve("tasks.geojson"));
    Map<String, List<Task>> byTownship = TaskWriters.byTownship(plan.tasks());
    for (var e : byTownship.entrySet()) {
      String name = TaskWriters.fileName(e.getKey());
      Path csv = dir.resolve("tasks").resolve(name + ".csv");
      TaskWriters.csv(csv, e.getValue());
      Map<String, org.locationtech.jts.geom.Geometry> outlines = new java.util.TreeMap<>();
      villages.stream().filter(v -> v.township().equals(e.getKey()))
          .forEach(v -> outlines.put(v.village(), toLonLat.apply(v.geometry())));
      TaskPlanner.RouteSummary route = plan.townshipRoutes().stream()
          .filter(r -> e.getKey().equals(r.township() == null ? TaskPlanner.OUTSIDE : r.township()))
          .findFirst().orElseThrow();
      Path html = dir.resolve("tasks").resolve(name + ".html");
      PatrolSheet.write(html, job.name(), e.getKey(), runDate, e.getValue(), outlines, route.start(),
          route.totalKm(), job.taskLabels());
      written.add(csv);
      written.add(html);
    }
    TestHooks.point("run.task-sheets");
    TaskXlsx.write(dir.resolve("tasks.xlsx"), byTownship, job.taskLabels());
    written.add(dir.resolve("tasks.xlsx"));
    TestHooks.point("run.tasks-written");
    return written;
  }

  /** Closes a stage: logs and records its wall time. */
  private void stage(String name) {
    long now = System.nanoTime();
    double secs = (now - stageStart) / 1e9;
    stageStart = now;
    stageSeconds.put(name, Math.round(secs * 1000) / 1000.0);
    LOG.info(String.format(java.util.Locale.ROOT, "stage %s: %.2f s", name, secs));
  }

  private void countStreamed(LayerSpec spec, ParcelHits hits) {
    if (spec != null) {
      LOG.info(String.format("%s: %,d records, %,d envelope candidates, %,d patch-parcel intersections",
          spec.name(), hits.records(), hits.candidates(), hits.hits()));
      counts.add(count(spec, hits.records(), hits.records() - quarantine.count(spec.name())));
    }
  }

  private static <T> T await(Future<T> f) {
    try {
      return f.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException re ? re : new IllegalStateException(e.getCause());
    }
  }

  private LayerCount count(LayerSpec spec, long in, long used) {
    return new LayerCount(spec.name(), spec.path().toString(), in, used, quarantine.count(spec.name()));
  }

  private List<PatchResult> judge(PatchIndex index, List<Approval> approvals, List<Village> villages,
      ParcelHits farmland, ParcelHits basic, ParcelHits eco, Reprojector toLonLat) {
    STRtree approvalTree = new STRtree();
    approvals.forEach(a -> approvalTree.insert(a.geometry().getEnvelopeInternal(), a));
    STRtree villageTree = new STRtree();
    villages.forEach(v -> villageTree.insert(v.geometry().getEnvelopeInternal(), v));
    approvalTree.build();
    villageTree.build();
    PatchJudge judge = new PatchJudge(job.rules(), toLonLat);
    ProgressLog progress = new ProgressLog("judge", index.size(), job.progressSeconds());
    PatchResult[] out = new PatchResult[index.size()];
    ForkJoinPool pool = new ForkJoinPool(job.threads());
    try {
      await(pool.submit(() -> IntStream.range(0, index.size()).parallel().forEach(i -> {
        Patch p = index.patch(i);
        Envelope env = p.geometry().getEnvelopeInternal();
        @SuppressWarnings("unchecked")
        List<Approval> a = approvalTree.query(env);
        @SuppressWarnings("unchecked")
        List<Village> v = villageTree.query(env);
        a.sort(Comparator.comparing(Approval::id).thenComparing(Approval::layer)
            .thenComparingLong(Approval::record));
        try {
          out[i] = judge.judge(new PatchInputs(p, a, farmland.of(i), basic.of(i), eco.of(i), v));
        } catch (PatchJudge.JudgeFailure e) {
          quarantine.add(job.patches().name(), p.record(), p.id(), "overlay_failed", e.getMessage());
        }
        progress.step();
      })));
    } finally {
      pool.shutdown();
    }
    progress.done();
    List<PatchResult> results = new ArrayList<>();
    for (PatchResult r : out) {
      if (r != null) {
        results.add(r);
      }
    }
    return results;
  }

  private void checkBalance() {
    for (LayerCount c : counts) {
      if (!c.balanced()) {
        throw new IllegalStateException("record balance broken for " + c.layer() + ": in "
            + c.recordsIn() + " ≠ used " + c.used() + " + quarantined " + c.quarantined());
      }
    }
  }

  private List<Path> write(List<PatchResult> results, Crs working, Reprojector toLonLat, long outside) {
    Path dir = out;
    List<Path> written = new ArrayList<>();
    GeoJsonWriter geojson = new GeoJsonWriter(toLonLat);
    Path all = dir.resolve("patches.geojson");
    geojson.write(all, results, r -> r.patch().geometry());
    written.add(all);
    TestHooks.point("run.patches-geojson");
    Path suspected = dir.resolve("suspected.geojson");
    geojson.write(suspected, results.stream().filter(PatchResult::suspected).toList(), PatchResult::unapproved);
    written.add(suspected);
    Path csv = dir.resolve("patches.csv");
    CsvWriter.patches(csv, results);
    written.add(csv);
    Path q = dir.resolve("quarantine.csv");
    CsvWriter.quarantine(q, quarantine.entries());
    written.add(q);
    Path summary = dir.resolve("summary.json");
    SummaryWriter.write(summary, SummaryWriter.build(job.name(), results, job.rules(), outside,
        repairs.table(), quarantine.table(), List.copyOf(warnings)));
    written.add(summary);
    for (String f : job.formats()) {
      Path target = dir.resolve("patches." + f);
      writeGis(target, OutputFormat.of(f), results, working);
      written.add(target);
    }
    stage("write");
    TestHooks.point("run.patch-outputs");
    return written;
  }

  /** manifest.json, last: it lists every file the run wrote, the task outputs included. */
  private List<Path> writeManifest(List<Path> written, Instant started, Future<List<Object>> fingerprints) {
    List<Path> all = new ArrayList<>(written);
    Path manifest = out.resolve("manifest.json");
    all.add(manifest);
    ManifestWriter.write(manifest, manifest(started, all, await(fingerprints)));
    return all;
  }

  /** The judged patches in a desktop GIS format, in the working CRS. */
  private void writeGis(Path target, OutputFormat format, List<PatchResult> results, Crs working) {
    List<Map<String, Object>> rows = new ArrayList<>();
    List<org.locationtech.jts.geom.Geometry> geoms = new ArrayList<>();
    for (PatchResult r : results) {
      Map<String, Object> m = new LinkedHashMap<>();
      PatchProperties.of(r).forEach((k, v) -> m.put(k, v instanceof PatchProperties.Decimal d
          ? Double.valueOf(d.text()) : v instanceof Boolean b ? (b ? 1 : 0) : v instanceof List<?> l
          ? String.join(";", l.stream().map(Object::toString).toList()) : v));
      rows.add(m);
      geoms.add(r.patch().geometry());
    }
    List<GisExport.Column> columns = new ArrayList<>();
    for (String name : PatchProperties.NAMES) {
      boolean number = name.endsWith("_m2") || name.endsWith("_mu");
      columns.add(new GisExport.Column(name, number ? VectorFileWriter.Type.REAL
          : name.equals("referral") ? VectorFileWriter.Type.INTEGER
          : VectorFileWriter.Type.STRING, number ? 18 : name.equals("approvals") ? 254 : 40));
    }
    GisExport.write(target, format, "patches", working, columns, rows, geoms, job.shapefileEncoding(), "patch");
  }

  private List<Object> fingerprintInputs() {
    List<Object> inputs = new ArrayList<>();
    for (LayerSpec s : job.layers()) {
      Map<String, Object> i = new LinkedHashMap<>();
      i.put("layer", s.name());
      if (s.remote()) {
        i.put("uri", s.uri());
      } else {
        i.put("files", ManifestWriter.fingerprints(s.path()));
      }
      inputs.add(i);
    }
    return inputs;
  }

  private Map<String, Object> manifest(Instant started, List<Path> written, List<Object> inputs) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("landwatch_version", Version.current());
    m.put("gdal_version", Gdal.version());
    m.put("job", job.name());
    m.put("configuration", job.describe());
    m.put("inputs", inputs);
    m.put("started", started.toString());
    m.put("finished", Instant.now().toString());
    List<Object> cs = new ArrayList<>();
    for (LayerCount c : counts) {
      Map<String, Object> x = new LinkedHashMap<>();
      x.put("layer", c.layer());
      x.put("records_in", c.recordsIn());
      x.put("used", c.used());
      x.put("quarantined", c.quarantined());
      x.put("balanced", c.balanced());
      cs.add(x);
    }
    m.put("counts", cs);
    m.put("outputs", written.stream().map(p -> p.getFileName().toString()).toList());
    m.put("stage_seconds", stageSeconds);
    m.put("exit_status", 0);
    return m;
  }
}
