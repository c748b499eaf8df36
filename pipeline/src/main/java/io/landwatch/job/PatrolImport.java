package io.landwatch.job;

import io.landwatch.config.JobConfig;
import io.landwatch.config.Suggest;
import io.landwatch.model.Village;
import io.landwatch.store.CaseStore;
import io.landwatch.store.PatrolFile;
import io.landwatch.store.PatrolSync;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;

/**
 * {@code landwatch patrol import}: a patrol log into the case store, each patrol placed on the
 * job's village grid by the villages it names and the villages its GPS track crosses.
 */
public final class PatrolImport {
  private PatrolImport() {}

  public static PatrolSync.Report run(JobConfig job, CaseStore store, Path file, String encoding, boolean partial,
      LocalDate today) {
    List<PatrolFile.Row> rows = PatrolFile.read(file, encoding, today);
    List<Village> grid = VillageGrid.read(job);
    List<PreparedGeometry> areas = grid.stream().map(v -> PreparedGeometryFactory.prepare(v.geometry())).toList();
    List<PatrolSync.Resolved> resolved = new ArrayList<>();
    for (PatrolFile.Row r : rows) {
      TreeSet<String> villages = new TreeSet<>();
      String problem = null;
      for (String name : r.villageNames()) {
        List<Village> hits = grid.stream().filter(v -> v.village().equals(name)
            && (r.township() == null || v.township().equals(r.township()))).toList();
        if (hits.isEmpty()) {
          problem = "unknown village '" + name + "'" + (r.township() == null ? "" : " in " + r.township()) + "."
              + Suggest.didYouMean(name, grid.stream().map(Village::village).toList())
              + " Villages are named as in the job's village layer";
          break;
        }
        if (hits.size() > 1) {
          problem = "village '" + name + "' is in " + hits.stream().map(Village::township).sorted().toList()
              + ": give the township (乡镇)";
          break;
        }
        villages.add(hits.get(0).township() + "/" + hits.get(0).village());
      }
      if (r.track() != null) {
        for (int i = 0; i < grid.size(); i++) {
          if (areas.get(i).intersects(r.track())) {
            villages.add(grid.get(i).township() + "/" + grid.get(i).village());
          }
        }
      }
      if (problem == null && r.problem() == null && villages.isEmpty()) {
        problem = r.track() != null ? "the track " + r.trackFile() + " crosses no village of the grid"
            : "no village: name the village (村) or give a GPS track (轨迹)";
      }
      resolved.add(new PatrolSync.Resolved(r, List.copyOf(villages), problem));
    }
    return PatrolSync.apply(store, file, resolved, partial);
  }
}
