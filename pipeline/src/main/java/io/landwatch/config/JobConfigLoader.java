package io.landwatch.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.landwatch.LandwatchException;
import io.landwatch.util.Charsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a job file (YAML) into a {@link JobConfig}. Strict: an unknown key or a value of the wrong
 * type fails with the key's path, the file, and a suggestion, because a misspelt key silently
 * ignored would change verdicts.
 */
public final class JobConfigLoader {
  private static final Set<String> TOP_KEYS = Set.of("job", "inputs", "rules", "output", "run", "store");
  private static final Set<String> LAYER_KEYS =
      Set.of("path", "layer", "encoding", "crs", "where", "wkt", "x", "y", "lon", "lat");
  private static final Set<String> RULE_KEYS = Set.of("tolerance_m2", "referral_basic_farmland_mu",
      "referral_other_farmland_mu", "accountability_ratio", "approval_kinds", "due_days", "earliest_date", "result_types",
      "photo_max_distance_m", "require_photo_to_close", "deadlines", "escalation_days", "routing", "joint_meeting");
  private static final Set<String> OUTPUT_KEYS = Set.of("dir", "task_labels", "formats", "shapefile_encoding", "labels");
  private static final Set<String> RUN_KEYS = Set.of("threads", "progress_seconds", "cache");

  private final Path file;

  private JobConfigLoader(Path file) {
    this.file = file;
  }

  public static JobConfig load(Path jobFile) {
    return new JobConfigLoader(jobFile.toAbsolutePath().normalize()).read();
  }

  private JobConfig read() {
    if (!Files.isRegularFile(file)) {
      throw LandwatchException.invalidJob("Job file " + file + " does not exist or is not a file."
          + " Check the path, or create one from config/example-job.yaml.");
    }
    JsonNode root;
    try {
      root = YamlTree.read(file, "Job file");
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw LandwatchException.invalidJob("Job file " + file + " is not valid YAML" + where + ": "
          + e.getOriginalMessage() + ". Fix the syntax (indentation, colons, quotes) and run validate again.");
    } catch (IOException e) {
      throw LandwatchException.invalidJob("Job file " + file + " cannot be read: " + e.getMessage());
    }
    if (root == null || !root.isObject()) {
      throw error("", "the job file must be a mapping with at least 'inputs: {patches: ...}'");
    }
    checkKeys(root, "", TOP_KEYS);
    Path base = file.getParent();
    String name = root.has("job") ? text(root.get("job"), "job") : stem(file);

    JsonNode inputs = root.get("inputs");
    if (inputs == null || !inputs.isObject()) {
      throw error("inputs", "is missing; a job needs at least 'inputs: {patches: {path: ...}}'");
    }
    Set<String> roleKeys = new LinkedHashSet<>();
    for (LayerRole r : LayerRole.values()) {
      roleKeys.add(r.key());
    }
    checkKeys(inputs, "inputs", roleKeys);
    if (!inputs.has("patches") || inputs.get("patches").isNull()) {
      throw error("inputs.patches", "is missing; the change patches layer is mandatory");
    }
    LayerSpec patches = layer(inputs.get("patches"), LayerRole.PATCHES, "patches", base);
    List<LayerSpec> approvals = new ArrayList<>();
    JsonNode a = inputs.get("approvals");
    if (a != null && !a.isNull()) {
      ArrayNode list = a.isArray() ? (ArrayNode) a : com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode().add(a);
      for (int i = 0; i < list.size(); i++) {
        approvals.add(layer(list.get(i), LayerRole.APPROVALS, "approvals[" + i + "]", base));
      }
    }
    LayerSpec farmland = optionalLayer(inputs, LayerRole.FARMLAND, base);
    LayerSpec basic = optionalLayer(inputs, LayerRole.BASIC_FARMLAND, base);
    LayerSpec eco = optionalLayer(inputs, LayerRole.ECOLOGICAL_REDLINE, base);
    LayerSpec villages = optionalLayer(inputs, LayerRole.VILLAGES, base);

    Rules rules = rules(root.get("rules"));
    Path outDir = base.resolve("out");
    Map<String, String> labels = new java.util.LinkedHashMap<>(TaskLabels.CHINESE);
    List<String> formats = new ArrayList<>();
    String shpEncoding = "GBK";
    boolean chinese = false;
    JsonNode out = root.get("output");
    if (out != null && !out.isNull()) {
      requireObject(out, "output");
      checkKeys(out, "output", OUTPUT_KEYS);
      if (out.has("dir")) {
        outDir = resolve(base, text(out.get("dir"), "output.dir"), "output.dir");
      }
      JsonNode fm = out.get("formats");
      if (fm != null && !fm.isNull()) {
        if (!fm.isArray()) {
          throw error("output.formats", "must be a list such as [gpkg, shp, gdb]");
        }
        for (int i = 0; i < fm.size(); i++) {
          String f = text(fm.get(i), "output.formats[" + i + "]");
          try {
            formats.add(OutputFormat.of(f).extension());
          } catch (io.landwatch.LandwatchException e) {
            throw error("output.formats[" + i + "]", "is '" + f + "'; use gpkg, shp, gdb or geojson");
          }
        }
      }
      if (out.hasNonNull("shapefile_encoding")) {
        shpEncoding = text(out.get("shapefile_encoding"), "output.shapefile_encoding");
        if (!Charsets.known(shpEncoding)) {
          throw error("output.shapefile_encoding", "is '" + shpEncoding + "', not a known encoding; use GBK or UTF-8");
        }
      }
      if (out.hasNonNull("labels")) {
        String l = text(out.get("labels"), "output.labels");
        if (!l.equals("zh") && !l.equals("en")) {
          throw error("output.labels", "is '" + l + "'; use zh (Chinese headers and values in patches.csv and"
              + " patches.xlsx) or en (the default)");
        }
        chinese = l.equals("zh");
      }
      JsonNode tl = out.get("task_labels");
      if (tl != null && !tl.isNull()) {
        requireObject(tl, "output.task_labels");
        checkKeys(tl, "output.task_labels", TaskLabels.CHINESE.keySet());
        tl.fields().forEachRemaining(e -> labels.put(e.getKey(), text(e.getValue(), "output.task_labels." + e.getKey())));
      }
    }
    int threads = Runtime.getRuntime().availableProcessors();
    int progress = 10;
    Path cache = base.resolve(".landwatch-cache");
    JsonNode run = root.get("run");
    if (run != null && !run.isNull()) {
      requireObject(run, "run");
      checkKeys(run, "run", RUN_KEYS);
      if (run.has("threads")) {
        threads = (int) positive(run.get("threads"), "run.threads");
      }
      if (run.has("progress_seconds")) {
        progress = (int) positive(run.get("progress_seconds"), "run.progress_seconds");
      }
      if (run.hasNonNull("cache")) {
        String c = text(run.get("cache"), "run.cache");
        cache = c.equalsIgnoreCase("none") ? null : resolve(base, c, "run.cache");
      }
    }
    Path store = base.resolve("landwatch.gpkg");
    if (root.hasNonNull("store")) {
      String st = text(root.get("store"), "store");
      store = st.equalsIgnoreCase("none") ? null : resolve(base, st, "store");
    }
    return new JobConfig(name, file, patches, approvals, farmland, basic, eco, villages, rules,
        outDir, threads, progress, store, java.util.Collections.unmodifiableMap(labels), formats,
        Charsets.normalize(shpEncoding), chinese, cache);
  }

  private LayerSpec optionalLayer(JsonNode inputs, LayerRole role, Path base) {
    JsonNode n = inputs.get(role.key());
    return n == null || n.isNull() ? null : layer(n, role, role.key(), base);
  }

  private LayerSpec layer(JsonNode n, LayerRole role, String name, Path base) {
    String at = "inputs." + name;
    if (n.isTextual()) {
      return new LayerSpec(role, name, resolve(base, n.asText(), at), null, null, null, null,
          Map.copyOf(role.defaultFields()), Set.of(), null);
    }
    requireObject(n, at);
    Set<String> allowed = new LinkedHashSet<>(LAYER_KEYS);
    allowed.addAll(role.defaultFields().keySet());
    checkKeys(n, at, allowed);
    if (!n.hasNonNull("path")) {
      throw error(at + ".path", "is missing; give the file (relative to the job file) holding this layer");
    }
    String pathText = text(n.get("path"), at + ".path");
    String uri = null;
    Path path;
    if (pathText.matches("^[A-Za-z][A-Za-z0-9+.-]*://.*")) {
      // a Hadoop file system URI: the distributed engine reads it; path only names the layer
      uri = pathText;
      try {
        path = Path.of(new java.net.URI(pathText).getPath());
      } catch (java.net.URISyntaxException | IllegalArgumentException | NullPointerException e) {
        throw error(at + ".path", "is '" + pathText + "', which starts like a URI (scheme://) but is"
            + " not one; give a file path, or a Hadoop URI such as hdfs://namenode/data/gd.parquet");
      }
    } else {
      path = resolve(base, pathText, at + ".path");
    }
    Map<String, String> fields = new HashMap<>(role.defaultFields());
    Set<String> explicit = new LinkedHashSet<>();
    for (String f : role.defaultFields().keySet()) {
      if (n.hasNonNull(f)) {
        fields.put(f, text(n.get(f), at + "." + f));
        explicit.add(f);
      }
    }
    String wkt = optText(n, "wkt", at);
    String x = n.has("x") ? optText(n, "x", at) : optText(n, "lon", at);
    String y = n.has("y") ? optText(n, "y", at) : optText(n, "lat", at);
    LayerSpec.TableGeometry geometry = null;
    if (wkt != null) {
      geometry = new LayerSpec.TableGeometry(wkt, null, null);
    } else if (x != null || y != null) {
      if (x == null || y == null) {
        throw error(at, "names only one coordinate column; give both 'lon' and 'lat' (or 'x' and 'y')");
      }
      geometry = new LayerSpec.TableGeometry(null, x, y);
    }
    return new LayerSpec(role, name, path, optText(n, "layer", at), optText(n, "encoding", at),
        optText(n, "crs", at), optText(n, "where", at), Map.copyOf(fields), Set.copyOf(explicit), geometry, uri);
  }

  private Rules rules(JsonNode n) {
    Rules d = Rules.defaults();
    if (n == null || n.isNull()) {
      return d;
    }
    requireObject(n, "rules");
    checkKeys(n, "rules", RULE_KEYS);
    List<String> kinds = new ArrayList<>();
    JsonNode k = n.get("approval_kinds");
    if (k != null && !k.isNull()) {
      if (!k.isArray()) {
        throw error("rules.approval_kinds", "must be a list of approval kinds, e.g. [农用地转用, 临时用地]");
      }
      for (int i = 0; i < k.size(); i++) {
        kinds.add(text(k.get(i), "rules.approval_kinds[" + i + "]"));
      }
    }
    Map<String, Integer> due = new java.util.TreeMap<>(Rules.DEFAULT_DUE_DAYS);
    JsonNode dd = n.get("due_days");
    if (dd != null && !dd.isNull()) {
      requireObject(dd, "rules.due_days");
      checkKeys(dd, "rules.due_days", Rules.DEFAULT_DUE_DAYS.keySet());
      dd.fields().forEachRemaining(e -> due.put(e.getKey(), (int) positive(e.getValue(), "rules.due_days." + e.getKey())));
    }
    return new Rules(
        num(n, "tolerance_m2", d.toleranceM2()),
        num(n, "referral_basic_farmland_mu", d.referralBasicFarmlandMu()),
        num(n, "referral_other_farmland_mu", d.referralOtherFarmlandMu()),
        num(n, "accountability_ratio", d.accountabilityRatio()),
        List.copyOf(kinds), Map.copyOf(due), earliest(n, d.earliestDate()), resultTypes(n.get("result_types")),
        num(n, "photo_max_distance_m", d.photoMaxDistanceM()), flag(n, "require_photo_to_close", d.requirePhotoToClose()),
        caseRules(n));
  }

  /** rules.deadlines, rules.escalation_days and rules.routing. */
  private CaseRules caseRules(JsonNode n) {
    CaseRules d = CaseRules.DEFAULTS;
    JsonNode dl = n.get("deadlines");
    JsonNode esc = n.get("escalation_days");
    JsonNode r = n.get("routing");
    if (dl != null && !dl.isNull()) {
      requireObject(dl, "rules.deadlines");
      checkKeys(dl, "rules.deadlines", Set.of("review_days", "litigation_months", "enforcement_months", "decision_days"));
    }
    if (esc != null && !esc.isNull()) {
      requireObject(esc, "rules.escalation_days");
      checkKeys(esc, "rules.escalation_days", Set.of("township", "county"));
    }
    String field = null;
    Map<String, String> table = new java.util.TreeMap<>();
    String dflt = null;
    if (r != null && !r.isNull()) {
      requireObject(r, "rules.routing");
      checkKeys(r, "rules.routing", Set.of("field", "table", "default"));
      field = r.get("field") == null ? null : text(r.get("field"), "rules.routing.field");
      dflt = r.get("default") == null ? null : text(r.get("default"), "rules.routing.default");
      JsonNode t = r.get("table");
      if (t != null && !t.isNull()) {
        requireObject(t, "rules.routing.table");
        t.fields().forEachRemaining(e -> table.put(e.getKey(), text(e.getValue(), "rules.routing.table." + e.getKey())));
      }
      if (field == null && !table.isEmpty()) {
        throw error("rules.routing", "has a table but no field: name the patch field that holds a case's kind,"
            + " e.g. field: TBLX");
      }
    }
    JsonNode none = com.fasterxml.jackson.databind.node.NullNode.getInstance();
    JsonNode dln = dl == null ? none : dl;
    JsonNode escn = esc == null ? none : esc;
    int township = count(escn, "township", "rules.escalation_days.township", d.townshipAfterDays());
    int county = count(escn, "county", "rules.escalation_days.county", d.countyAfterDays());
    if (county < township) {
      throw error("rules.escalation_days", "county (" + county + ") comes before township (" + township + "); a task"
          + " goes to the township first");
    }
    JsonNode jm = n.get("joint_meeting");
    double majorBasic = d.majorBasicFarmlandMu();
    boolean majorReferral = d.majorReferral();
    boolean majorExpanded = d.majorExpanded();
    if (jm != null && !jm.isNull()) {
      requireObject(jm, "rules.joint_meeting");
      checkKeys(jm, "rules.joint_meeting", Set.of("basic_farmland_mu", "referral", "expanded"));
      majorBasic = num(jm, "basic_farmland_mu", majorBasic);
      majorReferral = flag(jm, "referral", majorReferral);
      majorExpanded = flag(jm, "expanded", majorExpanded);
    }
    return new CaseRules(count(dln, "review_days", "rules.deadlines.review_days", d.reviewDays()),
        count(dln, "litigation_months", "rules.deadlines.litigation_months", d.litigationMonths()),
        count(dln, "enforcement_months", "rules.deadlines.enforcement_months", d.enforcementMonths()),
        count(dln, "decision_days", "rules.deadlines.decision_days", d.decisionDays()), township, county, field,
        Map.copyOf(table), dflt, majorBasic, majorReferral, majorExpanded);
  }

  private int count(JsonNode parent, String key, String at, int dflt) {
    JsonNode v = parent.isNull() ? null : parent.get(key);
    return v == null || v.isNull() ? dflt : (int) positive(v, at);
  }

  private boolean flag(JsonNode parent, String key, boolean dflt) {
    JsonNode v = parent.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isBoolean()) {
      throw error("rules." + key, "must be true or false, got '" + v.asText() + "'");
    }
    return v.asBoolean();
  }

  /** The default result types, with the job's added or changed: type → illegal | legal | other. */
  private Map<String, String> resultTypes(JsonNode n) {
    Map<String, String> types = new java.util.TreeMap<>(Rules.DEFAULT_RESULT_TYPES);
    if (n == null || n.isNull()) {
      return Map.copyOf(types);
    }
    requireObject(n, "rules.result_types");
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String type = it.next();
      String meaning = text(n.get(type), "rules.result_types." + type);
      if (!Set.of("illegal", "legal", "other").contains(meaning)) {
        throw error("rules.result_types." + type, "is '" + meaning + "'; a result type means illegal, legal"
            + " (the task closes) or other (checked, stays open)");
      }
      types.put(type, meaning);
    }
    return Map.copyOf(types);
  }

  private java.time.LocalDate earliest(JsonNode parent, java.time.LocalDate dflt) {
    JsonNode v = parent.get("earliest_date");
    if (v == null || v.isNull()) {
      return dflt;
    }
    try {
      return java.time.LocalDate.parse(text(v, "rules.earliest_date"));
    } catch (java.time.format.DateTimeParseException e) {
      throw error("rules.earliest_date", "is '" + v.asText() + "', not a date; write it as 1972-07-23");
    }
  }

  private double num(JsonNode parent, String key, double dflt) {
    JsonNode v = parent.get(key);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (!v.isNumber()) {
      throw error("rules." + key, "must be a number, got '" + v.asText() + "'");
    }
    if (v.asDouble() < 0) {
      throw error("rules." + key, "must not be negative, got " + v.asText());
    }
    return v.asDouble();
  }

  private double positive(JsonNode v, String at) {
    if (!v.isIntegralNumber() || v.asLong() < 1) {
      throw error(at, "must be a whole number of at least 1, got '" + v.asText() + "'");
    }
    return v.asLong();
  }

  private void checkKeys(JsonNode n, String at, Set<String> allowed) {
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) {
        String path = at.isEmpty() ? k : at + "." + k;
        throw LandwatchException.invalidJob("Job file " + file + ": '" + path + "' is not a known key."
            + Suggest.didYouMean(k, allowed) + " Keys allowed " + (at.isEmpty() ? "at the top" : "under '" + at + "'")
            + ": " + String.join(", ", new java.util.TreeSet<>(allowed)) + ". See docs/CONFIG.md.");
      }
    }
  }

  private void requireObject(JsonNode n, String at) {
    if (!n.isObject()) {
      throw error(at, "must be a mapping (key: value lines), got '" + n.asText() + "'");
    }
  }

  private String optText(JsonNode parent, String key, String at) {
    JsonNode v = parent.get(key);
    return v == null || v.isNull() ? null : text(v, at + "." + key);
  }

  private String text(JsonNode v, String at) {
    if (!v.isValueNode()) {
      throw error(at, "must be a single value, got a " + (v.isArray() ? "list" : "mapping"));
    }
    String s = v.asText().trim();
    if (s.isEmpty()) {
      throw error(at, "must not be empty");
    }
    return s;
  }

  private LandwatchException error(String at, String what) {
    return LandwatchException.invalidJob("Job file " + file + ": '" + at + "' " + what
        + ". See docs/CONFIG.md for every key.");
  }

  /** A path of the job file, relative to the job file's folder. */
  private Path resolve(Path base, String text, String at) {
    try {
      return base.resolve(text).normalize();
    } catch (java.nio.file.InvalidPathException e) {
      throw error(at, "is '" + text.replace("\0", "\\0") + "', which is not a valid file path (" + e.getReason() + ")");
    }
  }

  private static String stem(Path p) {
    String s = p.getFileName().toString();
    int dot = s.lastIndexOf('.');
    return dot > 0 ? s.substring(0, dot) : s;
  }
}
