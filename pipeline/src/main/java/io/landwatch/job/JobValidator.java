package io.landwatch.job;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.config.LayerRole;
import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.prepare.GeometryPreparer;
import io.landwatch.prepare.LayerLoader;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.Records;
import io.landwatch.prepare.RepairReport;
import io.landwatch.read.CheckedLayer;
import io.landwatch.read.LayerSource;
import io.landwatch.util.ProgressLog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks a whole job without running it: every file opens, every mapped field exists, every CRS
 * resolves and fits the coordinates, dates parse; and counts records, quarantine reasons and
 * geometry repairs per layer. Every layer is checked even when an earlier one fails, so one
 * validate lists every problem.
 */
public final class JobValidator {
  private JobValidator() {}

  /** The check of one layer. {@code problem} is null when the layer can be used. */
  public record LayerCheck(String layer, String path, String driver, String crs, String encoding,
      long records, Map<String, Long> quarantine, Map<String, Long> repairs, List<String> warnings,
      String problem, ExitCode code) {}

  /** All layer checks; the job can run when none has a problem. */
  public record Report(JobConfig job, List<LayerCheck> layers) {
    public boolean ok() {
      return layers.stream().allMatch(l -> l.problem() == null);
    }

    public ExitCode exitCode() {
      return layers.stream().filter(l -> l.problem() != null).map(LayerCheck::code).findFirst()
          .orElse(ExitCode.OK);
    }
  }

  public static Report validate(JobConfig job) {
    List<LayerCheck> checks = new ArrayList<>();
    for (LayerSpec spec : job.layers()) {
      checks.add(check(spec, job.progressSeconds(),
          new Records.DateWindow(job.rules().earliestDate(), java.time.LocalDate.now())));
    }
    return new Report(job, checks);
  }

  private static LayerCheck check(LayerSpec spec, int progressSeconds, Records.DateWindow dates) {
    if (spec.remote()) {
      List<String> notes = new ArrayList<>(List.of("a Hadoop file system URI: read by the Spark engine"
          + " (run --engine spark), not checked here"));
      if (spec.crs() == null) {
        return new LayerCheck(spec.name(), spec.uri(), "", "", "", 0, Map.of(), Map.of(), notes,
            "inputs." + spec.name() + ": " + spec.uri() + " is read by Spark, which does not read .prj files:"
                + " add 'crs: EPSG:<code>' to inputs." + spec.name() + ".", ExitCode.INVALID_INPUT);
      }
      return new LayerCheck(spec.name(), spec.uri(), "Spark", spec.crs(), spec.encoding() == null ? "" : spec.encoding(),
          0, Map.of(), Map.of(), notes, null, ExitCode.OK);
    }
    Quarantine q = new Quarantine();
    RepairReport r = new RepairReport();
    List<String> warnings = new ArrayList<>();
    String driver = "";
    String crsLabel = "";
    String encoding = "";
    long records = 0;
    try {
      Crs crs;
      try (LayerSource src = LayerSource.open(spec)) {
        driver = src.driver();
        encoding = src.encoding().effective() + " (" + src.encoding().origin() + ")";
        crs = CheckedLayer.of(src, spec).crs();
        crsLabel = crs.label();
        if (spec.role().streamed()) {
          records = scanAll(src, spec, q, r, progressSeconds);
        }
      }
      if (!spec.role().streamed()) {
        LayerLoader.Loaded<?> loaded = LayerLoader.load(spec, crs, spec.field(idRole(spec.role())), q, r,
            progressSeconds, mapper(spec, dates));
        records = loaded.recordsIn();
        if (loaded.textCheck().looksWrong()) {
          warnings.add(LayerLoader.encodingWarning(spec, loaded.textCheck()));
        }
      }
    } catch (LandwatchException e) {
      return new LayerCheck(spec.name(), spec.path().toString(), driver, crsLabel, encoding, records,
          Map.of(), Map.of(), warnings, e.getMessage(), e.exitCode());
    }
    return new LayerCheck(spec.name(), spec.path().toString(), driver, crsLabel, encoding, records,
        q.table().getOrDefault(spec.name(), Map.of()), r.table().getOrDefault(spec.name(), Map.of()),
        warnings, null, ExitCode.OK);
  }

  private static String idRole(LayerRole role) {
    return role == LayerRole.VILLAGES ? "village" : "id";
  }

  private static LayerLoader.Mapper<?> mapper(LayerSpec spec, Records.DateWindow dates) {
    return switch (spec.role()) {
      case PATCHES -> Records.patches(spec, dates);
      case APPROVALS -> Records.approvals(spec, dates);
      case VILLAGES -> Records.villages(spec);
      default -> throw new IllegalArgumentException(spec.role().toString());
    };
  }

  /** Every record of a big layer through the geometry preparation, in its own CRS. */
  private static long scanAll(LayerSource src, LayerSpec spec, Quarantine q, RepairReport r,
      int progressSeconds) {
    if (spec.where() == null && spec.geometry() == null) {
      src.keepOnlyFields(List.of());
    }
    GeometryPreparer preparer = new GeometryPreparer();
    ProgressLog progress = new ProgressLog("validate " + spec.name(), src.featureCount(), progressSeconds);
    src.forEach(f -> {
      progress.step();
      if (preparer.prepare(src, f, null, spec.name(), r) instanceof GeometryPreparer.Rejected x) {
        q.add(spec.name(), f.GetFID(), "", x.category(), x.reason());
      }
    });
    progress.done();
    return progress.count();
  }
}
