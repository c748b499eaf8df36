package io.landwatch.spark;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfig;
import io.landwatch.config.LayerSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.logging.Logger;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.spark.sql.SparkSession;

/**
 * The small layers (patches, approvals, villages) of a job given as Hadoop file system URIs
 * (hdfs://, s3a://, file://): the driver reads them whole through GDAL, so each is copied with
 * its sidecar files (.shx, .dbf, .prj, .cpg of a Shapefile) into a local folder first. They are
 * small (a province's patches are 10⁵ records); the big layers stay where they are.
 */
final class RemoteInputs {
  private static final Logger LOG = Logger.getLogger("landwatch");

  private RemoteInputs() {}

  /** The job with every remote small layer replaced by its local copy under {@code folder}. */
  static JobConfig localize(SparkSession spark, JobConfig job, Path folder) {
    List<LayerSpec> approvals = new ArrayList<>();
    for (LayerSpec a : job.approvals()) {
      approvals.add(local(spark, a, folder));
    }
    return job.withSmallLayers(local(spark, job.patches(), folder), approvals, local(spark, job.villages(), folder));
  }

  private static LayerSpec local(SparkSession spark, LayerSpec spec, Path folder) {
    if (spec == null || !spec.remote()) {
      return spec;
    }
    try {
      org.apache.hadoop.fs.Path src = new org.apache.hadoop.fs.Path(spec.uri());
      FileSystem fs = src.getFileSystem(spark.sparkContext().hadoopConfiguration());
      Path into = Files.createDirectories(folder.resolve(spec.name().replaceAll("[^A-Za-z0-9_]", "_")));
      String file = src.getName();
      int dot = file.lastIndexOf('.');
      List<org.apache.hadoop.fs.Path> parts = new ArrayList<>();
      if (file.toLowerCase(Locale.ROOT).endsWith(".shp")) {
        String stem = file.substring(0, dot + 1).toLowerCase(Locale.ROOT);
        for (FileStatus f : fs.listStatus(src.getParent())) {
          if (f.isFile() && f.getPath().getName().toLowerCase(Locale.ROOT).startsWith(stem)) {
            parts.add(f.getPath());
          }
        }
      } else {
        parts.add(src);
      }
      long bytes = 0;
      for (org.apache.hadoop.fs.Path p : parts) {
        fs.copyToLocalFile(false, p, new org.apache.hadoop.fs.Path(into.resolve(p.getName()).toUri()), true);
        bytes += fs.getFileStatus(p).getLen();
      }
      LOG.info(String.format(Locale.ROOT, "inputs.%s: copied %s (%d files, %,d bytes) to %s, to read it through GDAL",
          spec.name(), spec.uri(), parts.size(), bytes, into));
      return spec.at(into.resolve(file));
    } catch (IOException | IllegalArgumentException e) {
      throw new LandwatchException(ExitCode.INVALID_INPUT, "inputs." + spec.name() + ": cannot copy " + spec.uri()
          + " to the driver: " + e.getMessage() + ". Check the URI and that the file system is reachable from the driver.");
    }
  }
}
