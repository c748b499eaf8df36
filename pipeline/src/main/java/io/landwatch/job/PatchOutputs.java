package io.landwatch.job;

import io.landwatch.config.OutputFormat;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchResult;
import io.landwatch.util.TestHooks;
import io.landwatch.write.CsvWriter;
import io.landwatch.write.GeoJsonWriter;
import io.landwatch.write.PatchGisLayer;
import io.landwatch.write.PatchXlsx;
import io.landwatch.write.SummaryWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The judged patches: patches/suspected GeoJSON, patches.csv, quarantine.csv, summary.json, GIS exports. */
final class PatchOutputs {
  private PatchOutputs() {}

  /**
   * @param background where the workbook is written, beside the other outputs and the later stages
   *     (the caller awaits it before the manifest)
   */
  static List<Path> write(RunState run, List<PatchResult> results, Crs working, Reprojector toLonLat,
      Background background) {
    List<Path> written = new ArrayList<>();
    {
      // the workbook (POI) takes longer than the rest together: it is written beside them and the later stages
      Path xlsx = run.out.resolve("patches.xlsx");
      background.run("patches.xlsx", () -> PatchXlsx.write(xlsx, results, run.job.chineseLabels()));
      GeoJsonWriter geojson = new GeoJsonWriter(toLonLat);
      geojson.write(add(written, run.out.resolve("patches.geojson")), results, r -> r.patch().geometry());
      TestHooks.point("run.patches-geojson");
      geojson.write(add(written, run.out.resolve("suspected.geojson")),
          results.stream().filter(PatchResult::suspected).toList(), PatchResult::unapproved);
      CsvWriter.patches(add(written, run.out.resolve("patches.csv")), results, run.job.chineseLabels());
      written.add(xlsx);
      CsvWriter.quarantine(add(written, run.out.resolve("quarantine.csv")), run.quarantine.entries());
      long outside = results.stream().filter(r -> r.village() == null).count();
      SummaryWriter.write(add(written, run.out.resolve("summary.json")), SummaryWriter.build(run.job.name(),
          results, run.job.rules(), outside, run.repairs.table(), run.quarantine.table(), List.copyOf(run.warnings)));
      for (String f : run.job.formats()) {
        PatchGisLayer.write(add(written, run.out.resolve("patches." + f)), OutputFormat.of(f), results, working,
            run.job.shapefileEncoding());
      }
    }
    return written;
  }

  private static Path add(List<Path> written, Path p) {
    written.add(p);
    return p;
  }
}
