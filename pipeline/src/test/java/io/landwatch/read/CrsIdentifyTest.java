package io.landwatch.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.testing.Fixtures;
import io.landwatch.testing.Geoms;
import io.landwatch.testing.Ogr;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** EPSG codes identified from the .prj files counties receive (ESRI and OGC WKT). */
class CrsIdentifyTest {
  @TempDir Path dir;

  /** A one-parcel Shapefile with the given .prj, coordinates suited to the CRS. */
  private Path shapefileWithPrj(String prjResource, double x, double y, double size) throws Exception {
    Path src = Ogr.geojson(dir.resolve("p.geojson"), null, Ogr.feature("{\"ID\":1}", Ogr.rect(x, y, size, size)));
    Path shp = dir.resolve("p.shp");
    Ogr.ogr2ogr("-f", "ESRI Shapefile", shp.toString(), src.toString());
    Files.deleteIfExists(dir.resolve("p.prj"));
    Fixtures.copy("/prj/" + prjResource, dir.resolve("p.prj"));
    return shp;
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "4490.esri.prj, 4490", "4490.ogc.prj, 4490", "4490.ogc-noauth.prj, 4490",
      "4526.esri.prj, 4526", "4526.ogc.prj, 4526", "4526.ogc-noauth.prj, 4526", "4526.arcgis.prj, 4526",
      "4527.esri.prj, 4527", "4527.ogc.prj, 4527", "4527.ogc-noauth.prj, 4527", "4527.arcgis.prj, 4527"})
  void identifiesEpsgFromPrj(String prj, int epsg) throws Exception {
    double x = epsg == 4490 ? 113.3 : epsg == 4526 ? Geoms.ORIGIN_X : 39_430_000;
    double y = epsg == 4490 ? 35.7 : Geoms.ORIGIN_Y;
    Path shp = shapefileWithPrj(prj, x, y, epsg == 4490 ? 0.001 : 100);
    try (LayerSource src = LayerSource.open("inputs.test", shp, null, null, null, null)) {
      assertEquals(epsg, src.requireCrs().epsgCode());
      src.checkCoordinatesFitCrs();
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"EPSG:4526, 4526", "4540, 4540", "EPSG:4490, 4490"})
  void crsOverrideWins(String override, int epsg) throws Exception {
    Path shp = shapefileWithPrj("4527.esri.prj", 39_430_000, Geoms.ORIGIN_Y, 100);
    try (LayerSource src = LayerSource.open("inputs.test", shp, null, null, override, null)) {
      assertEquals(epsg, src.requireCrs().epsgCode());
    }
  }

  @org.junit.jupiter.api.Test
  void metresDeclaredAsDegreesIsAnError() throws Exception {
    Path shp = shapefileWithPrj("4490.esri.prj", Geoms.ORIGIN_X, Geoms.ORIGIN_Y, 100);
    try (LayerSource src = LayerSource.open("inputs.farmland", shp, null, null, null, null)) {
      LandwatchException e = assertThrows(LandwatchException.class, src::checkCoordinatesFitCrs);
      assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
      assertTrue(e.getMessage().contains("inputs.farmland") && e.getMessage().contains("not degrees"), e.getMessage());
    }
  }

  @org.junit.jupiter.api.Test
  void coordinatesWithoutZonePrefixUnderAPrefixedCrsIsAnError() throws Exception {
    Path shp = shapefileWithPrj("4526.esri.prj", 430_000, Geoms.ORIGIN_Y, 100);
    try (LayerSource src = LayerSource.open("inputs.patches", shp, null, null, null, null)) {
      LandwatchException e = assertThrows(LandwatchException.class, src::checkCoordinatesFitCrs);
      assertTrue(e.getMessage().contains("zone"), e.getMessage());
    }
  }

  @org.junit.jupiter.api.Test
  void missingPrjIsAnErrorNamingTheLayerAndTheFix() throws Exception {
    Path shp = shapefileWithPrj("4526.esri.prj", Geoms.ORIGIN_X, Geoms.ORIGIN_Y, 100);
    Files.delete(dir.resolve("p.prj"));
    try (LayerSource src = LayerSource.open("inputs.villages", shp, null, null, null, null)) {
      LandwatchException e = assertThrows(LandwatchException.class, src::requireCrs);
      assertTrue(e.getMessage().startsWith("inputs.villages: ") && e.getMessage().contains("crs: EPSG:"), e.getMessage());
    }
  }
}
