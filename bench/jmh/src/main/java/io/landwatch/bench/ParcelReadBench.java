package io.landwatch.bench;

import io.landwatch.config.JobConfig;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.geo.Crs;
import io.landwatch.model.Patch;
import io.landwatch.overlay.ParcelHits;
import io.landwatch.overlay.ParcelScanner;
import io.landwatch.overlay.PatchIndex;
import io.landwatch.prepare.LayerLoader;
import io.landwatch.prepare.Quarantine;
import io.landwatch.prepare.Records;
import io.landwatch.prepare.RepairReport;
import io.landwatch.samples.SampleCounty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Streaming a farmland layer past the patch index (ParcelScanner): the score is layers per
 * second; records/s = score × the record count printed at setup.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class ParcelReadBench {
  @Param({"10"})
  public int scale;

  private ParcelScanner scanner;
  private JobConfig job;
  private int patches;

  @Setup(Level.Trial)
  public void setup() throws Exception {
    Path dir = Path.of(System.getProperty("java.io.tmpdir"), "landwatch-jmh-scale-" + scale);
    if (!Files.exists(dir.resolve("job.yaml"))) {
      SampleCounty.write(dir, 20230420, scale);
    }
    job = JobConfigLoader.load(dir.resolve("job.yaml"));
    Crs working = Crs.epsg(4526);
    Quarantine q = new Quarantine();
    RepairReport r = new RepairReport();
    List<Patch> ps = LayerLoader.load(job.patches(), working, "JCBH", q, r, 60,
        Records.patches(job.patches(),
        new Records.DateWindow(job.rules().earliestDate(), java.time.LocalDate.now()))).records();
    patches = ps.size();
    scanner = new ParcelScanner(new PatchIndex(ps), working, q, r, 3600);
    System.out.println("farmland records: " + scanner.scan(job.farmland(), patches).records());
  }

  @Benchmark
  public ParcelHits scanFarmland() {
    return scanner.scan(job.farmland(), patches);
  }
}
