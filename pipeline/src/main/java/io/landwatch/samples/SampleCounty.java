package io.landwatch.samples;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.detect.ChangeType;
import io.landwatch.geo.Crs;
import io.landwatch.geo.Reprojector;
import io.landwatch.util.ProgressLog;
import io.landwatch.write.VectorFileWriter.Type;
import io.landwatch.write.VectorFileWriter;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.logging.Logger;
import org.gdal.ogr.ogr;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.util.AffineTransformation;

/**
 * Writes a synthetic county with the realities of domain.md: GBK DBFs with and without .cpg,
 * layers in EPSG:4526 and EPSG:4490, invalid geometries, duplicated parcels, a bad date, a
 * null geometry, approvals of every kind (some expired or dated after the patch), and a job.yaml.
 * Deterministic for a seed; {@code scale} multiplies the farmland parcel count (benchmarks).
 */
public final class SampleCounty {
  private static final Logger LOG = Logger.getLogger("landwatch");
  /** County frame in EPSG:4526 (CGCS2000 GK zone 38), near Lingchuan, Shanxi (113.3 E, 35.8 N). */
  static final double X0 = 38_430_000;
  static final double Y0 = 3_955_000;
  /** Where the counties of {@link #write(Path, long, int, int)} lie: a row of five, then the next row. */
  private static final double COUNTY_STEP_X = 15_000;
  private static final double COUNTY_STEP_Y = 12_000;
  static final double WIDTH = 12_000;
  static final double HEIGHT = 9_000;
  static final String COUNTY_CODE = "140524";
  private static final String[] TOWNSHIPS = {"崇文镇", "礼义镇", "附城镇", "西河底镇"};
  private static final String[] VILLAGE_STEMS = {"东街", "西街", "南关", "北关", "石门", "上河",
      "下河", "杨村", "马庄", "李家庄", "王家岭", "张家沟", "后山", "前进", "红旗", "丈河"};
  private static final String[] INSPECTORS = {"张伟", "王芳", "李娜", "刘洋", "陈静", "杨磊",
      "赵敏", "黄强", "周杰", "吴霞", "徐涛", "孙丽", "胡军", "朱红", "高峰", "林海"};
  private static final String[][] LAND_CLASSES = {{"0101", "水田"}, {"0102", "水浇地"}, {"0103", "旱地"}};
  private static final String[] CHANGE_TYPES = {"新增建设用地", "推填土", "光伏用地", "设施农用地", "道路"};
  private static final String[] APPROVAL_KINDS = {"农用地转用", "建设用地供地", "临时用地", "设施农业用地备案"};

  private final GeometryFactory gf = new GeometryFactory();
  private final SplittableRandom rnd;
  private final Path dir;
  private final int scale;
  private final Crs gk = Crs.epsg(4526);
  private final Crs geographic = Crs.epsg(4490);
  private final Reprojector toGeographic;
  private final double x0;
  private final double y0;
  private final String countyCode;

  /**
   * What was written, for logs and tests.
   *
   * @param quarantined the records planted to be quarantined by a run of the job, in record order
   * @param repaired the patch records planted to be repaired (record → repair category)
   */
  public record Written(Path jobFile, int patches, long farmland, long basicFarmland, int approvals,
      int homesteads, int villages, List<Planted> quarantined, Map<Integer, String> repaired) {

    /** How many records of {@code layer} a run quarantines. */
    public long quarantinedIn(String layer) {
      return quarantined.stream().filter(q -> q.layer().equals(layer)).count();
    }
  }

  /** A record planted to be quarantined: layer, record number (OGR feature id), patch id, category. */
  public record Planted(String layer, long record, String id, String category) {}

  /** The patch records that carry a planted defect. */
  private static final int BAD_DATE = 20;
  private static final int NULL_GEOMETRY = 21;
  private static final int BOW_TIE = 11;
  private static final int OVERLAPPING_PARTS = 12;

  private SampleCounty(Path dir, long seed, int scale, int county) {
    this.dir = dir;
    this.x0 = X0 + (county % 5) * COUNTY_STEP_X;
    this.y0 = Y0 + (county / 5) * COUNTY_STEP_Y;
    this.countyCode = Integer.toString(Integer.parseInt(COUNTY_CODE) + county);
    this.rnd = new SplittableRandom(seed);
    this.scale = scale;
    this.toGeographic = Reprojector.between(gk, geographic);
  }

  public static Written write(Path dir, long seed, int scale) {
    return write(dir, seed, scale, 0);
  }

  /**
   * County number {@code county} of a generated province: the same kind of county, moved east
   * by 15 km per county in rows of five (12 km apart), with its own county code (140524 + county)
   * in every patch id, so that the counties of a province neither overlap nor share ids.
   */
  public static Written write(Path dir, long seed, int scale, int county) {
    if (county < 0 || county > 9) {
      throw new LandwatchException(ExitCode.USAGE, "county must be 0 to 9, got " + county);
    }
    if (scale < 1) {
      throw new LandwatchException(ExitCode.USAGE, "--scale must be at least 1, got " + scale);
    }
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot create " + dir + ": " + e.getMessage());
    }
    return new SampleCounty(dir, seed, scale, county).writeAll();
  }

  private Written writeAll() {
    List<Polygon> villageCells = villages();
    List<Geometry> patches = patchGeometries();
    int patchCount = writePatches(patches);
    int[] approvals = writeApprovals(patches);
    long[] farm = writeFarmland();
    writeRedLine();
    writeImagery();
    Path job = writeJob();
    LOG.info(String.format("sample county in %s: %d patches, %,d farmland and %,d basic farmland"
        + " parcels, %d approvals, %d homestead approvals, %d villages", dir, patchCount, farm[0],
        farm[1], approvals[0], approvals[1], villageCells.size()));
    List<Planted> planted = List.of(
        new Planted("patches", BAD_DATE, patchId(BAD_DATE), "bad_date"),
        new Planted("patches", NULL_GEOMETRY, patchId(NULL_GEOMETRY), "null_geometry"));
    Map<Integer, String> repaired = Map.of(BOW_TIE, "self_intersection_split", OVERLAPPING_PARTS, "overlapping_parts_unioned");
    return new Written(job, patchCount, farm[0], farm[1], approvals[0], approvals[1], villageCells.size(),
        planted, repaired);
  }

  private String patchId(int record) {
    return String.format("%s2023%04d", countyCode, record + 1);
  }

  // ---- villages: 4 townships × 4 villages, GBK with .cpg, EPSG:4526

  private List<Polygon> villages() {
    List<Polygon> cells = new ArrayList<>();
    try (VectorFileWriter w = VectorFileWriter.create(dir.resolve("cun.shp"), "ESRI Shapefile", "cun",
        gk, ogr.wkbPolygon, "ENCODING=CP936")) {
      w.field("CJMC", Type.STRING, 40).field("XZMC", Type.STRING, 40).field("XZQDM", Type.STRING, 12)
          .field("WGY", Type.STRING, 20).field("LXDH", Type.STRING, 20);
      double tw = WIDTH / 2;
      double th = HEIGHT / 2;
      int v = 0;
      for (int t = 0; t < 4; t++) {
        double tx = x0 + (t % 2) * tw;
        double ty = y0 + (t / 2) * th;
        for (int k = 0; k < 4; k++) {
          Polygon cell = rect(tx + (k % 2) * tw / 2, ty + (k / 2) * th / 2, tw / 2, th / 2);
          cells.add(cell);
          Map<String, Object> a = new LinkedHashMap<>();
          a.put("CJMC", VILLAGE_STEMS[v] + "村");
          a.put("XZMC", TOWNSHIPS[t]);
          a.put("XZQDM", countyCode + String.format("%03d%03d", t + 1, k + 1));
          a.put("WGY", INSPECTORS[v]);
          a.put("LXDH", String.format("139%08d", 35_240_000 + v * 1013));
          w.add(a, cell);
          v++;
        }
      }
    }
    return cells;
  }

  // ---- patches: a few hundred, GBK with .cpg, EPSG:4526

  private List<Geometry> patchGeometries() {
    List<Geometry> out = new ArrayList<>();
    int n = 300;
    for (int i = 0; i < n; i++) {
      double cx = x0 + 200 + rnd.nextDouble() * (WIDTH - 400);
      double cy = y0 + 200 + rnd.nextDouble() * (HEIGHT - 400);
      double w = 20 + rnd.nextDouble() * 130;
      double h = 20 + rnd.nextDouble() * 100;
      Geometry g = rect(cx - w / 2, cy - h / 2, w, h);
      int shape = i % 10;
      if (shape == 3) {
        g = lShape(cx, cy, w, h);
      } else if (shape == 7) {
        g = withHole(cx, cy, w, h);
      }
      g = AffineTransformation.rotationInstance(rnd.nextDouble() * Math.PI / 2, cx, cy).transform(g);
      out.add(g);
    }
    // The realities the pipeline must survive: a bow-tie, overlapping parts, a straddler.
    double bx = x0 + 3000;
    double by = y0 + 2000;
    out.set(BOW_TIE, gf.createPolygon(coords(bx, by, bx + 80, by + 60, bx + 80, by, bx, by + 60, bx, by)));
    Polygon a = rect(x0 + 7000, y0 + 5000, 60, 40);
    Polygon b = rect(x0 + 7030, y0 + 5020, 60, 40);
    out.set(OVERLAPPING_PARTS, gf.createMultiPolygon(new Polygon[] {a, b}));
    out.set(13, rect(x0 + WIDTH / 4 - 40, y0 + 1000, 100, 50)); // straddles two villages
    out.set(14, gf.createMultiPolygon(new Polygon[] {rect(x0 + 9000, y0 + 7000, 50, 50),
        rect(x0 + 9100, y0 + 7000, 40, 30)}));
    return out;
  }

  private int writePatches(List<Geometry> geoms) {
    try (VectorFileWriter w = VectorFileWriter.create(dir.resolve("patches.shp"), "ESRI Shapefile",
        "patches", gk, ogr.wkbPolygon, "ENCODING=CP936")) {
      w.field("JCBH", Type.STRING, 20).field("XZQDM", Type.STRING, 12).field("QSX", Type.STRING, 10)
          .field("HSX", Type.STRING, 10).field("JCMJ", Type.REAL, 16).field("TBLX", Type.STRING, 20)
          .field("BHLX", Type.STRING, 20).field("BZ", Type.STRING, 60);
      for (int i = 0; i < geoms.size(); i++) {
        LocalDate after = LocalDate.of(2023, 4, 1).plusDays(rnd.nextInt(90));
        LocalDate before = LocalDate.of(2023, 1, 1).plusDays(rnd.nextInt(80));
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("JCBH", patchId(i));
        a.put("XZQDM", countyCode);
        a.put("QSX", formatDate(before, i));
        a.put("HSX", i == BAD_DATE ? "20230631" : formatDate(after, i + 1));
        a.put("JCMJ", Math.round(geoms.get(i).getArea() * 100) / 100.0);
        a.put("TBLX", CHANGE_TYPES[i % CHANGE_TYPES.length]);
        a.put("BHLX", i % 3 == 0 ? "耕地变建设用地" : "其他变化");
        a.put("BZ", i == BOW_TIE ? "自相交图斑（8字形）" : i == OVERLAPPING_PARTS ? "多部件重叠" : "第二季度卫片图斑");
        w.add(a, i == NULL_GEOMETRY ? null : geoms.get(i));
      }
    }
    return geoms.size();
  }

  /** Dates as the ministry's tables mix them: 20230415, 2023-04-15, 2023/4/15. */
  private static String formatDate(LocalDate d, int i) {
    return switch (i % 3) {
      case 0 -> String.format("%04d%02d%02d", d.getYear(), d.getMonthValue(), d.getDayOfMonth());
      case 1 -> d.toString();
      default -> d.getYear() + "/" + d.getMonthValue() + "/" + d.getDayOfMonth();
    };
  }

  // ---- approvals: GeoPackage in EPSG:4490, plus homestead approvals as a CSV with WKT

  private int[] writeApprovals(List<Geometry> patches) {
    int count = 0;
    int homesteads = 0;
    try (VectorFileWriter w = VectorFileWriter.create(dir.resolve("approvals.gpkg"), "GPKG",
        "approvals", geographic, ogr.wkbMultiPolygon)) {
      w.field("PZWH", Type.STRING, 40).field("PZLX", Type.STRING, 20).field("PZRQ", Type.DATE, 0)
          .field("YXQZ", Type.DATE, 0).field("XMMC", Type.STRING, 60);
      for (int i = 0; i < patches.size(); i++) {
        Geometry p = patches.get(i);
        int roll = rnd.nextInt(100);
        if (roll >= 60 || i == 11 || i == 12) {
          continue;
        }
        String kind = APPROVAL_KINDS[roll % APPROVAL_KINDS.length];
        Geometry cover;
        if (roll < 30) {
          cover = p.getEnvelope().buffer(5); // full cover
        } else if (roll < 45) {
          Coordinate c = p.getCentroid().getCoordinate();
          var env = p.getEnvelopeInternal();
          cover = rect(env.getMinX() - 5, env.getMinY() - 5, c.x - env.getMinX() + 5, env.getHeight() + 10);
        } else {
          cover = p.getEnvelope().buffer(3); // covers, but validity decides
        }
        LocalDate on = LocalDate.of(2022, 1, 1).plusDays(rnd.nextInt(360));
        LocalDate until = null;
        if (kind.equals("临时用地")) {
          until = roll % 2 == 0 ? LocalDate.of(2023, 1, 31) : LocalDate.of(2024, 12, 31); // expired / valid
        }
        if (roll >= 55) {
          on = LocalDate.of(2023, 8, 15); // approved after the change was seen
          if (until != null && until.isBefore(on)) {
            until = on.plusYears(2);
          }
        }
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("PZWH", String.format("陵政地〔2022〕%03d号", i + 1));
        a.put("PZLX", kind);
        a.put("PZRQ", on);
        a.put("YXQZ", until);
        a.put("XMMC", kind + "项目" + (i + 1));
        w.add(a, toGeographic.apply(cover));
        count++;
        if (roll == 5) { // a second, overlapping approval of the same patch
          a.put("PZWH", String.format("陵政地〔2022〕%03d-1号", i + 1));
          w.add(a, toGeographic.apply(p.getCentroid().buffer(15)));
          count++;
        }
      }
    }
    StringBuilder csv = new StringBuilder("ZJDBH,SQR,PZRQ,WKT\n");
    for (int i = 0; i < patches.size(); i += 17) {
      Geometry house = patches.get(i).getCentroid().buffer(8, 2);
      csv.append(String.format(Locale.ROOT, "宅〔2023〕%03d号,申请人%d,2023/%d/1,\"%s\"%n", i, i,
          1 + i % 3, house.toText()));
      homesteads++;
    }
    try {
      Files.writeString(dir.resolve("homesteads.csv"), csv, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot write homesteads.csv: " + e.getMessage());
    }
    return new int[] {count, homesteads};
  }

  // ---- farmland (GBK without .cpg, EPSG:4526) and basic farmland (UTF-8, EPSG:4490)

  private long[] writeFarmland() {
    double cell = 68 / Math.sqrt(scale);
    int cols = (int) (WIDTH / cell);
    int rows = (int) (HEIGHT / cell);
    double margin = Math.min(2.0, cell * 0.05);
    long farm = 0;
    long basic = 0;
    ProgressLog progress = new ProgressLog("samples farmland", (long) cols * rows, 10);
    try (VectorFileWriter fw = VectorFileWriter.create(dir.resolve("gd.shp"), "ESRI Shapefile", "gd",
        gk, ogr.wkbPolygon, "ENCODING=CP936");
        VectorFileWriter bw = VectorFileWriter.create(dir.resolve("jbnt.shp"), "ESRI Shapefile", "jbnt",
            geographic, ogr.wkbPolygon, "ENCODING=UTF-8")) {
      fw.field("TBBH", Type.STRING, 12).field("DLBM", Type.STRING, 4).field("DLMC", Type.STRING, 20)
          .field("QSDWMC", Type.STRING, 40);
      bw.field("JBNTTBBH", Type.STRING, 14).field("DLMC", Type.STRING, 20);
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          progress.step();
          double x = x0 + c * cell;
          double y = y0 + r * cell;
          int roll = rnd.nextInt(1000);
          Polygon parcel = rect(x + margin, y + margin, cell - 2 * margin, cell - 2 * margin);
          if (roll < 400) {
            if (roll < 8) { // basic farmland where the survey shows no farmland
              bw.add(Map.of("JBNTTBBH", "J" + r + "-" + c, "DLMC", "基本农田"), toGeographic.apply(parcel));
              basic++;
            }
            continue;
          }
          String[] cls = LAND_CLASSES[roll % 3];
          Geometry g = parcel;
          if (roll == 999) { // a self-intersecting parcel
            g = gf.createPolygon(coords(x + margin, y + margin, x + cell - margin, y + cell - margin,
                x + cell - margin, y + margin, x + margin, y + cell - margin, x + margin, y + margin));
          }
          Map<String, Object> a = new LinkedHashMap<>();
          a.put("TBBH", r + "-" + c);
          a.put("DLBM", cls[0]);
          a.put("DLMC", cls[1]);
          a.put("QSDWMC", VILLAGE_STEMS[(int) ((x - x0) / (WIDTH / 4)) + 4 * (int) ((y - y0) / (HEIGHT / 4))] + "村");
          fw.add(a, g);
          farm++;
          if (roll % 97 == 0) { // a duplicated, shifted parcel: the layer must be a set
            fw.add(a, AffineTransformation.translationInstance(cell / 3, cell / 4).transform(parcel));
            farm++;
          }
          if (roll < 950) {
            bw.add(Map.of("JBNTTBBH", "J" + r + "-" + c, "DLMC", cls[1]), toGeographic.apply(parcel));
            basic++;
          }
        }
      }
    }
    progress.done();
    stripCodePage(dir.resolve("gd.shp"));
    return new long[] {farm, basic};
  }

  /** Removes the .cpg and the DBF language id: the common "GBK without .cpg" file. */
  private static void stripCodePage(Path shp) {
    String stem = shp.getFileName().toString().replaceFirst("\\.shp$", "");
    try {
      Files.deleteIfExists(shp.resolveSibling(stem + ".cpg"));
      try (RandomAccessFile f = new RandomAccessFile(shp.resolveSibling(stem + ".dbf").toFile(), "rw")) {
        f.seek(29);
        f.write(0);
      }
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot rewrite " + shp + ": " + e.getMessage());
    }
  }

  // ---- ecological red line: GeoJSON in EPSG:4490

  private void writeRedLine() {
    try (VectorFileWriter w = VectorFileWriter.create(dir.resolve("stbhhx.geojson"), "GeoJSON",
        "stbhhx", geographic, ogr.wkbPolygon)) {
      w.field("HXBH", Type.STRING, 20).field("HXMC", Type.STRING, 40);
      w.add(Map.of("HXBH", "STHX-01", "HXMC", "太行山水源涵养生态保护红线"),
          toGeographic.apply(rect(x0 + WIDTH - 2500, y0 + HEIGHT - 3000, 2500, 3000)));
      w.add(Map.of("HXBH", "STHX-02", "HXMC", "丹河湿地生态保护红线"),
          toGeographic.apply(rect(x0, y0 + 4000, 1500, 800)));
    }
  }

  private Path writeJob() {
    String yaml = """
        # Sample county written by `landwatch samples` (seeded, synthetic).
        job: sample-county-2023q2
        inputs:
          patches:            {path: patches.shp, id: JCBH, after_date: HSX, before_date: QSX}
          approvals:
            - {path: approvals.gpkg, layer: approvals, id: PZWH, kind: PZLX, approved_on: PZRQ, valid_until: YXQZ}
            - {path: homesteads.csv, id: ZJDBH, approved_on: PZRQ, wkt: WKT, crs: "EPSG:4526"}
          farmland:           {path: gd.shp, encoding: GBK}
          basic_farmland:     {path: jbnt.shp}
          ecological_redline: {path: stbhhx.geojson}
          villages:           {path: cun.shp, village: CJMC, township: XZMC, inspector: WGY, phone: LXDH}
        rules:   {tolerance_m2: 1.0, referral_basic_farmland_mu: 5, referral_other_farmland_mu: 10}
        output:  {dir: out}
        """;
    Path job = dir.resolve("job.yaml");
    try {
      Files.writeString(job, yaml, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot write " + job + ": " + e.getMessage());
    }
    return job;
  }

  // ---- a before/after image pair with known changes, for `landwatch detect`

  private void writeImagery() {
    List<RasterScene.Change> changes = new ArrayList<>();
    changes.add(new RasterScene.Change(rect(x0 + 1500, y0 + 1500, 240, 180), ChangeType.CONSTRUCTION));
    changes.add(new RasterScene.Change(rect(x0 + 4200, y0 + 6100, 300, 150), ChangeType.CONSTRUCTION));
    changes.add(new RasterScene.Change(rect(x0 + 8300, y0 + 2600, 180, 300), ChangeType.VEGETATION_LOSS));
    changes.add(new RasterScene.Change(gf.createPoint(new Coordinate(x0 + 6500, y0 + 4500)).buffer(160, 16),
        ChangeType.VEGETATION_LOSS));
    changes.add(new RasterScene.Change(rect(x0 + 10200, y0 + 7400, 210, 210), ChangeType.CONSTRUCTION));
    Geometry cloud = rect(x0 + 10000, y0 + 7200, 700, 600);
    Geometry hole = rect(x0 + 2400, y0 + 3300, 600, 450);
    new RasterScene(400, 300, 30, x0, y0 + HEIGHT, 4526, changes, 0.05, hole, cloud, rnd.nextLong())
        .write(dir, LocalDate.of(2023, 1, 15), LocalDate.of(2023, 4, 20));
    String detect = """
        # Settings for `landwatch detect` on the sample images (docs/DETECT.md).
        bands: {red: 1, nir: 2, green: 3}
        rules: {ndvi_drop: 0.25, brightness_increase: 0.10, bare_ndvi_max: 0.20, water_change: 0.30}
        clean: {opening_radius_px: 1, min_area_m2: 400}
        id: {county_code: "%s"}
        mask: mask.tif
        """.formatted(countyCode);
    String job = """
        # The sample county judged on the patches `landwatch detect` found in before.tif/after.tif.
        job: sample-county-detected
        inputs:
          patches:            {path: detected.gpkg, id: JCBH, after_date: HSX, before_date: QSX}
          approvals:
            - {path: approvals.gpkg, layer: approvals, id: PZWH, kind: PZLX, approved_on: PZRQ, valid_until: YXQZ}
          farmland:           {path: gd.shp, encoding: GBK}
          basic_farmland:     {path: jbnt.shp}
          ecological_redline: {path: stbhhx.geojson}
          villages:           {path: cun.shp, village: CJMC, township: XZMC, inspector: WGY, phone: LXDH}
        output:  {dir: out-detected}
        store: landwatch-detected.gpkg
        """;
    try {
      Files.writeString(dir.resolve("detect.yaml"), detect, StandardCharsets.UTF_8);
      Files.writeString(dir.resolve("job-detected.yaml"), job, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot write the detect settings: " + e.getMessage());
    }
  }

  // ---- geometry helpers

  private Polygon rect(double x, double y, double w, double h) {
    return gf.createPolygon(coords(x, y, x + w, y, x + w, y + h, x, y + h, x, y));
  }

  private Geometry lShape(double cx, double cy, double w, double h) {
    double x = cx - w / 2;
    double y = cy - h / 2;
    return gf.createPolygon(coords(x, y, x + w, y, x + w, y + h / 2, x + w / 2, y + h / 2,
        x + w / 2, y + h, x, y + h, x, y));
  }

  private Geometry withHole(double cx, double cy, double w, double h) {
    LinearRing shell = rect(cx - w / 2, cy - h / 2, w, h).getExteriorRing();
    LinearRing hole = rect(cx - w / 6, cy - h / 6, w / 3, h / 3).getExteriorRing();
    return gf.createPolygon(shell, new LinearRing[] {gf.createLinearRing(hole.reverse().getCoordinates())});
  }

  private static Coordinate[] coords(double... xy) {
    Coordinate[] cs = new Coordinate[xy.length / 2];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = new Coordinate(xy[2 * i], xy[2 * i + 1]);
    }
    return cs;
  }
}
