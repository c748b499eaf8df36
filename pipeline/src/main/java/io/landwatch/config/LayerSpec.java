package io.landwatch.config;

import java.nio.file.Path;
import java.util.Map;

/**
 * One input layer of a job.
 *
 * @param role what the layer is used for
 * @param name how messages name it: the role key, with an index for the approvals list
 * @param path the data source, resolved against the job file's folder
 * @param layer the layer inside a multi-layer source, or null for the first/only one
 * @param encoding text encoding used when the source declares none (no .cpg), or null
 * @param crs CRS override ("EPSG:4526" or WKT) when the .prj is missing or wrong, or null
 * @param where OGR SQL attribute filter, or null
 * @param fields role field → source field name (defaults merged with the job's mapping)
 * @param explicitFields the role fields the job named itself (a missing one is an error)
 * @param geometry how a table without a geometry column (CSV, XLSX) builds its geometry, or null
 * @param uri a Hadoop file system URI (hdfs://, s3a://, file://) the distributed engine reads, or
 *     null for a local file; {@code path} then only names the layer
 */
public record LayerSpec(
    LayerRole role,
    String name,
    Path path,
    String layer,
    String encoding,
    String crs,
    String where,
    Map<String, String> fields,
    java.util.Set<String> explicitFields,
    TableGeometry geometry,
    String uri) {

  /** A local layer. */
  public LayerSpec(LayerRole role, String name, Path path, String layer, String encoding, String crs,
      String where, Map<String, String> fields, java.util.Set<String> explicitFields, TableGeometry geometry) {
    this(role, name, path, layer, encoding, crs, where, fields, explicitFields, geometry, null);
  }

  /** Whether the layer is a remote URI only the distributed engine reads. */
  public boolean remote() {
    return uri != null;
  }

  /** This layer read from a local copy at {@code local} (of a remote one). */
  public LayerSpec at(Path local) {
    return new LayerSpec(role, name, local, layer, encoding, crs, where, fields, explicitFields, geometry, null);
  }

  /** Geometry taken from attribute columns: a WKT column, or lon/lat (x/y) columns. */
  public record TableGeometry(String wkt, String x, String y) {
    public boolean isWkt() {
      return wkt != null;
    }
  }

  public String field(String roleField) {
    return fields.get(roleField);
  }
}
