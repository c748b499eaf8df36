package io.landwatch.job;

import io.landwatch.config.JobConfig;
import io.landwatch.store.CaseStore;
import io.landwatch.store.LeadFile;
import io.landwatch.store.LeadSync;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code landwatch leads import}: reads a leads file, judges the new leads against the job's
 * layers (polygons as patches, points for what lies there) and brings them into the case store.
 */
public final class LeadImport {
  private LeadImport() {}

  /**
   * @param options how the file is read (datum of its lon/lat, default channel, charset, dates)
   * @param partial apply the accepted leads even when others are rejected
   */
  public static LeadSync.Report run(JobConfig job, CaseStore store, Path file, LeadFile.Options options,
      boolean partial, LocalDate today) {
    LeadFile.Parsed parsed = LeadFile.read(file, options);
    Map<String, String> known = new HashMap<>();
    store.leads().forEach(l -> known.putIfAbsent(l.leadId(), l.fingerprint()));
    List<SiteJudge.Site> fresh = new ArrayList<>();
    for (var l : parsed.leads()) {
      if (!known.containsKey(l.id())) {
        fresh.add(new SiteJudge.Site(l.id(), l.lonLat(), l.reportedOn()));
      }
    }
    SiteJudge judge = SiteJudge.of(job);
    List<SiteJudge.Judged> judged = judge.judge(fresh, today);
    List<LeadSync.Judged> leads = new ArrayList<>();
    int k = 0;
    for (var l : parsed.leads()) {
      if (known.containsKey(l.id())) {
        // already in the store: the sync reports it as such (or as a clash), nothing to judge
        leads.add(new LeadSync.Judged(l, null, null, null));
      } else {
        SiteJudge.Judged j = judged.get(k++);
        leads.add(new LeadSync.Judged(l, j.area(), j.point(), j.problem() == null ? null
            : "the polygon cannot be used: " + j.problem()));
      }
    }
    RunState.LOG.info("leads " + file + ": " + parsed.leads().size() + " read, " + parsed.rejected().size()
        + " unreadable, " + fresh.size() + " new judged");
    return new LeadSync(store, judge.toLonLat(), judge.toWorking(), job.rules())
        .apply(file, leads, parsed.rejected(), partial, today);
  }
}
