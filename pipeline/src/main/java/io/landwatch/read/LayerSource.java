package io.landwatch.read;

import io.landwatch.LandwatchException;
import io.landwatch.config.LayerSpec;
import io.landwatch.config.Suggest;
import io.landwatch.geo.CoordinateBounds;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Gdal;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Vector;
import java.util.function.Consumer;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.gdal.ogr.Feature;
import org.gdal.ogr.FeatureDefn;
import org.gdal.ogr.Geometry;
import org.gdal.ogr.Layer;
import org.gdal.ogr.ogr;
import org.gdal.osr.SpatialReference;

/**
 * One open vector layer of any OGR format, with its text encoding decided and its CRS
 * identified. Features are visited one at a time and freed at once, so a layer of millions of
 * parcels never sits in memory. Not thread-safe: open one per thread.
 */
public final class LayerSource implements AutoCloseable {
  private final String label;
  private final Path path;
  private final Dataset dataset;
  private final Layer layer;
  private final TextEncoding encoding;
  private final Crs crs;
  private final LayerSpec.TableGeometry tableGeometry;
  private final SourceFile file;

  private LayerSource(String label, Path path, Dataset dataset, Layer layer, TextEncoding encoding,
      Crs crs, LayerSpec.TableGeometry tableGeometry, SourceFile file) {
    this.label = label;
    this.path = path;
    this.dataset = dataset;
    this.layer = layer;
    this.encoding = encoding;
    this.crs = crs;
    this.tableGeometry = tableGeometry;
    this.file = file;
  }

  /** Opens a layer of a job, named in messages as {@code inputs.<name>}. */
  public static LayerSource open(LayerSpec spec) {
    if (spec.remote()) {
      throw LandwatchException.invalidInput("inputs." + spec.name() + ": " + spec.uri() + " is a Hadoop file"
          + " system URI, which only the distributed engine reads (run --engine spark; see docs/SPARK.md)."
          + " On one machine give a local path, or a GDAL virtual path such as /vsis3/bucket/gd.shp.");
    }
    LayerSource s = open("inputs." + spec.name(), spec.path(), spec.layer(), spec.encoding(),
        spec.crs(), spec.geometry());
    if (spec.where() != null) {
      s.filter(spec.where());
    }
    return s;
  }

  /**
   * Opens a layer.
   *
   * @param label how messages name the layer, e.g. "inputs.farmland"
   * @param layerName the layer of a multi-layer source, or null for the first
   * @param encodingOverride charset for sources that declare none, or null
   * @param crsOverride CRS replacing the declared one, or null
   * @param tableGeometry geometry from attribute columns (CSV, XLSX), or null
   */
  public static LayerSource open(String label, Path path, String layerName, String encodingOverride,
      String crsOverride, LayerSpec.TableGeometry tableGeometry) {
    Gdal.init();
    if (!Files.exists(path)) {
      throw LandwatchException.invalidInput(label + ": the file " + path + " does not exist."
          + " Check the 'path' of " + label + " in the job file (paths are relative to the job file).");
    }
    SourceFile file = SourceFile.of(label, path, encodingOverride);
    Dataset ds;
    try {
      ds = gdal.OpenEx(file.openPath().toString(), gdalconst.OF_VECTOR | gdalconst.OF_READONLY, null,
          file.openOptions().isEmpty() ? null : file.openOptions());
    } catch (RuntimeException e) {
      ds = null;
    }
    if (ds == null) {
      String why = gdal.GetLastErrorMsg();
      if (why == null || why.isBlank()) {
        why = sizeOf(path) == 0 ? "the file is empty" : "GDAL recognises no vector format in it";
      }
      file.cleanUp();
      throw LandwatchException.invalidInput(label + ": " + path + " cannot be opened as a vector"
          + " data source (" + why + "). Check that every part of the dataset is"
          + " there (a Shapefile needs .shp, .shx and .dbf) and that the format is one GDAL reads"
          + " (landwatch inspect " + path.getFileName() + " shows what GDAL sees).");
    }
    Layer layer = pickLayer(ds, layerName, label, path);
    Crs crs;
    if (crsOverride != null) {
      crs = Crs.parse(crsOverride, label + ".crs");
    } else {
      SpatialReference srs = layer.GetSpatialRef();
      crs = srs == null ? null : Crs.of(srs);
    }
    return new LayerSource(label, path, ds, layer, file.encoding(), crs, tableGeometry, file);
  }

  private static Layer pickLayer(Dataset ds, String layerName, String label, Path path) {
    int n = ds.GetLayerCount();
    if (layerName == null) {
      if (n == 0) {
        throw LandwatchException.invalidInput(label + ": " + path + " holds no vector layer.");
      }
      return ds.GetLayer(0);
    }
    Layer l = ds.GetLayerByName(layerName);
    if (l == null) {
      List<String> names = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        names.add(ds.GetLayer(i).GetName());
      }
      throw LandwatchException.invalidInput(label + ": " + path + " has no layer '" + layerName
          + "'." + Suggest.didYouMean(layerName, names) + " Its layers are: "
          + String.join(", ", names) + ". Set 'layer:' of " + label + " to one of them.");
    }
    return l;
  }


  public String label() {
    return label;
  }

  public Path path() {
    return path;
  }

  public String layerName() {
    return layer.GetName();
  }

  public String driver() {
    return dataset.GetDriver().getShortName();
  }

  /** All layer names of the data source. */
  public List<String> layerNames() {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < dataset.GetLayerCount(); i++) {
      names.add(dataset.GetLayer(i).GetName());
    }
    return names;
  }

  public TextEncoding encoding() {
    return encoding;
  }

  /** The declared or overridden CRS, or null when the source has none. */
  public Crs crs() {
    return crs;
  }

  /** The CRS, or an error telling the user how to give one. */
  public Crs requireCrs() {
    Path prj = ShapefileParts.sibling(path, "prj");
    if (crs == null && prj != null) {
      String first;
      try {
        first = Files.readString(prj, StandardCharsets.ISO_8859_1).strip();
      } catch (IOException e) {
        first = "unreadable: " + e.getMessage();
      }
      first = first.length() > 60 ? first.substring(0, 60) + "…" : first;
      throw LandwatchException.invalidInput(label + ": the CRS file " + prj + " is there but is not"
          + " a CRS GDAL understands (it starts '" + first + "'). Replace it with the .prj of the"
          + " delivery, or add 'crs: EPSG:<code>' to " + label + " in the job file (e.g. EPSG:4526"
          + " for CGCS2000 Gauss-Kruger zone 38 with the zone prefix, EPSG:4490 for lon/lat).");
    }
    if (crs == null) {
      throw LandwatchException.invalidInput(label + ": " + path + " has no CRS (a Shapefile"
          + " without .prj, or a table). Add 'crs: EPSG:<code>' to " + label + " in the job file,"
          + " e.g. crs: EPSG:4526 for CGCS2000 3-degree Gauss-Kruger zone 38 (x ≈ 38 500 000),"
          + " EPSG:4540 for the same zone without the zone prefix, EPSG:4490 for CGCS2000 lon/lat.");
    }
    return crs;
  }

  /** Name of the geometry type OGR declares for the layer ("Polygon", "Multi Polygon", ...). */
  public String geometryTypeName() {
    if (tableGeometry != null) {
      return tableGeometry.isWkt() ? "WKT column " + tableGeometry.wkt()
          : "Point from " + tableGeometry.x() + "/" + tableGeometry.y();
    }
    return ogr.GeometryTypeToName(layer.GetGeomType());
  }

  /** The OGR geometry type code the layer declares (wkbUnknown for mixed layers). */
  public int geometryType() {
    return layer.GetGeomType();
  }

  /** Whether records can be fetched by FID without reading the layer from the start. */
  public boolean randomRead() {
    return tableGeometry == null && layer.TestCapability(org.gdal.ogr.ogrConstants.OLCRandomRead);
  }

  /** The record with this FID (delete it when done), or null. */
  public Feature feature(long fid) {
    return layer.GetFeature(fid);
  }

  public long featureCount() {
    return layer.GetFeatureCount(1);
  }

  public List<FieldInfo> fields() {
    FeatureDefn d = layer.GetLayerDefn();
    List<FieldInfo> out = new ArrayList<>();
    for (int i = 0; i < d.GetFieldCount(); i++) {
      var f = d.GetFieldDefn(i);
      out.add(new FieldInfo(f.GetName(), f.GetTypeName(), f.GetWidth()));
    }
    return out;
  }

  /** The reader of this layer's attributes, its field names and types read once. */
  public Attributes attributes() {
    return Attributes.of(layer.GetLayerDefn());
  }

  public List<String> fieldNames() {
    return fields().stream().map(FieldInfo::name).toList();
  }

  /** Index of a field by exact name, then case-insensitively (DBF names are often upper-cased). */
  public int fieldIndex(String name) {
    FeatureDefn d = layer.GetLayerDefn();
    int i = d.GetFieldIndex(name);
    if (i >= 0) {
      return i;
    }
    for (int k = 0; k < d.GetFieldCount(); k++) {
      if (d.GetFieldDefn(k).GetName().equalsIgnoreCase(name)) {
        return k;
      }
    }
    return -1;
  }

  /** Applies an OGR SQL attribute filter. */
  public void filter(String where) {
    try {
      if (layer.SetAttributeFilter(where) != 0) {
        throw new RuntimeException(gdal.GetLastErrorMsg());
      }
    } catch (RuntimeException e) {
      throw LandwatchException.invalidInput(label + ": the filter where: \"" + where
          + "\" is not valid OGR SQL (" + e.getMessage() + "). Fields are: "
          + String.join(", ", fieldNames()) + ".");
    }
  }

  /** Skips decoding every field not in {@code keep}: DBF decoding is a large part of a scan. */
  public void keepOnlyFields(Collection<String> keep) {
    Vector<String> ignored = new Vector<>();
    for (String f : fieldNames()) {
      if (keep.stream().noneMatch(k -> k.equalsIgnoreCase(f))) {
        ignored.add(f);
      }
    }
    if (tableGeometry == null) {
      ignored.add("OGR_STYLE");
    }
    layer.SetIgnoredFields(ignored);
  }

  /** Visits every feature in order; each is freed when the visitor returns. */
  public void forEach(Consumer<Feature> visitor) {
    forEachWhile(f -> {
      visitor.accept(f);
      return true;
    });
  }

  /** Visits features in order while the visitor returns true. */
  public void forEachWhile(java.util.function.Predicate<Feature> visitor) {
    layer.ResetReading();
    Feature f;
    boolean more = true;
    while (more && (f = layer.GetNextFeature()) != null) {
      try {
        more = visitor.test(f);
      } finally {
        f.delete();
      }
    }
  }

  /**
   * The feature's geometry as an OGR object owned by the caller (delete it), or null when the
   * record has none. Tables build it from their WKT or coordinate columns.
   */
  public Geometry geometryOf(Feature f) {
    if (tableGeometry == null) {
      Geometry g = f.GetGeometryRef();
      return g == null ? null : g.Clone();
    }
    return TableGeometryReader.read(tableGeometry, f);
  }

  /** True for tables (CSV, XLSX) whose geometry is built from columns. */
  boolean isTable() {
    return tableGeometry != null;
  }

  /**
   * For a record that came back without geometry: why, when the source did have geometry text
   * that OGR could not read (a GeoJSON "geometry" member that is not valid GeoJSON), else null.
   */
  public String unreadableGeometry(Feature f) {
    String nativeData;
    try {
      nativeData = f.GetNativeData();
    } catch (RuntimeException e) {
      return null;
    }
    if (nativeData == null || nativeData.isEmpty()) {
      return null;
    }
    try {
      var geometry = new com.fasterxml.jackson.databind.ObjectMapper().readTree(nativeData).get("geometry");
      if (geometry == null || geometry.isNull()) {
        return null;
      }
      String text = geometry.toString();
      return "the GeoJSON geometry cannot be read: " + (text.length() > 80 ? text.substring(0, 80) + "…" : text);
    } catch (java.io.IOException e) {
      return null;
    }
  }

  /** The layer extent {minX, maxX, minY, maxY} in its own CRS, or null when empty or unknown. */
  public double[] extent() {
    double[] ext = new double[4];
    try {
      return featureCount() > 0 && layer.GetExtent(ext, 1) == 0 ? ext : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The extent {minX, maxX, minY, maxY} of the records inside {@code bounds}, or null when none
   * is: a misplaced record (quarantined later) must not move the layer's extent.
   */
  public double[] extentInside(CoordinateBounds bounds) {
    return CoordinateFit.extentInside(this, bounds);
  }

  /**
   * The bounds each record of the layer must lie in, after checking that the layer as a whole
   * fits its CRS ({@link CoordinateFit}).
   */
  public CoordinateBounds checkCoordinatesFitCrs() {
    return CoordinateFit.check(this);
  }

  @Override
  public void close() {
    dataset.delete();
    file.cleanUp();
  }

  private static long sizeOf(Path p) {
    try {
      return Files.size(p);
    } catch (IOException e) {
      return -1;
    }
  }


}
