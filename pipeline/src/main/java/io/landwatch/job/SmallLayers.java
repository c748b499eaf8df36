package io.landwatch.job;

import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import io.landwatch.model.Village;
import io.landwatch.prepare.LayerLoader;
import io.landwatch.prepare.Records;
import io.landwatch.read.LayerSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The small layers read whole in the working CRS: patches, approvals (every approval layer),
 * villages.
 *
 * @param patchRecordsIn records of the patch layer (after its where: filter)
 */
record SmallLayers(List<Patch> patches, long patchRecordsIn, List<Approval> approvals, List<Village> villages) {

  /** @param patchSource the patch layer, opened by the caller (who chose the working CRS from it) */
  static SmallLayers read(RunState run, LayerSource patchSource, Crs working) {
    var job = run.job;
    Records.DateWindow dates = new Records.DateWindow(job.rules().earliestDate(), run.runDate);
    var patches = load(run, patchSource, job.patches(), working, "id", Records.patches(job.patches(), dates));
    SmallLayers context = withoutPatches(run, working);
    RunState.LOG.info(String.format("read %d patches, %d approvals, %d villages", patches.records().size(),
        context.approvals().size(), context.villages().size()));
    return new SmallLayers(patches.records(), patches.recordsIn(), context.approvals(), context.villages());
  }

  /** Approvals and villages only: what shapes other than the patch layer's (leads, outlines) are judged against. */
  static SmallLayers withoutPatches(RunState run, Crs working) {
    var job = run.job;
    Records.DateWindow dates = new Records.DateWindow(job.rules().earliestDate(), run.runDate);
    List<Approval> approvals = new ArrayList<>();
    for (LayerSpec spec : job.approvals()) {
      var l = load(run, spec, working, "id", Records.approvals(spec, dates));
      approvals.addAll(l.records());
      run.counts.add(run.count(spec, l.recordsIn(), l.records().size()));
    }
    List<Village> villages = List.of();
    if (job.villages() != null) {
      var l = load(run, job.villages(), working, "village", Records.villages(job.villages()));
      villages = l.records();
      run.counts.add(run.count(job.villages(), l.recordsIn(), l.records().size()));
    }
    return new SmallLayers(List.of(), 0, approvals, villages);
  }

  private static <T> LayerLoader.Loaded<T> load(RunState run, LayerSpec spec, Crs working, String idRole,
      LayerLoader.Mapper<T> mapper) {
    try (LayerSource src = LayerSource.open(spec)) {
      return load(run, src, spec, working, idRole, mapper);
    }
  }

  private static <T> LayerLoader.Loaded<T> load(RunState run, LayerSource src, LayerSpec spec, Crs working,
      String idRole, LayerLoader.Mapper<T> mapper) {
    var loaded = LayerLoader.load(src, spec, working, spec.field(idRole), run.quarantine, run.repairs,
        run.job.progressSeconds(), mapper);
    if (loaded.textCheck().looksWrong()) {
      run.warn(LayerLoader.encodingWarning(spec, loaded.textCheck()));
    }
    return loaded;
  }
}
