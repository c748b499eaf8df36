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
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Reads a layer into a DataFrame with a geometry column {@code geom} (in the layer's CRS) and the
 * record number {@code rid} the single-machine engine would report (OGR's feature id: 0-based in
 * file order for Shapefiles and GeoParquet, from 1 for GeoPackage tables written in order):
 * Shapefile, GeoPackage and GeoParquet with Sedona's data sources (so the data is read in
 * partitions on the executors); any other OGR format is read on the driver through GDAL, which
 * gives the feature ids itself. A where: filter applies after numbering, as OGR's does.
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
    df = numbered(spark, df.withColumnRenamed(geometryColumn(df), "geom"), ext.equals("gpkg") ? 1 : 0);
    if (spec.where() != null) {
      df = df.where(spec.where());
    }
    return df;
  }

  /**
   * Rows numbered in file order from {@code first}, in Spark SQL only (executors need no landwatch
   * classes): a row's id within its partition comes from monotonically_increasing_id, and each
   * partition's offset from the row counts of the partitions before it (one small job whose result,
   * a count per partition, is all that comes to the driver).
   */
  private static Dataset<Row> numbered(SparkSession spark, Dataset<Row> df, long first) {
    Dataset<Row> tagged = df.withColumn("lw_pid", functions.spark_partition_id())
        .withColumn("lw_mid", functions.monotonically_increasing_id());
    List<Row> counts = tagged.groupBy("lw_pid").count().collectAsList();
    java.util.TreeMap<Integer, Long> perPartition = new java.util.TreeMap<>();
    counts.forEach(r -> perPartition.put(r.getInt(0), r.getLong(1)));
    List<Row> offsets = new ArrayList<>();
    long off = first;
    for (var e : perPartition.entrySet()) {
      offsets.add(RowFactory.create(e.getKey(), off));
      off += e.getValue();
    }
    StructType schema = new StructType(new StructField[] {DataTypes.createStructField("lw_p", DataTypes.IntegerType, false),
        DataTypes.createStructField("lw_off", DataTypes.LongType, false)});
    Dataset<Row> offs = spark.createDataFrame(offsets, schema);
    return tagged.join(functions.broadcast(offs), tagged.col("lw_pid").equalTo(offs.col("lw_p")))
        .withColumn("rid", functions.expr("lw_off + lw_mid - shiftleft(cast(lw_pid AS BIGINT), 33)"))
        .drop("lw_pid", "lw_mid", "lw_p", "lw_off");
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
        rows.add(RowFactory.create(g == null ? null : g.ExportToWkb(), f.GetFID()));
      });
    }
    StructType schema = new StructType(new StructField[] {DataTypes.createStructField("wkb", DataTypes.BinaryType, true),
        DataTypes.createStructField("rid", DataTypes.LongType, false)});
    return spark.createDataFrame(rows, schema).selectExpr("ST_GeomFromWKB(wkb) AS geom", "rid");
  }

}
