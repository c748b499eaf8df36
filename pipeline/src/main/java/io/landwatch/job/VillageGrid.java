package io.landwatch.job;

import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.geo.Crs;
import io.landwatch.model.Village;
import io.landwatch.prepare.LayerLoader;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.Records;
import io.landwatch.prepare.RepairReport;
import io.landwatch.store.PatrolCoverage;
import java.util.List;

/** The job's village grid (村 with township and inspector) in CGCS2000 lon/lat, for patrols and coverage. */
public final class VillageGrid {
  private VillageGrid() {}

  /** Every usable village of the job's village layer; a job without one is refused. */
  public static List<Village> read(JobConfig job) {
    if (job.villages() == null) {
      throw LandwatchException.invalidJob("The job has no villages layer (inputs.villages): patrols and coverage"
          + " are counted per village.");
    }
    return LayerLoader.load(job.villages(), Crs.epsg(Crs.CGCS2000), job.villages().field("village"), new Quarantine(),
        new RepairReport(), job.progressSeconds(), Records.villages(job.villages())).records();
  }

  /** The grid as coverage counts it. */
  public static List<PatrolCoverage.Village> names(JobConfig job) {
    return read(job).stream().map(v -> new PatrolCoverage.Village(v.township(), v.village(), v.inspector())).toList();
  }
}
