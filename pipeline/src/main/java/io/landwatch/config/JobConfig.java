package io.landwatch.config;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The immutable configuration of one job: the job file merged with command-line overrides. Every
 * effective value is logged at start ({@link #describe()}).
 *
 * @param name job name
 * @param jobFile the job file, or null when built in code
 * @param patches the change patches (mandatory)
 * @param approvals approval layers (possibly several)
 * @param farmland farmland (耕地), or null when the job has none
 * @param basicFarmland permanent basic farmland (永久基本农田), or null
 * @param ecologicalRedline ecological protection red line (生态保护红线), or null
 * @param villages village polygons with their township, or null
 * @param rules judgment thresholds
 * @param outputDir where outputs go
 * @param threads worker threads for the judgment
 * @param progressSeconds interval between progress log lines
 * @param store the case store (GeoPackage), or null to keep none
 * @param taskLabels column name → header of the people-facing task outputs (HTML, XLSX)
 * @param formats extra formats of the judged patches for desktop GIS: gpkg, shp, gdb
 * @param shapefileEncoding text encoding of Shapefile outputs (GBK by default)
 * @param chineseLabels patches.csv and patches.xlsx with Chinese headers and values (output.labels: zh)
 * @param cache folder for the big layers' envelope caches (run.cache), or null to keep none
 */
public record JobConfig(
    String name,
    Path jobFile,
    LayerSpec patches,
    List<LayerSpec> approvals,
    LayerSpec farmland,
    LayerSpec basicFarmland,
    LayerSpec ecologicalRedline,
    LayerSpec villages,
    Rules rules,
    Path outputDir,
    int threads,
    int progressSeconds,
    Path store,
    Map<String, String> taskLabels,
    List<String> formats,
    String shapefileEncoding,
    boolean chineseLabels,
    Path cache) {

  public JobConfig {
    approvals = List.copyOf(approvals);
    formats = List.copyOf(formats);
  }

  /** All configured layers in reading order. */
  public List<LayerSpec> layers() {
    List<LayerSpec> all = new ArrayList<>();
    all.add(patches);
    all.addAll(approvals);
    for (LayerSpec s : new LayerSpec[] {farmland, basicFarmland, ecologicalRedline, villages}) {
      if (s != null) {
        all.add(s);
      }
    }
    return all;
  }

  public JobConfig withOutputDir(Path dir) {
    return new JobConfig(name, jobFile, patches, approvals, farmland, basicFarmland,
        ecologicalRedline, villages, rules, dir, threads, progressSeconds, store, taskLabels, formats, shapefileEncoding, chineseLabels, cache);
  }

  public JobConfig withThreads(int n) {
    return new JobConfig(name, jobFile, patches, approvals, farmland, basicFarmland,
        ecologicalRedline, villages, rules, outputDir, n, progressSeconds, store, taskLabels, formats, shapefileEncoding, chineseLabels, cache);
  }

  public JobConfig withStore(Path s) {
    return new JobConfig(name, jobFile, patches, approvals, farmland, basicFarmland,
        ecologicalRedline, villages, rules, outputDir, threads, progressSeconds, s, taskLabels, formats, shapefileEncoding, chineseLabels, cache);
  }

  /** The same job with other patch, approval and village layers (the distributed engine's local copies of remote ones). */
  public JobConfig withSmallLayers(LayerSpec p, List<LayerSpec> a, LayerSpec v) {
    return new JobConfig(name, jobFile, p, a, farmland, basicFarmland,
        ecologicalRedline, v, rules, outputDir, threads, progressSeconds, store, taskLabels, formats, shapefileEncoding, chineseLabels, cache);
  }

  /** Effective configuration as an ordered map, for the start log and the manifest. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("job", name);
    m.put("job_file", jobFile == null ? null : jobFile.toString());
    Map<String, Object> inputs = new LinkedHashMap<>();
    inputs.put("patches", describe(patches));
    List<Object> appr = new ArrayList<>();
    approvals.forEach(a -> appr.add(describe(a)));
    inputs.put("approvals", appr);
    inputs.put("farmland", describe(farmland));
    inputs.put("basic_farmland", describe(basicFarmland));
    inputs.put("ecological_redline", describe(ecologicalRedline));
    inputs.put("villages", describe(villages));
    m.put("inputs", inputs);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("tolerance_m2", rules.toleranceM2());
    r.put("referral_basic_farmland_mu", rules.referralBasicFarmlandMu());
    r.put("referral_other_farmland_mu", rules.referralOtherFarmlandMu());
    r.put("accountability_ratio", rules.accountabilityRatio());
    r.put("approval_kinds", rules.approvalKinds());
    r.put("due_days", new java.util.TreeMap<>(rules.dueDays()));
    r.put("earliest_date", rules.earliestDate().toString());
    r.put("result_types", new java.util.TreeMap<>(rules.resultTypes()));
    r.put("photo_max_distance_m", rules.photoMaxDistanceM());
    r.put("require_photo_to_close", rules.requirePhotoToClose());
    CaseRules c = rules.cases();
    r.put("deadlines", new java.util.TreeMap<>(Map.of("review_days", c.reviewDays(), "litigation_months",
        c.litigationMonths(), "enforcement_months", c.enforcementMonths(), "decision_days", c.decisionDays())));
    r.put("escalation_days", new java.util.TreeMap<>(Map.of("township", c.townshipAfterDays(), "county",
        c.countyAfterDays())));
    Map<String, Object> routing = new LinkedHashMap<>();
    routing.put("field", c.routingField());
    routing.put("table", new java.util.TreeMap<>(c.routing()));
    routing.put("default", c.routingDefault());
    r.put("routing", routing);
    r.put("joint_meeting", new java.util.TreeMap<>(Map.of("basic_farmland_mu", c.majorBasicFarmlandMu(), "referral",
        c.majorReferral(), "expanded", c.majorExpanded())));
    m.put("rules", r);
    m.put("output", Map.of("dir", outputDir.toString()));
    m.put("store", store == null ? null : store.toString());
    m.put("task_labels", new java.util.TreeMap<>(taskLabels));
    m.put("formats", formats);
    m.put("shapefile_encoding", shapefileEncoding);
    m.put("labels", chineseLabels ? "zh" : "en");
    m.put("threads", threads);
    m.put("progress_seconds", progressSeconds);
    m.put("cache", cache == null ? null : cache.toString());
    return m;
  }

  private static Map<String, Object> describe(LayerSpec s) {
    if (s == null) {
      return null;
    }
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("path", s.path().toString());
    m.put("layer", s.layer());
    m.put("encoding", s.encoding());
    m.put("crs", s.crs());
    m.put("where", s.where());
    m.put("fields", new java.util.TreeMap<>(s.fields()));
    if (s.geometry() != null) {
      m.put("geometry", s.geometry().isWkt()
          ? Map.of("wkt", s.geometry().wkt())
          : Map.of("x", s.geometry().x(), "y", s.geometry().y()));
    }
    return m;
  }
}
