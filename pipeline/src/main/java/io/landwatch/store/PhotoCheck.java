package io.landwatch.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.CoordinateFilter;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * What a reviewer should know about a field photo, decided without I/O: taken farther than the
 * allowed distance from the case's outline, taken before the task was issued, or the same file
 * already used for another case (an upper level rejects such evidence); or without position or time.
 */
final class PhotoCheck {
  /** A photo and what was found about it. */
  record Checked(Photo photo, Double distanceM, List<String> flags) {}

  private PhotoCheck() {}

  /**
   * @param outline the case, CGCS2000 lon/lat (null when unknown)
   * @param taskCreated the day the task was issued
   * @param usedByCase the case a photo with the same hash already backs, or null
   */
  static Checked check(Photo p, Geometry outline, LocalDate taskCreated, String caseId, String usedByCase,
      double maxDistanceM) {
    List<String> flags = new ArrayList<>();
    Double distance = null;
    if (p.lon() == null || p.lat() == null) {
      flags.add("no_position");
    } else if (outline != null) {
      distance = Math.round(distanceM(p.lon(), p.lat(), outline) * 10) / 10.0;
      if (distance > maxDistanceM) {
        flags.add("far");
      }
    }
    if (p.takenAt() == null) {
      flags.add("no_time");
    } else if (taskCreated != null && p.takenAt().toLocalDate().isBefore(taskCreated)) {
      flags.add("before_task");
    }
    if (usedByCase != null && !usedByCase.equals(caseId)) {
      flags.add("reused");
    }
    return new Checked(p, distance, List.copyOf(flags));
  }

  /** The sentence for a report line. */
  static String describe(Checked c, double maxDistanceM) {
    List<String> parts = new ArrayList<>();
    for (String f : c.flags()) {
      parts.add(switch (f) {
        case "far" -> "taken " + c.distanceM() + " m from the case (more than " + maxDistanceM + " m)";
        case "before_task" -> "taken on " + c.photo().takenAt().toLocalDate() + ", before the task was issued";
        case "reused" -> "the same file already backs another case";
        case "no_position" -> "has no GPS position";
        default -> "has no time";
      });
    }
    return "photo " + c.photo().file().getFileName() + " " + String.join(", ", parts);
  }

  /**
   * Metres from a lon/lat point to a lon/lat outline (0 inside), in a local plane around the point:
   * within a few hundred metres the error is far below a metre.
   */
  static double distanceM(double lon, double lat, Geometry outline) {
    // metres per degree of longitude and latitude on the ellipsoid at this latitude
    double phi = Math.toRadians(lat);
    double kx = 111_412.84 * Math.cos(phi) - 93.5 * Math.cos(3 * phi) + 0.118 * Math.cos(5 * phi);
    double ky = 111_132.954 - 559.822 * Math.cos(2 * phi) + 1.175 * Math.cos(4 * phi);
    Geometry local = outline.copy();
    local.apply((CoordinateFilter) c -> {
      c.x = (c.x - lon) * kx;
      c.y = (c.y - lat) * ky;
    });
    local.geometryChanged();
    return local.distance(new GeometryFactory().createPoint(new Coordinate(0, 0)));
  }
}
