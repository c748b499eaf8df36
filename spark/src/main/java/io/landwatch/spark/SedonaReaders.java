package io.landwatch.spark;

import io.landwatch.config.LayerSpec;
import io.landwatch.read.LayerSource;
import io.landwatch.read.UnreadableGeometry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a layer into a DataFrame with one geometry column {@code geom} (in the layer's CRS):
 * Shapefile, GeoPackage and GeoParquet with Sedona's data sources (so the data is read in
 * partitions on the executors); any other OGR format is read on the driver through GDAL.
 */
final class SedonaReaders {
  private SedonaReaders() {}

  static Dataset<Row> read(SparkSession spark, LayerSpec spec, String charset, String layerName) {
    String path = spec.remote() ? spec.uri() : spec.path().toString();
    String name = path.replaceAll("/+$", ""); // a GeoParquet "file" is often a folder
    String ext = name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    Dataset<Row> df;
    switch (ext) {
      case "shp" -> df = spark.read().format("shapefile").option("charset", charset).load(path);
      case "gpkg" -> df = spark.read().format("geopackage").option("tableName", layerName).load(path);
      case "parquet" -> df = spark.read().format("geoparquet").load(path);
      default -> {
        if (spec.remote()) {
          throw io.landwatch.LandwatchException.invalidInput("inputs." + spec.name() + ": " + path + " : from a"
              + " Hadoop file system the Spark engine reads Shapefile, GeoPackage and GeoParquet; convert the"
              + " layer (ogr2ogr -f GPKG) or copy it to a local path.");
        }
        return viaGdal(spark, spec);
      }
    }
    if (spec.where() != null) {
      df = df.where(spec.where());
    }
    return df.withColumnRenamed(geometryColumn(df), "geom");
  }

  private static String geometryColumn(Dataset<Row> df) {
    for (StructField f : df.schema().fields()) {
      if (f.dataType().typeName().toLowerCase(Locale.ROOT).contains("geometry")) {
        return f.name();
      }
    }
    throw new IllegalStateException("no geometry column in " + df.schema().simpleString());
  }

  /** Small or exotic layers: read through GDAL on the driver, shipped as WKB. */
  private static Dataset<Row> viaGdal(SparkSession spark, LayerSpec spec) {
    List<Row> rows = new ArrayList<>();
    try (LayerSource src = LayerSource.open(spec)) {
      src.keepOnlyFields(List.of());
      src.forEach(f -> {
        org.gdal.ogr.Geometry g;
        try {
          g = src.geometryOf(f);
        } catch (UnreadableGeometry e) {
          g = null; // counted as a record without geometry
        }
        rows.add(RowFactory.create(g == null ? null : g.ExportToWkb()));
      });
    }
    StructType schema = new StructType(new StructField[] {DataTypes.createStructField("wkb", DataTypes.BinaryType, true)});
    return spark.createDataFrame(rows, schema).selectExpr("ST_GeomFromWKB(wkb) AS geom");
  }

}
