package io.landwatch.spark;

import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.judge.PatchResult;
import io.landwatch.write.PatchProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.locationtech.jts.io.WKBWriter;

/**
 * patches.parquet: the judged patches as GeoParquet (CGCS2000 lon/lat), with the CRS recorded
 * as PROJJSON in the GeoParquet metadata (without it readers assume OGC:CRS84 or nothing).
 */
final class GeoParquetOutput {
  private GeoParquetOutput() {}

  static void write(SparkSession spark, List<PatchResult> results, Path target, Crs working) {
    Crs lonLat = Crs.epsg(Crs.CGCS2000);
    Reprojector toLonLat = Reprojector.between(working, lonLat);
    List<String> names = PatchProperties.NAMES;
    List<StructField> fields = new ArrayList<>();
    for (String n : names) {
      DataType t = n.endsWith("_m2") || n.endsWith("_mu") ? DataTypes.DoubleType
          : n.equals("referral") ? DataTypes.BooleanType : DataTypes.StringType;
      fields.add(DataTypes.createStructField(n, t, true));
    }
    fields.add(DataTypes.createStructField("wkb", DataTypes.BinaryType, false));
    WKBWriter wkb = new WKBWriter();
    List<Row> rows = new ArrayList<>();
    for (PatchResult r : results) {
      List<Object> values = new ArrayList<>();
      for (Map.Entry<String, Object> e : PatchProperties.of(r).entrySet()) {
        Object v = e.getValue();
        values.add(v instanceof PatchProperties.Decimal d ? Double.valueOf(d.text())
            : v instanceof List<?> l ? String.join(";", l.stream().map(Object::toString).toList()) : v);
      }
      values.add(wkb.write(toLonLat.apply(r.patch().geometry())));
      rows.add(RowFactory.create(values.toArray()));
    }
    String[] projjson = new String[1];
    lonLat.srs().ExportToPROJJSON(projjson);
    List<String> select = new ArrayList<>(names);
    select.add("ST_GeomFromWKB(wkb) AS geometry");
    spark.createDataFrame(rows, new StructType(fields.toArray(new StructField[0])))
        .selectExpr(select.toArray(new String[0])).coalesce(1).write().mode(SaveMode.Overwrite)
        .format("geoparquet").option("geoparquet.crs", projjson[0]).save(target.toString());
  }
}
