package io.landwatch.cli;

import io.landwatch.read.LayerInfo;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code landwatch inspect FILE}: what GDAL sees in a file. */
@Command(name = "inspect", mixinStandardHelpOptions = true,
    description = "Show the layers of a file: feature count, geometry type, CRS, text encoding,"
        + " fields with types and sample values.")
final class InspectCommand implements Callable<Integer> {
  @Parameters(paramLabel = "FILE", description = "Shapefile, GeoPackage, GeoJSON, FileGDB (.gdb), CSV, XLSX, ...")
  Path file;

  @Option(names = "--layer", description = "Only this layer.")
  String layer;

  @Option(names = "--encoding", description = "Charset for sources that declare none (e.g. GBK).")
  String encoding;

  @Override
  public Integer call() {
    PrintStream out = System.out;
    for (LayerInfo l : LayerInfo.inspect(file, layer, encoding)) {
      out.println("Layer " + l.name() + " (" + l.driver() + ")");
      out.println("  features:  " + l.features());
      out.println("  geometry:  " + l.geometryType());
      out.println("  CRS:       " + (l.crs() == null ? "none" : l.crs().label()));
      out.println("  encoding:  declared " + (l.encoding().declared() == null ? "none" : l.encoding().declared())
          + ", effective " + l.encoding().effective() + " (" + l.encoding().origin() + ")");
      out.println("  fields:");
      for (LayerInfo.Field f : l.fields()) {
        out.printf("    %-12s %-10s %s%n", f.name(), f.type() + (f.width() > 0 ? "(" + f.width() + ")" : ""),
            String.join(" | ", f.samples()));
      }
      for (String w : l.warnings()) {
        out.println("  WARNING: " + w);
      }
    }
    return 0;
  }
}
