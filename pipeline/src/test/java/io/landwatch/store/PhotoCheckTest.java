package io.landwatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.landwatch.testing.AreaOracle;
import io.landwatch.testing.Geoms;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Photo flags without files: distance to the outline, time before the task, reuse, missing tags. */
class PhotoCheckTest {
  /** A square of 0.001° around (113.28, 35.77), lon/lat. */
  static final org.locationtech.jts.geom.Geometry SQUARE = Geoms.rect(113.28, 35.77, 0.001, 0.001);

  static Photo photo(Double lon, Double lat, LocalDateTime t) {
    return new Photo(Path.of("p.jpg"), "abc", t, lon, lat);
  }

  @Test
  void distanceToTheOutline() {
    assertEquals(0, PhotoCheck.distanceM(113.2805, 35.7705, SQUARE), 1e-9, "inside");
    // against GeographicLib's geodesics to the nearest edge, within 0.1 m
    assertEquals(geodesic(35.7705, 113.282, 35.7705, 113.281), PhotoCheck.distanceM(113.282, 35.7705, SQUARE), 0.1);
    assertEquals(geodesic(35.772, 113.2805, 35.771, 113.2805), PhotoCheck.distanceM(113.2805, 35.772, SQUARE), 0.1);
    assertEquals(geodesic(35.7725, 113.2825, 35.771, 113.281), PhotoCheck.distanceM(113.2825, 35.7725, SQUARE), 0.1,
        "to the corner");
  }

  static double geodesic(double lat1, double lon1, double lat2, double lon2) {
    return AreaOracle.CGCS2000.Inverse(lat1, lon1, lat2, lon2).s12;
  }

  @Test
  void flags() {
    LocalDateTime day = LocalDateTime.of(2023, 9, 3, 10, 0);
    LocalDate issued = LocalDate.of(2023, 9, 1);
    assertEquals(List.of(), PhotoCheck.check(photo(113.2805, 35.7705, day), SQUARE, issued, "A", null, 50).flags());
    assertEquals(List.of("far"), PhotoCheck.check(photo(113.282, 35.7705, day), SQUARE, issued, "A", null, 50).flags());
    assertEquals(List.of(), PhotoCheck.check(photo(113.282, 35.7705, day), SQUARE, issued, "A", null, 100).flags(),
        "within a larger allowed distance");
    assertEquals(List.of("before_task"), PhotoCheck.check(photo(113.2805, 35.7705, day.minusDays(3)), SQUARE, issued,
        "A", null, 50).flags());
    assertEquals(List.of("reused"), PhotoCheck.check(photo(113.2805, 35.7705, day), SQUARE, issued, "A", "B", 50).flags());
    assertEquals(List.of(), PhotoCheck.check(photo(113.2805, 35.7705, day), SQUARE, issued, "A", "A", 50).flags(),
        "the same photo again for the same case is not reuse");
    assertEquals(List.of("no_position", "no_time"), PhotoCheck.check(photo(null, null, null), SQUARE, issued, "A", null,
        50).flags());
  }
}
