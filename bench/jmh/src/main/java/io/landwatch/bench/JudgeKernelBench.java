package io.landwatch.bench;

import io.landwatch.config.Rules;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchInputs;
import io.landwatch.judge.PatchJudge;
import io.landwatch.judge.PatchResult;
import io.landwatch.model.Approval;
import io.landwatch.model.Patch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.util.AffineTransformation;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The per-patch judgment kernel: one rotated 120 × 80 m patch, half covered by an approval, over
 * a grid of farmland parcels of the given size (68 m is the sample county at scale 1, 6.8 m at
 * scale 100), with basic farmland on most of them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class JudgeKernelBench {
  @Param({"68", "21.5", "6.8"})
  public double parcelMetres;

  private PatchJudge judge;
  private PatchInputs inputs;

  @Setup
  public void setup() {
    GeometryFactory gf = new GeometryFactory();
    double x0 = 38_435_000;
    double y0 = 3_960_000;
    Geometry patch = AffineTransformation.rotationInstance(0.4, x0 + 60, y0 + 40)
        .transform(rect(gf, x0, y0, 120, 80));
    List<Geometry> farm = new ArrayList<>();
    List<Geometry> basic = new ArrayList<>();
    double m = Math.min(2, parcelMetres * 0.05);
    int k = 0;
    for (double x = x0 - 60; x < x0 + 180; x += parcelMetres) {
      for (double y = y0 - 60; y < y0 + 140; y += parcelMetres) {
        if (k++ % 5 == 0) {
          continue;
        }
        Geometry p = rect(gf, x + m, y + m, parcelMetres - 2 * m, parcelMetres - 2 * m);
        farm.add(p);
        if (k % 7 != 0) {
          basic.add(p);
        }
      }
    }
    Patch pt = new Patch("B1", 0, patch, LocalDate.of(2023, 5, 1), null, Map.of());
    Approval a = new Approval("A", "approvals", 0, "农用地转用", LocalDate.of(2022, 1, 1), null,
        rect(gf, x0 - 10, y0 - 40, 70, 180));
    inputs = new PatchInputs(pt, List.of(a), farm, basic, List.of(), List.of());
    judge = new PatchJudge(Rules.defaults(), Reprojector.between(Crs.epsg(4526), Crs.epsg(4490)));
  }

  private static Geometry rect(GeometryFactory gf, double x, double y, double w, double h) {
    return gf.createPolygon(new Coordinate[] {new Coordinate(x, y), new Coordinate(x + w, y),
        new Coordinate(x + w, y + h), new Coordinate(x, y + h), new Coordinate(x, y)});
  }

  @Benchmark
  public PatchResult judgeOnePatch() {
    return judge.judge(inputs);
  }
}
