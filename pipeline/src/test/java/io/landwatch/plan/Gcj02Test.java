package io.landwatch.plan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.geo.Gcj02;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Against an independent implementation: the reference values were computed with the npm package
 * gcoord 1.x (gcoord.transform([lon, lat], WGS84, GCJ02)), which implements the same public
 * algorithm separately.
 */
class Gcj02Test {
  @ParameterizedTest
  @CsvSource({
      "113.3, 35.75, 113.306481508, 35.749917415",
      "116.397428, 39.90923, 116.403671626, 39.910633506",
      "121.4737, 31.2304, 121.478223059, 31.228457738",
      "87.6168, 43.8256, 87.619649949, 43.826805393"})
  void matchesGcoord(double lon, double lat, double gcjLon, double gcjLat) {
    double[] g = Gcj02.fromWgs84(lon, lat);
    assertEquals(gcjLon, g[0], 1e-8);
    assertEquals(gcjLat, g[1], 1e-8);
    double offsetM = RoutePlanner.km(new double[] {lon, lat}, g) * 1000;
    assertTrue(offsetM > 100 && offsetM < 800, "offset " + offsetM + " m");
  }

  @ParameterizedTest
  @CsvSource({"2.35, 48.85", "139.69, 35.69", "-74.0, 40.7"})
  void outsideChinaUnchanged(double lon, double lat) {
    assertArrayEquals(new double[] {lon, lat}, Gcj02.fromWgs84(lon, lat));
  }

  /** The way back (leads reported from a map app): gcoord's GCJ-02 values return to WGS 84 within 1e-8°. */
  @ParameterizedTest
  @CsvSource({
      "113.3, 35.75, 113.306481508, 35.749917415",
      "116.397428, 39.90923, 116.403671626, 39.910633506",
      "121.4737, 31.2304, 121.478223059, 31.228457738"})
  void backToWgs84(double lon, double lat, double gcjLon, double gcjLat) {
    double[] w = Gcj02.toWgs84(gcjLon, gcjLat);
    assertEquals(lon, w[0], 1e-8);
    assertEquals(lat, w[1], 1e-8);
  }
}
