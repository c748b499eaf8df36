package io.landwatch.prepare;

import io.landwatch.config.LayerSpec;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import io.landwatch.model.SourceRecord;
import io.landwatch.model.Village;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/** Mappers from prepared source records to domain records, one per layer role. */
public final class Records {
  /**
   * Smallest patch worth judging, in m² of the working CRS: a 1 cm × 1 cm square, the XY
   * tolerance of the land survey. Anything smaller is noise that no field check can find.
   */
  public static final double MIN_PATCH_AREA_M2 = 1e-4;

  private Records() {}

  /**
   * The dates a record may carry: from the earliest plausible date (rules.earliest_date) to the
   * run date. A date outside it is a typo or a placeholder (99991231), never a fact to judge by.
   */
  public record DateWindow(LocalDate earliest, LocalDate latest) {
    /** Why {@code d} is implausible, or null when it is inside the window. */
    String problem(LocalDate d) {
      if (d.isAfter(latest)) {
        return "is after the run date " + latest + " (a placeholder such as 99991231, or a typo)";
      }
      if (d.isBefore(earliest)) {
        return "is before " + earliest + " (rules.earliest_date), so it cannot be real";
      }
      return null;
    }
  }

  /**
   * Patches: id and after date required, dates must parse and lie in the window, the before date
   * must not follow the after date, ids unique.
   */
  public static LayerLoader.Mapper<Patch> patches(LayerSpec spec, DateWindow window) {
    String idField = spec.field("id");
    String afterField = spec.field("after_date");
    String beforeField = spec.field("before_date");
    Map<String, Long> seen = new HashMap<>();
    return (rec, geom) -> {
      String id = rec.text(idField);
      if (id == null) {
        throw new LayerLoader.RecordRejected("missing_id", "the patch has no id (field " + idField + " is empty)");
      }
      LocalDate after = date(rec, afterField, "after date", true, window);
      LocalDate before = date(rec, beforeField, "before date", false, window);
      if (before != null && before.isAfter(after)) {
        throw new LayerLoader.RecordRejected("date_order", "the before date " + beforeField + "="
            + before + " is later than the after date " + afterField + "=" + after
            + "; the two dates are swapped or one is mistyped");
      }
      if (geom.getArea() < MIN_PATCH_AREA_M2) {
        throw new LayerLoader.RecordRejected("degenerate_area", String.format(java.util.Locale.ROOT,
            "the patch's area is %.3g m², below %s m²: a sliver or a point digitised as a polygon, nothing"
            + " to judge", geom.getArea(), MIN_PATCH_AREA_M2));
      }
      Long first = seen.putIfAbsent(id, rec.record());
      if (first != null) {
        throw new LayerLoader.RecordRejected("duplicate_id", "patch id " + id
            + " was already used by record " + first + "; only the first is judged");
      }
      return new Patch(id, rec.record(), geom, after, before, rec.attributes());
    };
  }

  /**
   * Approvals: id and approval date required, the approval date in the window; a valid-until
   * date, when present, must parse and must not precede the approval (such an approval can never
   * apply).
   */
  public static LayerLoader.Mapper<Approval> approvals(LayerSpec spec, DateWindow window) {
    String idField = spec.field("id");
    return (rec, geom) -> {
      String id = rec.text(idField);
      if (id == null) {
        throw new LayerLoader.RecordRejected("missing_id", "the approval has no number (field " + idField + " is empty)");
      }
      LocalDate on = date(rec, spec.field("approved_on"), "approval date", true, window);
      LocalDate until = date(rec, spec.field("valid_until"), "valid-until date", false, null);
      if (until != null && until.isBefore(on)) {
        throw new LayerLoader.RecordRejected("validity_before_approval", "the approval is valid until "
            + spec.field("valid_until") + "=" + until + ", before it was granted ("
            + spec.field("approved_on") + "=" + on + "); it can never apply: correct one of the dates");
      }
      return new Approval(id, spec.name(), rec.record(), rec.text(spec.field("kind")), on, until, geom);
    };
  }

  /** Villages: village and township names required. */
  public static LayerLoader.Mapper<Village> villages(LayerSpec spec) {
    return (rec, geom) -> {
      String village = rec.text(spec.field("village"));
      String township = rec.text(spec.field("township"));
      if (village == null || township == null) {
        throw new LayerLoader.RecordRejected("missing_name", "the village has no "
            + (village == null ? "village name (field " + spec.field("village") + ")"
                : "township name (field " + spec.field("township") + ")"));
      }
      return new Village(village, township, rec.text(spec.field("inspector")),
          rec.text(spec.field("phone")), rec.record(), geom, office(rec.text(spec.field("office"))));
    };
  }

  /** "113.28,35.77", "113.28 35.77" or "POINT(113.28 35.77)" in CGCS2000 degrees; null when absent. */
  static double[] office(String text) throws LayerLoader.RecordRejected {
    if (text == null) {
      return null;
    }
    String[] p = text.replaceAll("(?i)point\\s*\\(|\\)", " ").trim().split("[\\s,;]+");
    try {
      double lon = Double.parseDouble(p[0]);
      double lat = Double.parseDouble(p[1]);
      if (p.length == 2 && Math.abs(lon) <= 180 && Math.abs(lat) <= 90) {
        return new double[] {lon, lat};
      }
    } catch (RuntimeException e) {
      // reported below
    }
    throw new LayerLoader.RecordRejected("bad_office", "the office point '" + text
        + "' is not 'lon,lat' in degrees (e.g. 113.2801,35.7712)");
  }

  private static LocalDate date(SourceRecord rec, String field, String what, boolean required,
      DateWindow window) throws LayerLoader.RecordRejected {
    String raw = rec.text(field);
    if (raw == null) {
      if (required) {
        throw new LayerLoader.RecordRejected("missing_date", "the " + what + " (field " + field + ") is empty");
      }
      return null;
    }
    LocalDate d;
    try {
      d = DateParser.parse(raw);
    } catch (DateParser.InvalidDate e) {
      throw new LayerLoader.RecordRejected("bad_date", "the " + what + " " + field + "='" + raw
          + "' is not a valid date; write it as 20230415, 2023-04-15 or 2023/4/15");
    }
    String problem = window == null ? null : window.problem(d);
    if (problem != null) {
      throw new LayerLoader.RecordRejected("implausible_date", "the " + what + " " + field + "='"
          + raw + "' " + problem);
    }
    return d;
  }
}
