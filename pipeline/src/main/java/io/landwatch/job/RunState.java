package io.landwatch.job;

import io.landwatch.config.JobConfig;
import io.landwatch.config.LayerSpec;
import io.landwatch.model.LayerCount;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.RepairReport;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What the stages of one run share: the job, the run date, the folder the run writes into, and
 * what the run collects as it goes (quarantine, repairs, record counts, warnings, stage times).
 */
final class RunState {
  static final Logger LOG = Logger.getLogger("landwatch");

  final JobConfig job;
  final LocalDate runDate;
  final Path out;
  final Instant started = Instant.now();
  final Quarantine quarantine = new Quarantine();
  final RepairReport repairs = new RepairReport();
  final List<LayerCount> counts = new ArrayList<>();
  final List<String> warnings = new ArrayList<>();
  final Map<String, Double> stageSeconds = new LinkedHashMap<>();
  private long stageStart = System.nanoTime();

  RunState(JobConfig job, LocalDate runDate, Path out) {
    this.job = job;
    this.runDate = runDate;
    this.out = out;
  }

  /** Closes a stage: logs and records its wall time. */
  void stage(String name) {
    long now = System.nanoTime();
    double secs = (now - stageStart) / 1e9;
    stageStart = now;
    stageSeconds.put(name, Math.round(secs * 1000) / 1000.0);
    LOG.info(String.format(Locale.ROOT, "stage %s: %.2f s", name, secs));
  }

  /** A layer's record count; its quarantined records are counted from the quarantine. */
  LayerCount count(LayerSpec spec, long in, long used) {
    return new LayerCount(spec.name(), spec.path().toString(), in, used, quarantine.count(spec.name()));
  }

  void warn(String warning) {
    LOG.warning(warning);
    warnings.add(warning);
  }

  /** Every layer's records in = used + quarantined, or a bug. */
  void checkBalance() {
    for (LayerCount c : counts) {
      if (!c.balanced()) {
        throw new IllegalStateException("record balance broken for " + c.layer() + ": in "
            + c.recordsIn() + " ≠ used " + c.used() + " + quarantined " + c.quarantined());
      }
    }
  }
}
