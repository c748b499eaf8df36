package io.landwatch.detect;

import com.fasterxml.jackson.databind.JsonNode;
import io.landwatch.LandwatchException;
import io.landwatch.config.Suggest;
import io.landwatch.prepare.DateParser;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * Settings of {@code landwatch detect} (docs/DETECT.md explains each rule's reasoning).
 *
 * @param red 1-based band index of red
 * @param nir band of near infrared
 * @param green band of green, or 0 (enables the water rules)
 * @param blue band of blue, or 0 (brightness uses the visible bands present)
 * @param ndviDrop vegetation loss: NDVI before − NDVI after at least this
 * @param brightnessIncrease construction / bare soil: visible brightness up by at least this ...
 * @param bareNdviMax ... and NDVI after at most this
 * @param waterChange water filled or drained: |NDWI after − NDWI before| at least this, crossing 0
 * @param openingRadius morphological opening radius in pixels (0 = none)
 * @param minAreaM2 patches below this ellipsoidal area are dropped
 * @param simplify simplify outlines, never moving an edge by more than half a pixel
 * @param countyCode first part of the patch ids (ministry style: county code + year + sequence)
 * @param beforeDate date of the before image, or null to read it from the raster metadata
 * @param afterDate date of the after image, or null likewise
 * @param mask optional cloud/shadow mask raster (non-zero = masked), or null
 * @param blockSize pixels per block side
 * @param radiometry how the two dates are made comparable
 */
public record DetectConfig(int red, int nir, int green, int blue, double ndviDrop,
    double brightnessIncrease, double bareNdviMax, double waterChange, int openingRadius,
    double minAreaM2, boolean simplify, String countyCode, LocalDate beforeDate, LocalDate afterDate,
    Path mask, int blockSize, Radiometry radiometry) {

  /**
   * How the two dates are made comparable (key {@code radiometry:}).
   *
   * @param method adaptive (default: relative normalisation and a per-scene threshold) or fixed (the
   *     reflectance thresholds of rules: applied as they are)
   * @param changeProbability the no-change quantile of the adaptive threshold
   * @param scale per band (red, nir, green, blue) the factor from stored values to reflectance,
   *     replacing the file's scale tag or the DN assumption
   * @param offset per band, likewise
   */
  public record Radiometry(String method, double changeProbability, Map<String, Double> scale,
      Map<String, Double> offset) {
    public static final Radiometry DEFAULT = new Radiometry("adaptive", 0.9999, Map.of(), Map.of());

    public boolean adaptive() {
      return method.equals("adaptive");
    }
  }

  private static final Set<String> KEYS = Set.of("bands", "rules", "clean", "id", "dates", "mask", "block_size",
      "radiometry");

  /** The first releases' constructor: fixed-threshold radiometry is chosen with {@link #withRadiometry}. */
  public DetectConfig(int red, int nir, int green, int blue, double ndviDrop, double brightnessIncrease,
      double bareNdviMax, double waterChange, int openingRadius, double minAreaM2, boolean simplify, String countyCode,
      LocalDate beforeDate, LocalDate afterDate, Path mask, int blockSize) {
    this(red, nir, green, blue, ndviDrop, brightnessIncrease, bareNdviMax, waterChange, openingRadius, minAreaM2,
        simplify, countyCode, beforeDate, afterDate, mask, blockSize, Radiometry.DEFAULT);
  }

  public static DetectConfig defaults() {
    return new DetectConfig(1, 2, 0, 0, 0.25, 0.10, 0.20, 0.30, 1, 400, false, "000000", null, null, null, 1024);
  }

  public DetectConfig withRadiometry(Radiometry r) {
    return new DetectConfig(red, nir, green, blue, ndviDrop, brightnessIncrease, bareNdviMax, waterChange,
        openingRadius, minAreaM2, simplify, countyCode, beforeDate, afterDate, mask, blockSize, r);
  }

  public DetectConfig withDates(LocalDate before, LocalDate after) {
    return new DetectConfig(red, nir, green, blue, ndviDrop, brightnessIncrease, bareNdviMax, waterChange,
        openingRadius, minAreaM2, simplify, countyCode, before == null ? beforeDate : before,
        after == null ? afterDate : after, mask, blockSize, radiometry);
  }

  public DetectConfig withBlockSize(int size) {
    return new DetectConfig(red, nir, green, blue, ndviDrop, brightnessIncrease, bareNdviMax, waterChange,
        openingRadius, minAreaM2, simplify, countyCode, beforeDate, afterDate, mask, size, radiometry);
  }

  public DetectConfig withMask(Path m) {
    return new DetectConfig(red, nir, green, blue, ndviDrop, brightnessIncrease, bareNdviMax, waterChange,
        openingRadius, minAreaM2, simplify, countyCode, beforeDate, afterDate, m, blockSize, radiometry);
  }

  /** Reads a detect.yaml; every key is optional. */
  public static DetectConfig load(Path file) {
    JsonNode root;
    try {
      root = io.landwatch.config.YamlTree.read(file, "Detect config");
    } catch (IOException e) {
      throw LandwatchException.invalidJob("Detect config " + file + " cannot be read: " + e.getMessage());
    }
    DetectConfig d = defaults();
    if (root == null || root.isNull()) {
      return d;
    }
    check(file, root, "", KEYS);
    JsonNode b = root.path("bands");
    check(file, b, "bands", Set.of("red", "nir", "green", "blue"));
    JsonNode r = root.path("rules");
    check(file, r, "rules", Set.of("ndvi_drop", "brightness_increase", "bare_ndvi_max", "water_change"));
    JsonNode c = root.path("clean");
    check(file, c, "clean", Set.of("opening_radius_px", "min_area_m2", "simplify"));
    JsonNode id = root.path("id");
    check(file, id, "id", Set.of("county_code"));
    JsonNode dates = root.path("dates");
    check(file, dates, "dates", Set.of("before", "after"));
    Path base = file.toAbsolutePath().getParent();
    return new DetectConfig(b.path("red").asInt(d.red()), b.path("nir").asInt(d.nir()),
        b.path("green").asInt(0), b.path("blue").asInt(0),
        r.path("ndvi_drop").asDouble(d.ndviDrop()), r.path("brightness_increase").asDouble(d.brightnessIncrease()),
        r.path("bare_ndvi_max").asDouble(d.bareNdviMax()), r.path("water_change").asDouble(d.waterChange()),
        c.path("opening_radius_px").asInt(d.openingRadius()), c.path("min_area_m2").asDouble(d.minAreaM2()),
        c.path("simplify").asBoolean(false), id.path("county_code").asText(d.countyCode()),
        date(file, dates, "before"), date(file, dates, "after"),
        root.hasNonNull("mask") ? base.resolve(root.get("mask").asText()) : null,
        root.path("block_size").asInt(d.blockSize()), radiometry(file, root.path("radiometry")));
  }

  private static Radiometry radiometry(Path file, JsonNode r) {
    check(file, r, "radiometry", Set.of("method", "change_probability", "scale", "offset"));
    String method = r.path("method").asText("adaptive");
    if (!method.equals("adaptive") && !method.equals("fixed")) {
      throw LandwatchException.invalidJob("Detect config " + file + ": 'radiometry.method' is '" + method
          + "'; use adaptive or fixed. See docs/DETECT.md.");
    }
    double p = r.path("change_probability").asDouble(Radiometry.DEFAULT.changeProbability());
    if (!(p > 0.5 && p < 1)) {
      throw LandwatchException.invalidJob("Detect config " + file + ": 'radiometry.change_probability' must be"
          + " between 0.5 and 1 (e.g. 0.9999), got " + p + ".");
    }
    return new Radiometry(method, p, perBand(file, r.path("scale"), "scale"), perBand(file, r.path("offset"), "offset"));
  }

  private static Map<String, Double> perBand(Path file, JsonNode n, String key) {
    check(file, n, "radiometry." + key, Set.of("red", "nir", "green", "blue"));
    Map<String, Double> m = new java.util.TreeMap<>();
    n.fields().forEachRemaining(e -> {
      if (!e.getValue().isNumber()) {
        throw LandwatchException.invalidJob("Detect config " + file + ": 'radiometry." + key + "." + e.getKey()
            + "' must be a number, got '" + e.getValue().asText() + "'.");
      }
      m.put(e.getKey(), e.getValue().asDouble());
    });
    return Map.copyOf(m);
  }

  private static LocalDate date(Path file, JsonNode dates, String key) {
    if (!dates.hasNonNull(key)) {
      return null;
    }
    try {
      return DateParser.parse(dates.get(key).asText());
    } catch (DateParser.InvalidDate e) {
      throw LandwatchException.invalidJob("Detect config " + file + ": 'dates." + key + "' = '" + e.value()
          + "' is not a date; write 2023-04-15.");
    }
  }

  private static void check(Path file, JsonNode n, String at, Set<String> allowed) {
    if (n.isMissingNode() || n.isNull()) {
      return;
    }
    Iterator<String> it = n.fieldNames();
    while (it.hasNext()) {
      String k = it.next();
      if (!allowed.contains(k)) {
        throw LandwatchException.invalidJob("Detect config " + file + ": '" + (at.isEmpty() ? k : at + "." + k)
            + "' is not a known key." + Suggest.didYouMean(k, allowed) + " See docs/DETECT.md.");
      }
    }
  }
}
