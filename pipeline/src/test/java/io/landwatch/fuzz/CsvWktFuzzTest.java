package io.landwatch.fuzz;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.landwatch.LandwatchException;
import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.prepare.GeometryPreparer;
import io.landwatch.prepare.RepairReport;
import io.landwatch.read.LayerSource;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing (Jazzer) of CSV tables with a WKT column, through GDAL, the coordinate
 * check and the geometry preparation.
 * The promise under test: any input either works or fails with a {@link LandwatchException} (one
 * paragraph, an exit code), never with another exception that reaches the user as an internal
 * error. Without JAZZER_FUZZ it runs once on its seeds (src/test/resources, same package); the
 * fuzz execution of the build (scripts/test) fuzzes it for a bounded time, one class per JVM.
 */
@Tag("slow")
class CsvWktFuzzTest {
  private static final Path DIR = Fuzzing.tempDir();

  @FuzzTest(maxDuration = "40s")
  void csvWithWkt(FuzzedDataProvider data) throws Exception {
    Path csv = DIR.resolve("t.csv");
    String wkt = data.consumeString(400).replace("\"", "\"\"");
    String rest = data.consumeRemainingAsString();
    Files.writeString(csv, "ID,D,WKT\n1,20230101,\"" + wkt + "\"\n" + rest);
    try (LayerSource src = LayerSource.open("fuzz", csv, null, null, "EPSG:4526",
        new LayerSpec.TableGeometry("WKT", null, null))) {
      GeometryPreparer preparer = new GeometryPreparer(src.checkCoordinatesFitCrs());
      Reprojector same = Reprojector.between(Crs.epsg(4526), Crs.epsg(4526));
      src.forEach(f -> {
        var r = preparer.prepare(src, f, same, "fuzz", new RepairReport());
        if (r instanceof GeometryPreparer.Prepared p) {
          assertTrue(p.geometry().isValid(), "a prepared geometry is valid: " + p.geometry());
        }
      });
    } catch (LandwatchException e) {
      assertTrue(e.getMessage().startsWith("fuzz"), e.getMessage());
    }
  }
}
