package io.landwatch.spark;

import io.landwatch.geo.Gdal;
import io.landwatch.samples.SampleCounty;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Vector;
import org.gdal.gdal.VectorTranslateOptions;
import org.gdal.gdal.gdal;

/**
 * A generated province: {@code counties} sample counties side by side (each with its own county
 * code in its patch ids), and one dataset per layer holding every county's records, merged with
 * GDAL: patches stay a GBK Shapefile (their attributes go to the outputs as they are), the big
 * layers, villages and red line become GeoPackages, approvals are appended, homestead CSVs
 * concatenated.
 *
 * @param job the province's job file
 * @param countyJobs each county's own job file
 */
record Province(Path job, List<Path> countyJobs) {

  static Province write(Path dir, long seed, int scale, int counties) throws Exception {
    Gdal.init();
    Path out = dir.resolve("province");
    Files.createDirectories(out);
    List<Path> jobs = new ArrayList<>();
    StringBuilder homesteads = new StringBuilder();
    for (int k = 0; k < counties; k++) {
      Path c = dir.resolve("county-" + k);
      SampleCounty.write(c, seed + k, scale, k);
      jobs.add(c.resolve("job.yaml"));
      append(c.resolve("patches.shp"), out.resolve("patches.shp"), "patches", k == 0 ? List.of("-lco", "ENCODING=CP936") : null);
      append(c.resolve("gd.shp"), out.resolve("gd.gpkg"), "gd", List.of());
      append(c.resolve("jbnt.shp"), out.resolve("jbnt.gpkg"), "jbnt", List.of());
      append(c.resolve("stbhhx.geojson"), out.resolve("stbhhx.gpkg"), "stbhhx", List.of());
      append(c.resolve("cun.shp"), out.resolve("cun.gpkg"), "cun", List.of());
      append(c.resolve("approvals.gpkg"), out.resolve("approvals.gpkg"), "approvals", List.of());
      List<String> lines = Files.readAllLines(c.resolve("homesteads.csv"));
      (k == 0 ? lines : lines.subList(1, lines.size())).forEach(l -> homesteads.append(l).append('\n'));
    }
    Files.writeString(out.resolve("homesteads.csv"), homesteads.toString());
    String yaml = Files.readString(jobs.get(0))
        .replace("farmland:           {path: gd.shp, encoding: GBK}", "farmland:           {path: gd.gpkg}")
        .replace("basic_farmland:     {path: jbnt.shp}", "basic_farmland:     {path: jbnt.gpkg}")
        .replace("ecological_redline: {path: stbhhx.geojson}", "ecological_redline: {path: stbhhx.gpkg}")
        .replace("villages:           {path: cun.shp,", "villages:           {path: cun.gpkg,");
    Files.writeString(out.resolve("job.yaml"), yaml);
    return new Province(out.resolve("job.yaml"), jobs);
  }

  /**
   * Appends a layer's records to {@code target} (created by the first call, with {@code create}
   * options; the big layers without attributes, which only their geometry matters for).
   */
  private static void append(Path source, Path target, String layer, List<String> create) {
    boolean big = layer.equals("gd") || layer.equals("jbnt");
    if (big) {
      // gd.shp is GBK without .cpg: its attributes are not read, so they are not decoded either
      gdal.SetConfigOption("SHAPE_ENCODING", "");
    }
    Vector<String> opts = new Vector<>();
    boolean exists = Files.exists(target);
    opts.addAll(exists ? List.of("-append") : List.of("-f", target.toString().endsWith(".shp") ? "ESRI Shapefile" : "GPKG"));
    if (!exists && create != null) {
      opts.addAll(create);
    }
    opts.addAll(List.of("-nln", layer));
    if (big) {
      opts.addAll(List.of("-select", ""));
    }
    org.gdal.gdal.Dataset src = gdal.OpenEx(source.toString(), org.gdal.gdalconst.gdalconst.OF_VECTOR);
    try {
      if (exists) {
        org.gdal.gdal.Dataset dst = gdal.OpenEx(target.toString(), org.gdal.gdalconst.gdalconst.OF_VECTOR | org.gdal.gdalconst.gdalconst.OF_UPDATE);
        int ok = gdal.VectorTranslate(dst, src, new VectorTranslateOptions(opts));
        dst.delete();
        if (ok != 1) {
          throw new IllegalStateException("cannot append " + source + " to " + target + ": " + gdal.GetLastErrorMsg());
        }
      } else {
        org.gdal.gdal.Dataset dst = gdal.VectorTranslate(target.toString(), src, new VectorTranslateOptions(opts));
        if (dst == null) {
          throw new IllegalStateException("cannot write " + target + " from " + source + ": " + gdal.GetLastErrorMsg());
        }
        dst.delete();
      }
    } finally {
      src.delete();
      gdal.SetConfigOption("SHAPE_ENCODING", null);
    }
  }
}
