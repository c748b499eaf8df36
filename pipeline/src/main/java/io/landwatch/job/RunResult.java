package io.landwatch.job;

import io.landwatch.geo.Crs;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.LayerCount;
import io.landwatch.plan.TaskPlanner;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.RepairReport;
import io.landwatch.store.CaseSync;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * What a run produced, for the writers and the CLI.
 *
 * @param results judged patches, sorted by patch id
 * @param counts in/out per layer
 * @param quarantine records not used
 * @param repairs geometry repairs
 * @param working the working CRS of the overlay
 * @param outputs files written
 * @param started start time
 * @param finished end time
 * @param outsideVillages patches in no village
 * @param cases what the run did to the case store, or null without a store
 * @param plan the patrol tasks and routes, or null without a store
 * @param warnings what the office must look at although the run succeeded (text that looks
 *     decoded with the wrong charset, ...); also in summary.json
 */
public record RunResult(List<PatchResult> results, List<LayerCount> counts, Quarantine quarantine,
    RepairReport repairs, Crs working, List<Path> outputs, Instant started, Instant finished,
    long outsideVillages, CaseSync.Report cases, TaskPlanner.Plan plan,
    List<String> warnings) {}
