package io.landwatch.write;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Gdal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Vector;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.Driver;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.gdal.ogr.Feature;
import org.gdal.ogr.FieldDefn;
import org.gdal.ogr.Layer;
import org.gdal.ogr.ogr;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes a polygon layer in any OGR format (Shapefile, GeoPackage, GeoJSON, FileGDB, CSV):
 * declare fields, add records (attributes + JTS geometry), close. Not thread-safe.
 */
public final class VectorFileWriter implements AutoCloseable {
  /** An attribute column. */
  public enum Type {
    STRING(ogr.OFTString), INTEGER(ogr.OFTInteger), REAL(ogr.OFTReal), DATE(ogr.OFTDate);

    final int ogrType;

    Type(int ogrType) {
      this.ogrType = ogrType;
    }
  }

  private final Path path;
  private final Dataset dataset;
  private Layer layer;
  private final Map<String, Type> fields = new LinkedHashMap<>();
  private final WKBWriter wkb = new WKBWriter();
  private final boolean transactional;
  private long pending;

  private VectorFileWriter(Path path, Dataset dataset, Layer layer, boolean transactional) {
    this.path = path;
    this.dataset = dataset;
    this.layer = layer;
    this.transactional = transactional;
    if (transactional) {
      dataset.StartTransaction();
    }
  }

  /**
   * Creates (replacing) a data source with one layer.
   *
   * @param driver OGR short name: "ESRI Shapefile", "GPKG", "GeoJSON", "OpenFileGDB", "CSV"
   * @param layerName the layer name
   * @param crs the layer CRS, or null to write none
   * @param geometryType OGR geometry type, e.g. ogr.wkbMultiPolygon
   * @param layerOptions creation options such as "ENCODING=CP936"
   */
  public static VectorFileWriter create(Path path, String driver, String layerName, Crs crs,
      int geometryType, String... layerOptions) {
    Gdal.init();
    try {
      Driver d = gdal.GetDriverByName(driver);
      if (Files.exists(path)) {
        d.Delete(path.toString());
      }
      Files.createDirectories(path.toAbsolutePath().getParent());
      Dataset ds = d.Create(path.toString(), 0, 0, 0, gdalconst.GDT_Unknown);
      Vector<String> opts = new Vector<>(java.util.List.of(layerOptions));
      Layer l = ds.CreateLayer(layerName, crs == null ? null : crs.srs(), geometryType, opts);
      return new VectorFileWriter(path, ds, l, driver.equals("GPKG"));
    } catch (java.io.IOException | RuntimeException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot create " + path + " (" + driver + "): "
          + e.getMessage() + " " + gdal.GetLastErrorMsg());
    }
  }

  public VectorFileWriter field(String name, Type type, int width) {
    return field(name, type, width, 2, null);
  }

  /**
   * A column with its decimals (reals) and an alternative name people read (a Chinese alias, kept
   * by GeoPackage and FileGDB; ignored by formats without aliases), or null.
   */
  public VectorFileWriter field(String name, Type type, int width, int decimals, String alias) {
    FieldDefn f = new FieldDefn(name, type.ogrType);
    if (width > 0) {
      f.SetWidth(width);
    }
    if (type == Type.REAL) {
      f.SetPrecision(decimals);
    }
    if (alias != null) {
      f.SetAlternativeName(alias);
    }
    layer.CreateField(f);
    fields.put(name, type);
    return this;
  }

  /** Finishes the current layer and starts another in the same data source (GeoPackage, FileGDB). */
  public VectorFileWriter nextLayer(String layerName, Crs crs, int geometryType) {
    if (transactional) {
      dataset.CommitTransaction();
      dataset.StartTransaction();
    }
    layer = dataset.CreateLayer(layerName, crs == null ? null : crs.srs(), geometryType, new Vector<>());
    if (layer == null) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot add layer " + layerName + " to " + path + ": "
          + gdal.GetLastErrorMsg());
    }
    fields.clear();
    return this;
  }

  /** Runs one SQL statement on the data source (GeoPackage: its SQLite), e.g. to keep QGIS styles. */
  public void sql(String statement) {
    gdal.ErrorReset();
    Layer r = dataset.ExecuteSQL(statement);
    if (r != null) {
      dataset.ReleaseResultSet(r);
    }
    if (gdal.GetLastErrorType() >= gdalconst.CE_Failure) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot write to " + path + ": " + gdal.GetLastErrorMsg());
    }
  }

  /** Adds a record; values are String, Number or java.time.LocalDate; geometry may be null. */
  public void add(Map<String, Object> values, Geometry geometry) {
    Feature f = new Feature(layer.GetLayerDefn());
    try {
      for (var e : values.entrySet()) {
        Object v = e.getValue();
        if (v == null) {
          continue;
        }
        if (v instanceof java.time.LocalDate d) {
          f.SetField(e.getKey(), d.getYear(), d.getMonthValue(), d.getDayOfMonth(), 0, 0, 0f, 0);
        } else if (v instanceof Integer i) {
          f.SetField(e.getKey(), i);
        } else if (v instanceof Number n) {
          f.SetField(e.getKey(), n.doubleValue());
        } else {
          f.SetField(e.getKey(), v.toString());
        }
      }
      if (geometry != null) {
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb.write(geometry)));
      }
      if (layer.CreateFeature(f) != 0) {
        throw new LandwatchException(ExitCode.OUTPUT, "Cannot write a record to " + path + ": "
            + gdal.GetLastErrorMsg());
      }
      if (transactional && ++pending % 50_000 == 0) {
        dataset.CommitTransaction();
        dataset.StartTransaction();
      }
    } finally {
      f.delete();
    }
  }

  @Override
  public void close() {
    if (transactional) {
      dataset.CommitTransaction();
    }
    dataset.delete();
  }
}
