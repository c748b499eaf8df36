package io.landwatch.job;

import io.landwatch.config.JobConfig;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchResult;
import io.landwatch.overlay.BigLayerReader;
import io.landwatch.overlay.PatchIndex;
import io.landwatch.plan.TaskPlanner;
import io.landwatch.read.LayerSource;
import io.landwatch.store.CaseStore;
import io.landwatch.store.CaseSync;
import io.landwatch.util.TestHooks;
import io.landwatch.write.OutputSet;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The single-machine engine, as named stages: small layers (read whole) → big layers (streamed
 * past the patch index) → judge (each patch on its own, on all cores) → patch outputs → cases
 * and tasks → manifest, everything into the run's own folder, published at the end as one set.
 */
public final class JobRunner {
  private JobRunner() {}

  public static RunResult run(JobConfig job) {
    return run(job, LocalDate.now());
  }

  /** Runs the job as of {@code runDate} (the date patrol tasks are due from). */
  public static RunResult run(JobConfig job, LocalDate runDate) {
    return run(job, runDate, BigLayerReader.streaming(job.progressSeconds(), job.cache()));
  }

  /**
   * Runs a job: judges every patch, writes the outputs, updates the case store and writes the
   * patrol tasks. The store is locked before any work, so a second run on it stops at once. On
   * any failure the previous outputs stay published and the store as last committed.
   *
   * @param runDate the run date: implausible-date check, opening date of cases, start of due days
   * @param bigLayers how the big layers are read: streamed here, or by the distributed engine
   * @throws io.landwatch.LandwatchException with the exit code for inputs, outputs or the store
   */
  public static RunResult run(JobConfig job, LocalDate runDate, BigLayerReader bigLayers) {
    return run(job, runDate, OverlayEngine.local(bigLayers));
  }

  /**
   * As {@link #run(JobConfig, LocalDate, BigLayerReader)}, with the overlay and judgment done by
   * {@code engine} (the distributed engine judges on its executors).
   */
  public static RunResult run(JobConfig job, LocalDate runDate, OverlayEngine engine) {
    try (CaseStore store = job.store() == null ? null : CaseStore.open(job.store())) {
      OutputSet outputs = OutputSet.begin(job.outputDir());
      try {
        RunResult r = execute(new RunState(job, runDate, outputs.staging()), store, engine, outputs);
        outputs.publish();
        return r;
      } catch (RuntimeException e) {
        outputs.abandon();
        throw e;
      }
    }
  }

  private static RunResult execute(RunState run, CaseStore store, OverlayEngine engine, OutputSet set) {
    JobConfig job = run.job;
    RunLog.configuration(job);
    TestHooks.point("run.start");
    Manifest manifest = Manifest.start(run);
    Crs working;
    SmallLayers small;
    // the patch layer is opened once: its CRS chooses the working CRS, then its records are read
    try (LayerSource patches = LayerSource.open(job.patches())) {
      working = PatchLayerChecks.workingCrs(patches);
      RunState.LOG.info("working CRS for the overlay: " + working.label() + "; areas are ellipsoidal (CGCS2000)");
      small = SmallLayers.read(run, patches, working);
    }
    run.stage("read small layers");
    TestHooks.point("run.read-small");

    PatchIndex index = new PatchIndex(small.patches());
    Reprojector toLonLat = Reprojector.between(working, Crs.epsg(Crs.CGCS2000));
    List<PatchResult> results = new java.util.ArrayList<>(
        engine.judge(new OverlayRequest(run, index, small, working, toLonLat)));
    results.sort(java.util.Comparator.comparing(r -> r.patch().id()));
    TestHooks.point("run.stream-big");
    run.counts.add(0, run.count(job.patches(), small.patchRecordsIn(), results.size()));
    run.checkBalance();
    PatchLayerChecks.requireJudged(run, results, small.patchRecordsIn());
    TestHooks.point("run.judged");

    List<Path> written = new java.util.ArrayList<>();
    CasesAndTasks cases = null;
    // the workbooks are written beside the other outputs and stages, awaited before the manifest
    try (Background background = new Background()) {
      written.addAll(PatchOutputs.write(run, results, working, toLonLat, background));
      run.stage("write");
      TestHooks.point("run.patch-outputs");
      if (store != null) {
        cases = casesAndTasks(run, store, results, small, toLonLat, working, background);
        written.addAll(cases.files());
      }
    }
    run.stage("workbooks (the rest of their time)");
    written = manifest.write(run, written);
    TestHooks.point("run.manifest");
    long outside = results.stream().filter(r -> r.village() == null).count();
    return new RunResult(results, List.copyOf(run.counts), run.quarantine, run.repairs, working,
        written.stream().map(set::published).toList(), run.started, Instant.now(), outside,
        cases == null ? null : cases.sync(), cases == null ? null : cases.plan(),
        List.copyOf(run.warnings));
  }

  /** What the case store and task stage gives the run: the store's report, the routes, the files. */
  private record CasesAndTasks(CaseSync.Report sync, TaskPlanner.Plan plan, List<Path> files) {}

  /** Brings the case store up to date (nightly checks included) and writes the patrol tasks. */
  private static CasesAndTasks casesAndTasks(RunState run, CaseStore store, List<PatchResult> results,
      SmallLayers small, Reprojector toLonLat, Crs working, Background background) {
    JobConfig job = run.job;
    long started = System.nanoTime();
    CaseSync.Report sync = new CaseSync(store, toLonLat, Reprojector.between(Crs.epsg(Crs.CGCS2000), working),
        job.rules()).sync(job.name(), results, run.runDate, run.started, small.approvals());
    RunState.LOG.info(String.format("case store %s: %d new cases, %d updated, %d reopened", store.file(),
        sync.newCases(), sync.updatedCases(), sync.reopenedCases()));
    var n = sync.nightly();
    RunState.LOG.info(String.format("nightly checks: %d follow-up tasks issued, %d cases with a later-approval"
        + " suggestion, %d escalated, %d routed, %d split pieces joined to their case", n.followUps(),
        n.laterApprovals(), n.escalated(), n.routed(), n.parts()));
    n.deadlines().forEach(d -> RunState.LOG.info("deadline " + d.state() + ": case " + d.caseId() + " " + d.window()
        + " " + d.due() + (d.nextStep() == null ? "" : ", next step: " + d.nextStep())));
    RunState.LOG.info(n.deadlineLine());
    long t0 = System.nanoTime();
    TaskPlanner.Plan plan = TaskPlanner.plan(sync.tasks(), small.villages(), toLonLat);
    long t1 = System.nanoTime();
    List<Path> files = TaskOutputs.write(run, plan, small.villages(), toLonLat, results, background);
    RunState.LOG.info(String.format(java.util.Locale.ROOT, "cases and tasks: store %.2f s, routes %.2f s, task"
        + " outputs %.2f s", (t0 - started) / 1e9, (t1 - t0) / 1e9, (System.nanoTime() - t1) / 1e9));
    run.stage("cases and tasks");
    return new CasesAndTasks(sync, plan, files);
  }
}
