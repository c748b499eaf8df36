package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole chain on the sample county: samples → detect → run, and GIS formats of a run. */
class DetectCommandTest {
  @TempDir Path county;

  @Test
  void samplesThenDetectThenRun() throws Exception {
    SampleCounty.write(county, 20230420, 1);
    CliRunner.Outcome d = CliRunner.run("-q", "detect", "--before", county.resolve("before.tif").toString(),
        "--after", county.resolve("after.tif").toString(), "--config", county.resolve("detect.yaml").toString(),
        "--out", county.resolve("detected.gpkg").toString());
    assertEquals(0, d.exit(), d.err());
    // five true changes, one under the cloud mask
    assertTrue(d.out().contains("Detected 4 change patches (2023-01-15 → 2023-04-20)"), d.out());
    CliRunner.Outcome r = CliRunner.run("-q", "run", county.resolve("job-detected.yaml").toString(), "--as-of", "2023-05-01");
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.out().contains("Judged 4 patches"), r.out());
    List<List<String>> rows = Csv.read(county.resolve("out-detected/patches.csv"));
    assertEquals(5, rows.size());
    assertTrue(rows.get(1).get(Csv.col(rows, "patch_id")).startsWith("14052420230"));
  }

  @Test
  void runWritesTheRequestedGisFormats() throws Exception {
    SampleCounty.write(county, 5, 1);
    Path job = county.resolve("job-formats.yaml");
    Files.writeString(job, Files.readString(county.resolve("job.yaml"))
        .replace("output:  {dir: out}", "output:  {dir: out-formats, formats: [gpkg, shp, gdb]}\nstore: none"));
    CliRunner.Outcome r = CliRunner.run("-q", "run", job.toString());
    assertEquals(0, r.exit(), r.err());
    List<List<String>> csv = Csv.read(county.resolve("out-formats/patches.csv"));
    for (String f : List.of("gpkg", "shp", "gdb")) {
      Path p = county.resolve("out-formats/patches." + f);
      String info = Ogr.run("ogrinfo", "-so", "-al", p.toString());
      assertTrue(info.contains("Feature Count: " + (csv.size() - 1)), f + " " + info);
      List<List<String>> back = Ogr.readCsv(p, "SELECT * FROM patches", null);
      String townCol = f.equals("shp") ? "TOWNSHIP" : "township";
      assertTrue(back.stream().anyMatch(row -> row.get(Csv.col(back, townCol)).equals("崇文镇")), f);
    }
    assertEquals("GBK", Files.readString(county.resolve("out-formats/patches.cpg")).trim().toUpperCase());
  }
}
