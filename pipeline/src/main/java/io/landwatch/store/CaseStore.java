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
import java.util.Vector;
import java.util.logging.Logger;
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
  private static final Logger LOG = Logger.getLogger("landwatch");
  private final WKBWriter wkb = new WKBWriter();
  private long writes;
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

  /**
   * Brings the store to {@link StoreSchema#CURRENT}: a new store gets the first release's tables
   * and then every migration (so a new store and a migrated one are the same), an older store the
   * migrations it lacks, all inside the opening transaction. A store of a newer release is refused.
   */
  private void ensureSchema() {
    int version = version();
    if (version > StoreSchema.CURRENT) {
      throw new LandwatchException(ExitCode.INVALID_INPUT, "The case store " + file + " was written by a"
          + " newer landwatch (store version " + version + "; this one knows up to " + StoreSchema.CURRENT
          + "). Run the newer landwatch, or restore the store from before it was upgraded.");
    }
    if (version == StoreSchema.CURRENT) {
      return;
    }
    if (version == 0) {
      StoreSchema.V1.forEach(this::createTable);
      version = 1;
    }
    for (StoreSchema.Migration m : StoreSchema.MIGRATIONS) {
      if (m.from() >= version) {
        m.changes().forEach(this::apply);
        LOG.info("case store " + file + ": upgraded from version " + m.from() + " to " + (m.from() + 1)
            + " (" + m.what() + ")");
      }
    }
    setVersion(StoreSchema.CURRENT);
    commit();
  }

  /** 0 for a new store, 1 for the first release's (no version recorded), else the recorded one. */
  private int version() {
    if (ds.GetLayerByName("cases") == null) {
      return 0;
    }
    Layer meta = ds.GetLayerByName(StoreSchema.META);
    if (meta == null) {
      return 1;
    }
    meta.SetAttributeFilter("key = 'schema_version'");
    meta.ResetReading();
    Feature f = meta.GetNextFeature();
    try {
      return f == null ? 1 : Integer.parseInt(f.GetFieldAsString("value"));
    } finally {
      if (f != null) {
        f.delete();
      }
      meta.SetAttributeFilter(null);
    }
  }

  private void setVersion(int version) {
    Layer meta = ds.GetLayerByName(StoreSchema.META);
    if (meta == null) {
      createTable(new StoreSchema.Table(StoreSchema.META, null,
          List.of(StoreSchema.text("key"), StoreSchema.text("value"))));
      meta = ds.GetLayerByName(StoreSchema.META);
    }
    Layer l = meta;
    l.SetAttributeFilter("key = 'schema_version'");
    l.ResetReading();
    Feature f = l.GetNextFeature();
    l.SetAttributeFilter(null);
    Feature row = f != null ? f : new Feature(l.GetLayerDefn());
    try {
      row.SetField("key", "schema_version");
      row.SetField("value", Integer.toString(version));
      guard(() -> f != null ? l.SetFeature(row) : l.CreateFeature(row), "record of the store version");
    } finally {
      row.delete();
    }
  }

  private void apply(StoreSchema.Change change) {
    if (change instanceof StoreSchema.AddColumn a) {
      Layer l = ds.GetLayerByName(a.table());
      if (l.GetLayerDefn().GetFieldIndex(a.column().name()) < 0) {
        guard(() -> l.CreateField(fieldDefn(a.column())), "upgrade of " + a.table());
      }
    } else if (change instanceof StoreSchema.CreateTable c) {
      if (ds.GetLayerByName(c.table().name()) == null) {
        createTable(c.table());
      }
    } else if (change instanceof StoreSchema.Update u) {
      gdal.ErrorReset();
      ds.ExecuteSQL(u.sql());
      if (gdal.GetLastErrorType() >= gdalconst.CE_Failure) {
        throw new LandwatchException(ExitCode.OUTPUT, "The case store " + file + " could not be upgraded ("
            + gdal.GetLastErrorMsg() + diskSpace() + "); it is left as it was.");
      }
    }
  }

  private void createTable(StoreSchema.Table t) {
    Vector<String> opts = new Vector<>(List.of("FID=fid"));
    int type = t.geometry() == null ? ogr.wkbNone : switch (t.geometry()) {
      case "point" -> ogr.wkbPoint;
      case "multilinestring" -> ogr.wkbMultiLineString;
      case "geometry" -> ogr.wkbUnknown;
      default -> ogr.wkbMultiPolygon;
    };
    Layer l = ds.CreateLayer(t.name(), t.geometry() == null ? null : Crs.epsg(Crs.CGCS2000).srs(), type, opts);
    if (l == null) {
      throw new LandwatchException(ExitCode.OUTPUT, "The case store " + file + " could not create its table "
          + t.name() + " (" + gdal.GetLastErrorMsg() + diskSpace() + ").");
    }
    for (StoreSchema.Column c : t.columns()) {
      guard(() -> l.CreateField(fieldDefn(c)), "creation of " + t.name());
    }
  }

  private static FieldDefn fieldDefn(StoreSchema.Column c) {
    return new FieldDefn(c.name(), switch (c.type()) {
      case TEXT -> ogr.OFTString;
      case INTEGER -> ogr.OFTInteger;
      case REAL -> ogr.OFTReal;
    });
  }

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

  /** Every case with its geometry, in fid order. */
  public List<CaseRow> cases() {
    List<CaseRow> out = new ArrayList<>();
    scan("cases", null, f -> out.add(CaseRow.read(new FeatureFields(f), jts(f.GetGeometryRef()))));
    return out;
  }

  /** Every task, in fid order. */
  public List<TaskRow> tasks() {
    return rows("tasks", null, TaskRow::read);
  }

  /** The tasks that are not closed, in task id order. */
  public List<TaskRow> openTasks() {
    List<TaskRow> out = new ArrayList<>(rows("tasks", "status <> 'closed'", TaskRow::read));
    out.sort(java.util.Comparator.comparing(TaskRow::taskId));
    return out;
  }

  /** The whole history, in the order it was written. */
  public List<HistoryRow> history() {
    return rows("history", null, HistoryRow::read);
  }

  /** Every photo kept as evidence, in the order they were added. */
  public List<EvidenceRow> evidence() {
    return rows("evidence", null, EvidenceRow::read);
  }

  /** Every lead, in the order they were imported, with their points and polygons. */
  public List<LeadRow> leads() {
    List<LeadRow> out = new ArrayList<>();
    scan("leads", null, f -> out.add(LeadRow.read(new FeatureFields(f), jts(f.GetGeometryRef()))));
    return out;
  }

  /** Every patrol record, in the order they were imported, with their tracks. */
  public List<PatrolRow> patrols() {
    List<PatrolRow> out = new ArrayList<>();
    scan("patrols", null, f -> out.add(PatrolRow.read(new FeatureFields(f), jts(f.GetGeometryRef()))));
    return out;
  }

  /** Every outline measured in the field, oldest first. */
  public List<OutlineRow> outlines() {
    List<OutlineRow> out = new ArrayList<>();
    scan("outlines", null, f -> out.add(OutlineRow.read(new FeatureFields(f), jts(f.GetGeometryRef()))));
    return out;
  }

  /** Every case's place in its legal life, by case id. */
  public java.util.Map<String, CaseLife> caseLife() {
    java.util.Map<String, CaseLife> out = new java.util.HashMap<>();
    scan("cases", null, f -> out.put(f.GetFieldAsString("case_id"), CaseLife.read(new FeatureFields(f))));
    return out;
  }

  /** Every step of every case, in the order they were recorded. */
  public List<StepRow> steps() {
    return rows("steps", null, StepRow::read);
  }

  /** Lineage: every (case, patch) pair, in the order recorded. */
  public List<String[]> casePatches() {
    List<String[]> out = new ArrayList<>();
    scan("case_patches", null, f -> out.add(new String[] {f.GetFieldAsString("case_id"), f.GetFieldAsString("patch_id"),
        f.GetFieldAsString("role"), f.GetFieldAsString("after_date"), f.GetFieldAsString("area_m2"),
        f.GetFieldAsString("run_id")}));
    return out;
  }

  /** Per run and township: patches, farmland they occupy, the suspected part (rows in the order written). */
  public List<RunTotal> runTotals() {
    return rows("run_totals", null, f -> new RunTotal(f.text("run_id"), f.date("run_date"), f.text("township"),
        f.integer("patches"), f.real("patch_farmland_m2"), f.real("suspected_farmland_m2")));
  }

  /** One row of {@link #runTotals()}. */
  public record RunTotal(String runId, java.time.LocalDate runDate, String township, int patches,
      double patchFarmlandM2, double suspectedFarmlandM2) {}

  void insert(RunTotal t) {
    insert("run_totals", w -> {
      w.set("run_id", t.runId());
      w.date("run_date", t.runDate());
      w.set("township", t.township());
      w.set("patches", t.patches());
      w.set("patch_farmland_m2", t.patchFarmlandM2());
      w.set("suspected_farmland_m2", t.suspectedFarmlandM2());
    }, null);
  }

  /** Every run, oldest first. */
  public List<RunRow> runs() {
    return rows("runs", null, RunRow::read);
  }

  /** The rows of a table without geometry, each read by its record. */
  private <T> List<T> rows(String table, String where, java.util.function.Function<StoreFields, T> read) {
    List<T> out = new ArrayList<>();
    scan(table, where, f -> out.add(read.apply(new FeatureFields(f))));
    return out;
  }

  private void scan(String table, String where, java.util.function.Consumer<Feature> visitor) {
    Layer l = ds.GetLayerByName(table);
    l.SetAttributeFilter(where);
    l.ResetReading();
    try {
      Feature f;
      while ((f = l.GetNextFeature()) != null) {
        try {
          visitor.accept(f);
        } finally {
          f.delete();
        }
      }
    } finally {
      l.SetAttributeFilter(null);
    }
  }

  // ---- writing

  /** Inserts a case with its geometry (CGCS2000 lon/lat). */
  public void insert(CaseRow c) {
    insert("cases", c::write, c.geometry());
  }

  /** Writes a case's fields, and its geometry when not null, over its row. */
  public void update(CaseRow c) {
    update("cases", c.fid(), c::write, c.geometry());
  }

  /** Inserts a task; its point is (lon, lat). */
  public void insert(TaskRow t) {
    insert("tasks", t::write, point(t));
  }

  public void update(TaskRow t) {
    update("tasks", t.fid(), t::write, point(t));
  }

  public void insert(HistoryRow h) {
    insert("history", h::write, null);
  }

  public void insert(EvidenceRow e) {
    insert("evidence", e::write, null);
  }

  public void insert(LeadRow l) {
    insert("leads", l::write, l.geometry());
  }

  public void insert(PatrolRow p) {
    insert("patrols", p::write, p.track() instanceof org.locationtech.jts.geom.LineString l
        ? l.getFactory().createMultiLineString(new org.locationtech.jts.geom.LineString[] {l}) : p.track());
  }

  public void insert(OutlineRow o) {
    insert("outlines", o::write, o.geometry() instanceof org.locationtech.jts.geom.Polygon p
        ? p.getFactory().createMultiPolygon(new org.locationtech.jts.geom.Polygon[] {p}) : o.geometry());
  }

  public void insert(StepRow s) {
    insert("steps", s::write, null);
  }

  /** Records that a patch belongs to a case (lineage). */
  void insertCasePatch(String caseId, String patchId, String role, java.time.LocalDate afterDate, double areaM2,
      String runId) {
    insert("case_patches", w -> {
      w.set("case_id", caseId);
      w.set("patch_id", patchId);
      w.set("role", role);
      w.date("after_date", afterDate);
      w.set("area_m2", areaM2);
      w.set("run_id", runId);
    }, null);
  }

  /** Writes a case's lifecycle fields (stage, escalation, ...) only; its judgment and outline are left. */
  void setLife(long fid, java.util.function.Consumer<StoreFields.Writer> fields) {
    update("cases", fid, fields, null);
  }

  public void insert(RunRow r) {
    insert("runs", r::write, null);
  }

  private Geometry point(TaskRow t) {
    return new org.locationtech.jts.geom.GeometryFactory().createPoint(
        new org.locationtech.jts.geom.Coordinate(t.lon(), t.lat()));
  }

  /** How many rows this store has inserted or updated since it was opened: whether what was read is still current. */
  long writes() {
    return writes;
  }

  private void insert(String layerName, java.util.function.Consumer<StoreFields.Writer> values, Geometry lonLat) {
    writes++;
    Layer l = ds.GetLayerByName(layerName);
    Feature f = new Feature(l.GetLayerDefn());
    try {
      fill(f, values, lonLat);
      guard(() -> l.CreateFeature(f), "insert into " + layerName);
    } finally {
      f.delete();
    }
  }

  private void update(String layerName, long fid, java.util.function.Consumer<StoreFields.Writer> values,
      Geometry lonLat) {
    writes++;
    Layer l = ds.GetLayerByName(layerName);
    Feature f = l.GetFeature(fid);
    try {
      fill(f, values, lonLat);
      guard(() -> l.SetFeature(f), "update of " + layerName);
    } finally {
      f.delete();
    }
  }

  /** A row's values, and its geometry when not null (CGCS2000 lon/lat), into a feature. */
  private void fill(Feature f, java.util.function.Consumer<StoreFields.Writer> values, Geometry lonLat) {
    values.accept((name, v) -> set(f, name, v));
    if (lonLat != null) {
      f.SetGeometryDirectly(ogr.CreateGeometryFromWkb(wkb.write(lonLat)));
    }
  }

  private static void set(Feature f, String name, Object v) {
    if (v == null) {
      f.SetFieldNull(name);
    } else if (v instanceof Integer i) {
      f.SetField(name, i);
    } else if (v instanceof Number n) {
      f.SetField(name, n.doubleValue());
    } else {
      f.SetField(name, v.toString());
    }
  }

  /** A feature's fields as {@link StoreFields}. */
  private record FeatureFields(Feature f) implements StoreFields {
    @Override
    public long fid() {
      return f.GetFID();
    }

    @Override
    public String text(String name) {
      int i = f.GetFieldIndex(name);
      return i < 0 || !f.IsFieldSetAndNotNull(i) ? null : f.GetFieldAsString(i);
    }

    @Override
    public double real(String name) {
      int i = f.GetFieldIndex(name);
      return i < 0 || !f.IsFieldSetAndNotNull(i) ? 0 : f.GetFieldAsDouble(i);
    }

    @Override
    public int integer(String name) {
      int i = f.GetFieldIndex(name);
      return i < 0 || !f.IsFieldSetAndNotNull(i) ? 0 : f.GetFieldAsInteger(i);
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
