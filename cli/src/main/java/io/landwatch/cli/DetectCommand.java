package io.landwatch.cli;

import io.landwatch.config.OutputFormat;
import io.landwatch.detect.ChangeDetector;
import io.landwatch.detect.DetectConfig;
import io.landwatch.detect.DetectedPatchWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code landwatch detect}: change patches from a before/after raster pair. */
@Command(name = "detect", mixinStandardHelpOptions = true,
    description = "Find candidate change patches in a before/after raster pair and write them in the"
        + " patches schema a job reads (JCBH, QSX, HSX, ...).")
final class DetectCommand implements Callable<Integer> {
  @Option(names = "--before", required = true, description = "The earlier image (any GDAL raster).")
  Path before;

  @Option(names = "--after", required = true, description = "The later image; its grid is the output grid.")
  Path after;

  @Option(names = "--out", required = true, description = "Output: .gpkg, .shp, .gdb or .geojson.")
  Path out;

  @Option(names = "--config", description = "Detect settings (YAML, see docs/DETECT.md).")
  Path config;

  @Option(names = "--format", description = "Output format when the extension does not say: gpkg, shp, gdb, geojson.")
  String format;

  @Option(names = "--before-date", description = "Date of the before image when its metadata has none.")
  LocalDate beforeDate;

  @Option(names = "--after-date", description = "Date of the after image when its metadata has none.")
  LocalDate afterDate;

  @Option(names = "--mask", description = "Cloud/shadow mask raster (non-zero = masked).")
  Path mask;

  @Option(names = "--block-size", description = "Pixels per block side (default 1024).")
  Integer blockSize;

  @Override
  public Integer call() {
    DetectConfig cfg = config == null ? DetectConfig.defaults() : DetectConfig.load(config);
    cfg = cfg.withDates(beforeDate, afterDate);
    if (mask != null) {
      cfg = cfg.withMask(mask);
    }
    if (blockSize != null) {
      cfg = cfg.withBlockSize(Math.max(16, blockSize));
    }
    ChangeDetector.Result r = new ChangeDetector(cfg, 10).detect(before, after);
    OutputFormat f = format != null ? OutputFormat.of(format) : OutputFormat.ofPath(out);
    DetectedPatchWriter.write(out, f, r, cfg.countyCode());
    System.out.printf("Detected %d change patches (%s → %s)%s; written to %s%n", r.patches().size(),
        r.before(), r.after(), r.warped() ? ", before image warped onto the after grid" : "", out);
    return 0;
  }
}
