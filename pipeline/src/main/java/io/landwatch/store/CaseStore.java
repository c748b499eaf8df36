package io.landwatch.store;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Gdal;
import io.landwatch.util.TestHooks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * transaction, so a run killed at any point leaves the store as it was. While a process has the
 * store open it holds SQLite's write lock on it, which keeps a second process out (the OS drops
 * the lock when the process dies, however it dies).
 */
public final class CaseStore implements AutoCloseable {
  private final Path file;
  private final Dataset ds;
  private final WKBWriter wkb = new WKBWriter();
  private boolean inTransaction;

  private CaseStore(Path file, Dataset ds) {
    this.file = file;
    this.ds = ds;
  }

  /**
   * Opens (creating when absent) the store, or fails at once when another process holds it.
   * The store is its own lock: the opener takes SQLite's write lock (RESERVED) on the file and
   * keeps it until {@link #close()}. That lock is an OS lock on the store file held by the
   * process, so it dies with the process however it dies, and there is no lock file to go stale
   * or to be deleted by hand. Readers (ledger, status) can still read meanwhile.
   */
  public static CaseStore open(Path file) {
    Gdal.init();
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      // Releases before 0.2 kept a lock file beside the store; it means nothing now.
      Files.deleteIfExists(file.resolveSibling(file.getFileName() + ".lock"));
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot create the folder of the case store " + file
          + ": " + e.getMessage() + ". Check that the folder is writable.");
    }
    boolean fresh = !Files.exists(file);
    Dataset ds;
    try {
      ds = fresh
          ? gdal.GetDriverByName("GPKG").Create(file.toString(), 0, 0, 0, gdalconst.GDT_Unknown)
          : gdal.OpenEx(file.toString(), gdalconst.OF_VECTOR | gdalconst.OF_UPDATE);
    } catch (RuntimeException e) {
      ds = null;
    }
    if (ds == null) {
      throw new LandwatchException(fresh ? ExitCode.OUTPUT : ExitCode.INVALID_INPUT, "The case store "
          + file + " cannot be " + (fresh ? "created" : "opened as a GeoPackage for writing") + " ("
          + gdal.GetLastErrorMsg() + "). " + (fresh ? "Check that the folder is writable and has free space."
          : "Check its permissions; if it is not a landwatch store, move it aside to start a new one."));
    }
    CaseStore store = new CaseStore(file, ds);
    try {
      store.claim();
      store.ensureSchema();
    } catch (RuntimeException e) {
      store.close();
      throw e instanceof LandwatchException le ? le : new LandwatchException(ExitCode.OUTPUT,
          "The case store " + file + " could not be set up (" + e.getMessage() + "). Check free"
          + " disk space and that the folder is writable.");
    }
    return store;
  }

  /**
   * Starts the transaction that holds the write lock: an update that changes nothing makes
   * SQLite take RESERVED at once, or fail at once with "database is locked".
   */
  private void claim() {
    try {
      // GDAL waits for a busy database; a second run must not wait, it must say so at once.
      ds.ExecuteSQL("PRAGMA busy_timeout = 0");
      ds.StartTransaction();
      gdal.ErrorReset();
      ds.ExecuteSQL("UPDATE gpkg_contents SET table_name = table_name WHERE 0");
      // GDAL reports a failed statement as an error message, not as an exception
      if (gdal.GetLastErrorType() >= gdalconst.CE_Failure) {
        throw new IllegalStateException(gdal.GetLastErrorMsg());
      }
    } catch (RuntimeException e) {
      String msg = String.valueOf(e.getMessage()) + " " + gdal.GetLastErrorMsg();
      try {
        ds.RollbackTransaction();
      } catch (RuntimeException ignored) {
        // nothing was started
      }
      if (msg.contains("locked") || msg.contains("busy")) {
        throw new LandwatchException(ExitCode.STORE_BUSY, "The case store " + file + " is being"
            + " used by another landwatch process. Wait for it to finish; a nightly schedule should"
            + " not start a run while the previous one is still going.");
      }
      throw e;
    }
    inTransaction = true;
  }

  public Path file() {
    return file;
  }

  private void ensureSchema() {
    if (ds.GetLayerByName("cases") != null) {
      addMissingColumn("history", "source_key");
      return;
    }
    layer("cases", ogr.wkbMultiPolygon, "case_id", "patch_id", "status", "expanded:int",
        "area_m2:real", "unapproved_m2:real", "township", "village", "priority", "referral:int",
        "opened_on", "opened_run", "updated_run");
    layer("tasks", ogr.wkbPoint, "task_id", "case_id", "patch_id", "township", "village",
        "inspector", "phone", "priority", "due_on", "status", "created_on", "lon:real", "lat:real",
        "gcj02_lon:real", "gcj02_lat:real", "area_mu:real", "unapproved_mu:real", "farmland_mu:real",
        "basic_farmland_mu:real", "checked_on", "result", "action");
    layer("history", ogr.wkbNone, "at", "actor", "case_id", "task_id", "old_status",
        "new_status", "note", "source_key");
    layer("runs", ogr.wkbNone, "run_id", "job", "run_date", "started", "finished",
        "patches:int", "new_cases:int", "updated_cases:int", "reopened_cases:int", "status");
    commit();
  }

  /** Stores written before a column existed get it (empty for their old rows). */
  private void addMissingColumn(String layerName, String column) {
    Layer l = ds.GetLayerByName(layerName);
    if (l.GetLayerDefn().GetFieldIndex(column) < 0) {
      guard(() -> l.CreateField(new FieldDefn(column, ogr.OFTString)), "upgrade of " + layerName);
    }
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
  /**
   * Marks the start of a change set. The store is always inside a transaction while it is open
   * (that transaction is the lock), so this only checks that the last one was not lost.
   */
  public void begin() {
    if (!inTransaction) {
      claim();
    }
  }

  /** Commits the changes since the last commit, then holds the lock again for the next ones. */
  public void commit() {
    TestHooks.point("store.commit");
    guard(() -> ds.CommitTransaction(), "commit");
    inTransaction = false;
    claim();
  }

  public void rollback() {
    if (inTransaction) {
      inTransaction = false;
      try {
        ds.RollbackTransaction();
      } catch (RuntimeException e) {
        // SQLite rolls back an interrupted transaction itself the next time the store is opened
      }
    }
  }

  /**
   * Runs one GDAL call on the store; a failure (disk full, read-only folder, ...) becomes exit 6
   * naming the store: with GDAL exceptions on, the binding would otherwise throw "General Error".
   */
  private void guard(java.util.function.IntSupplier call, String what) {
    int err;
    String detail;
    try {
      TestHooks.diskFull("store", file);
      err = call.getAsInt();
      detail = err == 0 ? null : gdal.GetLastErrorMsg();
    } catch (java.nio.file.FileSystemException e) {
      err = -1;
      detail = "database or disk is full (" + e.getReason() + ")";
    } catch (RuntimeException e) {
      err = -1;
      detail = e.getMessage();
    }
    if (err != 0) {
      throw new LandwatchException(ExitCode.OUTPUT, "The case store " + file + " could not be written"
          + " (" + what + ": " + detail + diskSpace() + "). Check free disk space and that the folder is"
          + " writable; nothing of this run was committed, so run it again once that is fixed.");
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
      guard(() -> l.CreateFeature(f), "insert into " + layerName);
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
      guard(() -> l.SetFeature(f), "update of " + layerName);
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

  /** SQLite's "disk full" reaches us as GDAL's "General Error": say what the disk says. */
  private String diskSpace() {
    try {
      long free = Files.getFileStore(file.toAbsolutePath().getParent()).getUsableSpace();
      return free < (1 << 20) ? "; the disk holding the store is full (" + free / 1024 + " KiB free)" : "";
    } catch (IOException e) {
      return "";
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
  }
}
