package io.landwatch.prepare;

import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.model.SourceRecord;
import io.landwatch.read.Attributes;
import io.landwatch.read.CheckedLayer;
import io.landwatch.read.LayerSource;
import io.landwatch.read.MojibakeCheck;
import io.landwatch.util.ProgressLog;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads a small layer (patches, approvals, villages) whole: attributes, prepared geometry in the
 * working CRS, and a mapping to a domain record. Records that fail go to quarantine; none is
 * dropped silently.
 */
public final class LayerLoader {

  /** Builds a domain record from a prepared source record, or rejects it. */
  @FunctionalInterface
  public interface Mapper<T> {
    T map(SourceRecord record, Geometry geometry) throws RecordRejected;
  }

  /** A record that cannot be used, with its category and reason. */
  public static final class RecordRejected extends Exception {
    private static final long serialVersionUID = 1L;
    private final String category;

    public RecordRejected(String category, String reason) {
      super(reason);
      this.category = category;
    }

    public String category() {
      return category;
    }
  }

  /** The outcome of loading one layer. */
  public record Loaded<T>(List<T> records, long recordsIn, TextCheck textCheck) {}

  /** What the mojibake check saw, for warnings. */
  public record TextCheck(boolean looksWrong, String example, String likelyCharset, String effective) {}

  private LayerLoader() {}

  public static <T> Loaded<T> load(LayerSpec spec, Crs working, String idField, Quarantine quarantine,
      RepairReport repairs, int progressSeconds, Mapper<T> mapper) {
    try (LayerSource src = LayerSource.open(spec)) {
      return load(src, spec, working, idField, quarantine, repairs, progressSeconds, mapper);
    }
  }

  /** As {@link #load(LayerSpec, Crs, String, Quarantine, RepairReport, int, Mapper)}, from {@code spec}'s source, opened and closed by the caller. */
  public static <T> Loaded<T> load(LayerSource src, LayerSpec spec, Crs working, String idField,
      Quarantine quarantine, RepairReport repairs, int progressSeconds, Mapper<T> mapper) {
    CheckedLayer checked = CheckedLayer.of(src, spec);
    Reprojector toWorking = Reprojector.between(checked.crs(), working);
    GeometryPreparer preparer = new GeometryPreparer(checked.bounds());
    MojibakeCheck text = new MojibakeCheck();
    String effective = src.encoding().effective();
    List<T> out = new ArrayList<>();
    ProgressLog progress = new ProgressLog(spec.name(), src.featureCount(), progressSeconds);
    long[] in = {0};
    Attributes fields = src.attributes();
    src.forEach(f -> {
      in[0]++;
      progress.step();
      SourceRecord rec = new SourceRecord(f.GetFID(), fields.read(f));
      rec.attributes().values().forEach(v -> {
        if (v instanceof String s) {
          text.examine(s, effective);
        }
      });
      String id = rec.text(idField);
      var result = preparer.prepare(src, f, toWorking, spec.name(), repairs);
      if (result instanceof GeometryPreparer.Rejected r) {
        quarantine.add(spec.name(), rec.record(), id, r.category(), r.reason());
        return;
      }
      try {
        out.add(mapper.map(rec, ((GeometryPreparer.Prepared) result).geometry()));
      } catch (RecordRejected e) {
        quarantine.add(spec.name(), rec.record(), id, e.category(), e.getMessage());
      }
    });
    progress.done();
    TextCheck check = new TextCheck(text.looksWrong(), text.example(), text.likelyCharset(), effective);
    return new Loaded<>(out, in[0], check);
  }

  /** The warning for text that looks decoded with the wrong charset. */
  public static String encodingWarning(LayerSpec spec, TextCheck check) {
    return "inputs." + spec.name() + " (" + spec.path().getFileName() + "): text such as '"
        + check.example() + "' looks like " + check.likelyCharset() + " decoded as " + check.effective()
        + " (mojibake). Add 'encoding: " + check.likelyCharset() + "' to inputs." + spec.name()
        + " in the job file (it overrides a .cpg), or correct the .cpg file beside the .shp.";
  }
}
