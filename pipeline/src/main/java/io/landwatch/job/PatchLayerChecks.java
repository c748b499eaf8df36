package io.landwatch.job;

import io.landwatch.LandwatchException;
import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.geo.WorkingCrs;
import io.landwatch.judge.PatchResult;
import io.landwatch.read.LayerSource;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;

/** What the patch layer decides for the whole run: the working CRS, and whether anything was judged. */
final class PatchLayerChecks {
  private PatchLayerChecks() {}

  /** The patch layer's projected CRS, or the Gauss-Krüger zone of its (well-placed) records. */
  static Crs workingCrs(LayerSpec patches) {
    try (LayerSource src = LayerSource.open(patches)) {
      return workingCrs(src);
    }
  }

  /** As {@link #workingCrs(LayerSpec)}, from the patch layer opened by the caller. */
  static Crs workingCrs(LayerSource patches) {
    Crs crs = patches.requireCrs();
    double[] e = crs.isGeographic() ? patches.extentInside(patches.checkCoordinatesFitCrs()) : null;
    return WorkingCrs.choose(crs, e == null ? new Envelope() : new Envelope(e[0], e[1], e[2], e[3]));
  }

  /**
   * A run that judges nothing from a layer that has records is an error, not an empty success:
   * the patches are all unusable, or the where: filter matches none of them.
   */
  static void requireJudged(RunState run, List<PatchResult> results, long recordsIn) {
    if (!results.isEmpty()) {
      return;
    }
    LayerSpec p = run.job.patches();
    if (recordsIn > 0) {
      throw LandwatchException.invalidInput("inputs.patches: none of the " + recordsIn + " records of "
          + p.path() + " could be judged; quarantined: " + run.quarantine.table().getOrDefault(p.name(), Map.of())
          + ". First reasons: " + run.quarantine.entries().stream().filter(e -> e.layer().equals(p.name())).limit(3)
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
}
