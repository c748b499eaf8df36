package io.landwatch.store;

import io.landwatch.LandwatchException;
import io.landwatch.model.SourceRecord;
import io.landwatch.prepare.DateParser;
import io.landwatch.read.Attributes;
import io.landwatch.read.LayerSource;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads a patrol log (CSV or XLSX, English or Chinese headers): one row per patrol, with the
 * villages patrolled and/or a GPS track file, the findings (empty when nothing was found) and the
 * leads it produced. Rows that cannot be read carry their problem; villages are resolved later
 * against the job's village layer.
 */
public final class PatrolFile {
  /** Canonical column → the headers accepted for it, English first. */
  static final Map<String, List<String>> COLUMNS = columns();

  /**
   * One row as written.
   *
   * @param villageNames the villages named (村), possibly none when a track is given
   * @param track the GPS track, CGCS2000 lon/lat, or null
   * @param problem why the row cannot be used, or null
   */
  public record Row(int row, String patrolId, LocalDate patrolledOn, String inspector, String township,
      List<String> villageNames, String findings, List<String> leadIds, Geometry track, String trackFile,
      String problem) {}

  private PatrolFile() {}

  private static Map<String, List<String>> columns() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put("patrol_id", List.of("patrol_id", "巡查编号"));
    m.put("patrolled_on", List.of("patrolled_on", "date", "巡查日期", "日期"));
    m.put("inspector", List.of("inspector", "巡查人", "巡查人员", "网格员"));
    m.put("township", List.of("township", "乡镇", "乡镇名称"));
    m.put("village", List.of("village", "villages", "村", "巡查村", "村名称"));
    m.put("track", List.of("track", "轨迹", "轨迹文件"));
    m.put("findings", List.of("findings", "发现问题", "巡查情况", "发现情况"));
    m.put("leads", List.of("leads", "lead_ids", "线索编号"));
    return m;
  }

  /** @param today patrols dated later are refused */
  public static List<Row> read(Path file, String encoding, LocalDate today) {
    List<Row> out = new ArrayList<>();
    try (LayerSource src = LayerSource.open("patrols", file, null, encoding, null, null)) {
      Map<String, String> h = new LinkedHashMap<>();
      COLUMNS.forEach((c, names) -> h.put(c, Columns.find(src.fieldNames(), names)));
      if (h.get("patrolled_on") == null || h.get("village") == null && h.get("track") == null) {
        throw LandwatchException.invalidInput("patrol file " + file + " needs the columns patrolled_on (巡查日期),"
            + " inspector (巡查人), village (村) and/or track (轨迹), findings (发现问题), leads (线索编号); it has: "
            + String.join(", ", src.fieldNames()) + ". See docs/FIELD.md (patrol log).");
      }
      Attributes fields = src.attributes();
      src.forEach(f -> {
        int row = out.size() + 2;
        SourceRecord rec = new SourceRecord(f.GetFID(), fields.read(f));
        java.util.function.Function<String, String> cell = c -> rec.text(h.get(c));
        String problem = null;
        LocalDate day = null;
        try {
          day = DateParser.parse(cell.apply("patrolled_on"));
          if (day == null) {
            problem = "patrolled_on (巡查日期) is empty";
          } else if (day.isAfter(today)) {
            problem = "patrolled_on " + day + " is in the future";
          }
        } catch (DateParser.InvalidDate e) {
          problem = "patrolled_on '" + e.value() + "' is not a date (write 2023-07-01)";
        }
        Geometry track = null;
        String trackFile = cell.apply("track");
        if (trackFile != null && problem == null) {
          try {
            track = FieldTrack.read(file.toAbsolutePath().getParent().resolve(trackFile));
          } catch (LandwatchException e) {
            problem = "track " + trackFile + ": " + e.getMessage();
          }
        }
        out.add(new Row(row, cell.apply("patrol_id"), day, cell.apply("inspector"), cell.apply("township"),
            split(cell.apply("village")), cell.apply("findings"), split(cell.apply("leads")), track, trackFile, problem));
      });
    }
    return out;
  }

  private static List<String> split(String text) {
    return text == null ? List.of()
        : Arrays.stream(text.split("[;；,，、\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }
}
