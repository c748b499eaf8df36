package io.landwatch.store;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.read.Crs;
import io.landwatch.read.Gdal;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.gdal.ogr.Feature;
import org.gdal.ogr.FieldDefn;
import org.gdal.ogr.Layer;
import org.gdal.ogr.ogr;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;

/**
 * The persistent case store: one GeoPackage (SQLite) that QGIS and ogrinfo open directly, with
 * the layers {@code cases} (patch polygons), {@code tasks} (patrol points), {@code history}
 * (append-only status changes) and {@code runs}. Every change happens inside one SQLite
 * transaction, so a run killed at any point leaves the store as it was. A lock file beside the
 * store keeps a second run out while one is working (the OS drops the lock if a run dies).
 */
public final class CaseStore implements AutoCloseable {
  private final Path file;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final Dataset ds;
  private final WKBWriter wkb = new WKBWriter();
  private boolean inTransaction;

  private CaseStore(Path file, FileChannel lockChannel, FileLock lock, Dataset ds) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.ds = ds;
  }

  /** Opens (creating when absent) the store, or fails at once when another run holds it. */
  public static CaseStore open(Path file) {
    Gdal.init();
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel ch = null;
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      ch = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock l;
      try {
        l = ch.tryLock();
      } catch (OverlappingFileLockException e) {
        l = null;
      }
      if (l == null) {
        ch.close();
        throw new LandwatchException(ExitCode.STORE_BUSY, "The case store " + file + " is being"
            + " used by another landwatch run (lock " + lockFile + "). Wait for it to finish; a"
            + " nightly schedule should not start a run while the previous one is still going.");
      }
      boolean fresh = !Files.exists(file);
      Dataset ds = fresh
          ? gdal.GetDriverByName("GPKG").Create(file.toString(), 0, 0, 0, gdalconst.GDT_Unknown)
          : gdal.OpenEx(file.toString(), gdalconst.OF_VECTOR | gdalconst.OF_UPDATE);
      if (ds == null) {
        l.release();
        ch.close();
        throw new LandwatchException(ExitCode.INVALID_INPUT, "The case store " + file + " cannot be"
            + " opened as a GeoPackage (" + gdal.GetLastErrorMsg() + "). Move it aside to start a new one.");
      }
      CaseStore store = new CaseStore(file, ch, l, ds);
      store.ensureSchema();
      return store;
    } catch (IOException e) {
      try {
        if (ch != null) {
          ch.close();
        }
      } catch (IOException ignored) {
        // reported below
      }
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot open the case store " + file + ": " + e.getMessage());
    }
  }

  public Path file() {
    return file;
  }

  private void ensureSchema() {
    if (ds.GetLayerByName("cases") != null) {
      return;
    }
    ds.StartTransaction();
    layer("cases", ogr.wkbMultiPolygon, "case_id", "patch_id", "status", "expanded:int",
        "area_m2:real", "unapproved_m2:real", "township", "village", "priority", "referral:int",
        "opened_on", "opened_run", "updated_run");
    layer("tasks", ogr.wkbPoint, "task_id", "case_id", "patch_id", "township", "village",
        "inspector", "phone", "priority", "due_on", "status", "created_on", "lon:real", "lat:real",
        "gcj02_lon:real", "gcj02_lat:real", "area_mu:real", "unapproved_mu:real", "farmland_mu:real",
        "basic_farmland_mu:real", "checked_on", "result", "action");
    layer("history", ogr.wkbNone, "at", "actor", "case_id", "task_id", "old_status",
        "new_status", "note");
    layer("runs", ogr.wkbNone, "run_id", "job", "run_date", "started", "finished",
        "patches:int", "new_cases:int", "updated_cases:int", "reopened_cases:int", "status");
    ds.CommitTransaction();
  }

  private void layer(String name, int geomType, String... fields) {
    Vector<String> opts = new Vector<>(List.of("FID=fid"));
    Layer l = ds.CreateLayer(name, geomType == ogr.wkbNone ? null : Crs.epsg(Crs.CGCS2000).srs(), geomType, opts);
    for (String f : fields) {
      String[] p = f.split(":");
      int t = p.length == 1 ? ogr.OFTString : p[1].equals("int") ? ogr.OFTInteger : ogr.OFTReal;
      l.CreateField(new FieldDefn(p[0], t));
    }
  }

  /** Starts the run's single transaction. */
  public void begin() {
    ds.StartTransaction();
    inTransaction = true;
  }

  public void commit() {
    ds.CommitTransaction();
    inTransaction = false;
  }

  public void rollback() {
    if (inTransaction) {
      ds.RollbackTransaction();
      inTransaction = false;
    }
  }

  // ---- reading

  public List<CaseRow> cases() {
    List<CaseRow> out = new ArrayList<>();
    Layer l = ds.GetLayerByName("cases");
    l.ResetReading();
    Feature f;
    while ((f = l.GetNextFeature()) != null) {
      out.add(new CaseRow(f.GetFID(), f.GetFieldAsString("case_id"), f.GetFieldAsString("patch_id"),
          f.GetFieldAsString("status"), f.GetFieldAsInteger("expanded") == 1, f.GetFieldAsDouble("area_m2"),
          jts(f.GetGeometryRef())));
      f.delete();
    }
    return out;
  }

  /** All rows of a layer as field → value maps (geometry left out), in fid order. */
  public List<Map<String, Object>> rows(String layerName, String where) {
    Layer l = ds.GetLayerByName(layerName);
    l.SetAttributeFilter(where);
    List<Map<String, Object>> out = new ArrayList<>();
    l.ResetReading();
    Feature f;
    while ((f = l.GetNextFeature()) != null) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("fid", f.GetFID());
      for (int i = 0; i < f.GetFieldCount(); i++) {
        String name = f.GetFieldDefnRef(i).GetName();
        int t = f.GetFieldType(i);
        m.put(name, !f.IsFieldSetAndNotNull(i) ? null
            : t == ogr.OFTInteger ? (Object) f.GetFieldAsInteger(i)
            : t == ogr.OFTReal ? (Object) f.GetFieldAsDouble(i) : f.GetFieldAsString(i));
      }
      out.add(m);
      f.delete();
    }
    l.SetAttributeFilter(null);
    return out;
  }

  /** The rows of a layer that belong to one case. */
  public List<Map<String, Object>> rowsOfCase(String layerName, String caseId) {
    return rows(layerName, "case_id = '" + caseId.replace("'", "''") + "'");
  }

  // ---- writing

  /** Inserts a row; values are String, Integer, Double or null; geometry in CGCS2000 lon/lat or null. */
  public long insert(String layerName, Map<String, Object> values, Geometry lonLat) {
    Layer l = ds.GetLayerByName(layerName);
    Feature f = new Feature(l.GetLayerDefn());
    try {
      set(f, values);
      if (lonLat != null) {
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb.write(lonLat)));
      }
      check(l.CreateFeature(f), "insert into " + layerName);
      return f.GetFID();
    } finally {
      f.delete();
    }
  }

  /** Updates some fields (and the geometry when not null) of the row {@code fid}. */
  public void update(String layerName, long fid, Map<String, Object> values, Geometry lonLat) {
    Layer l = ds.GetLayerByName(layerName);
    Feature f = l.GetFeature(fid);
    try {
      set(f, values);
      if (lonLat != null) {
        f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb.write(lonLat)));
      }
      check(l.SetFeature(f), "update of " + layerName);
    } finally {
      f.delete();
    }
  }

  private static void set(Feature f, Map<String, Object> values) {
    for (var e : values.entrySet()) {
      Object v = e.getValue();
      if (v == null) {
        f.SetFieldNull(e.getKey());
      } else if (v instanceof Integer i) {
        f.SetField(e.getKey(), i);
      } else if (v instanceof Boolean b) {
        f.SetField(e.getKey(), b ? 1 : 0);
      } else if (v instanceof Number n) {
        f.SetField(e.getKey(), n.doubleValue());
      } else {
        f.SetField(e.getKey(), v.toString());
      }
    }
  }

  private void check(int err, String what) {
    if (err != 0) {
      throw new LandwatchException(ExitCode.OUTPUT, "The case store " + file + " refused an "
          + what + ": " + gdal.GetLastErrorMsg());
    }
  }

  private static Geometry jts(org.gdal.ogr.Geometry g) {
    try {
      return g == null ? null : new WKBReader().read(g.ExportToWkb());
    } catch (ParseException e) {
      throw new IllegalStateException("unreadable geometry in the case store", e);
    }
  }

  @Override
  public void close() {
    rollback();
    ds.delete();
    try {
      lock.release();
      lockChannel.close();
    } catch (IOException ignored) {
      // the OS releases the lock with the process anyway
    }
  }
}
