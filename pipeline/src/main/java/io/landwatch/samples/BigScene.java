package io.landwatch.samples;

import io.landwatch.detect.ChangeType;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * A big synthetic image pair for the detect memory benchmark (bench/detect-memory.sh): SIZE ×
 * SIZE pixels of 1 m, a grid of changes (some crossing block edges), ±0.05 NDVI noise.
 */
public final class BigScene {
  private BigScene() {}

  public static void main(String[] args) {
    Path dir = Path.of(args[0]);
    int size = Integer.parseInt(args[1]);
    GeometryFactory gf = new GeometryFactory();
    double x0 = 38_430_000;
    double top = 3_964_000;
    List<RasterScene.Change> changes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      for (int j = 0; j < 20; j++) {
        double cx = x0 + (i + 0.5) * size / 20.0 + 3;
        double cy = top - (j + 0.5) * size / 20.0 - 3;
        changes.add(new RasterScene.Change(gf.createPoint(new Coordinate(cx, cy)).buffer(40 + (i * j) % 60, 8),
            (i + j) % 2 == 0 ? ChangeType.CONSTRUCTION : ChangeType.VEGETATION_LOSS));
      }
    }
    new RasterScene(size, size, 1, x0, top, 4526, changes, 0.05, null, null, 1)
        .write(dir, LocalDate.of(2023, 1, 15), LocalDate.of(2023, 4, 20));
  }
}
