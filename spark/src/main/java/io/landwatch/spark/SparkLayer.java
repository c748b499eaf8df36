package io.landwatch.spark;

import io.landwatch.LandwatchException;
import io.landwatch.config.LayerSpec;
import io.landwatch.geo.Crs;
import io.landwatch.read.CheckedLayer;
import io.landwatch.read.LayerSource;
import io.landwatch.geo.Reprojector;
import io.landwatch.overlay.ParcelScanner;
import io.landwatch.overlay.PatchIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKTWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * A big layer as the Spark engine reads it: its CRS (from the files through GDAL, or from the
 * job's {@code crs:} for a Hadoop URI, whose .prj Spark does not read) and its records as rows
 * {@code (geom, rid)} in partitions.
 */
record SparkLayer(LayerSpec spec, Crs crs, Dataset<Row> rows) {

  static SparkLayer open(SparkSession spark, LayerSpec spec) {
    Crs crs;
    String charset;
    String layerName;
    if (spec.remote()) {
      if (spec.crs() == null) {
        throw LandwatchException.invalidInput("inputs." + spec.name() + ": " + spec.uri()
            + " is read by Spark, which does not read .prj files: add 'crs: EPSG:<code>' to inputs." + spec.name() + ".");
      }
      crs = Crs.parse(spec.crs(), "inputs." + spec.name() + ".crs");
      charset = javaCharset(spec.encoding() == null ? "UTF-8" : spec.encoding());
      layerName = spec.layer();
    } else {
      try (LayerSource src = LayerSource.open(spec)) {
        crs = CheckedLayer.of(src, spec).crs();
        charset = javaCharset(src.encoding().effective());
        layerName = src.layerName();
      }
    }
    return new SparkLayer(spec, crs, SedonaReaders.read(spark, spec, charset, layerName));
  }

  /** A Java charset name for an encoding OGR/iconv understands ("CP936" and "936" are GBK). */
  static String javaCharset(String enc) {
    String e = enc.toUpperCase(Locale.ROOT).replace("-", "");
    return e.equals("CP936") || e.equals("936") ? "GBK" : enc;
  }

  /**
   * The patch envelopes in a layer's CRS as rows {@code (idx, env)}: patch i's envelope, widened
   * as the single-machine scan widens it. Built on the driver from the patches (small).
   */
  static Dataset<Row> envelopes(SparkSession spark, PatchIndex patches, Crs working, Crs layerCrs) {
    List<Envelope> envs = patches.envelopeList(Reprojector.between(working, layerCrs), ParcelScanner.envelopeMargin(layerCrs));
    List<Row> rows = new ArrayList<>();
    WKTWriter wkt = new WKTWriter();
    GeometryFactory gf = new GeometryFactory();
    for (int i = 0; i < envs.size(); i++) {
      rows.add(RowFactory.create(i, wkt.write(gf.toGeometry(envs.get(i)))));
    }
    StructType schema = new StructType(new StructField[] {
        DataTypes.createStructField("idx", DataTypes.IntegerType, false),
        DataTypes.createStructField("wkt", DataTypes.StringType, false)});
    // in slices of 2,000 patches: a local table would travel whole inside every task of the join
    var jsc = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(spark.sparkContext());
    return spark.createDataFrame(jsc.parallelize(rows, Math.max(1, rows.size() / 2000)), schema)
        .selectExpr("idx", "ST_GeomFromWKT(wkt) AS env");
  }

  /** The SQL condition of a record without a usable polygon (quarantined, never joined). */
  static final String UNUSABLE = "geom IS NULL OR ST_IsEmpty(geom)"
      + " OR ST_GeometryType(geom) NOT IN ('ST_Polygon', 'ST_MultiPolygon', 'ST_GeometryCollection')";
}
