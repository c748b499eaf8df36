package io.landwatch.detect;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.geo.Gdal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.gdal.gdal.Dataset;
import org.gdal.gdal.gdal;
import org.gdal.gdalconst.gdalconst;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.algorithm.locate.IndexedPointInAreaLocator;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Location;

/**
 * Detection quality on generated pairs that carry the realities of real imagery
 * ({@link RealisticPair}): precision, recall and F1 per pixel against the known changes, for
 * landwatch and for the two simplest unsupervised methods on the same pair (change vector
 * analysis and |ΔNDVI|, each thresholded by Otsu). The table is written to
 * target/detect-quality.md (bench/detect-quality.sh keeps it in bench/results).
 */
@Tag("slow")
class DetectQualityTest {
  @TempDir static Path root;

  record Score(double precision, double recall, double f1) {
    static Score of(boolean[] truth, boolean[] found) {
      long tp = 0;
      long fp = 0;
      long fn = 0;
      for (int i = 0; i < truth.length; i++) {
        tp += truth[i] && found[i] ? 1 : 0;
        fp += !truth[i] && found[i] ? 1 : 0;
        fn += truth[i] && !found[i] ? 1 : 0;
      }
      double p = tp + fp == 0 ? 0 : tp / (double) (tp + fp);
      double r = tp + fn == 0 ? 0 : tp / (double) (tp + fn);
      return new Score(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    @Override
    public String toString() {
      return String.format(Locale.ROOT, "%.3f (P %.2f, R %.2f)", f1, precision, recall);
    }
  }

  static DetectConfig config() {
    return new DetectConfig(1, 2, 3, 4, 0.25, 0.10, 0.20, 0.30, 1, 300, false, "140524", LocalDate.of(2023, 4, 1),
        LocalDate.of(2023, 9, 1), null, 256);
  }

  /** landwatch's patches as a pixel mask of the after grid. */
  static boolean[] landwatch(Path dir) {
    return mask(detect(dir));
  }

  static ChangeDetector.Result detect(Path dir) {
    return new ChangeDetector(config(), 0).detect(dir.resolve("before.tif"), dir.resolve("after.tif"));
  }

  static boolean[] mask(ChangeDetector.Result r) {

    boolean[] found = new boolean[RealisticPair.SIZE * RealisticPair.SIZE];
    for (ChangeDetector.DetectedPatch p : r.patches()) {
      IndexedPointInAreaLocator in = new IndexedPointInAreaLocator(p.geometry());
      var env = p.geometry().getEnvelopeInternal();
      for (int y = 0; y < RealisticPair.SIZE; y++) {
        double cy = RealisticPair.MAX_Y - (y + 0.5) * RealisticPair.PIXEL;
        if (cy < env.getMinY() || cy > env.getMaxY()) {
          continue;
        }
        for (int x = 0; x < RealisticPair.SIZE; x++) {
          double cx = RealisticPair.MIN_X + (x + 0.5) * RealisticPair.PIXEL;
          if (cx >= env.getMinX() && cx <= env.getMaxX() && in.locate(new Coordinate(cx, cy)) != Location.EXTERIOR) {
            found[y * RealisticPair.SIZE + x] = true;
          }
        }
      }
    }
    return found;
  }

  static float[][] read(Path file) {
    Gdal.init();
    Dataset d = gdal.Open(file.toString(), gdalconst.GA_ReadOnly);
    int n = RealisticPair.SIZE * RealisticPair.SIZE;
    float[][] out = new float[4][n];
    for (int b = 0; b < 4; b++) {
      d.GetRasterBand(b + 1).ReadRaster(0, 0, RealisticPair.SIZE, RealisticPair.SIZE, RealisticPair.SIZE,
          RealisticPair.SIZE, gdalconst.GDT_Float32, out[b]);
    }
    d.delete();
    return out;
  }

  /** Change vector analysis: |after − before| over all bands as stored, Otsu's threshold. */
  static boolean[] cva(float[][] b, float[][] a) {
    double[] m = new double[b[0].length];
    for (int i = 0; i < m.length; i++) {
      double s = 0;
      for (int k = 0; k < 4; k++) {
        s += (a[k][i] - b[k][i]) * (double) (a[k][i] - b[k][i]);
      }
      m[i] = Math.sqrt(s);
    }
    return above(m, Otsu.threshold(m));
  }

  /** |ΔNDVI| as stored (a ratio: DN or reflectance alike), Otsu's threshold. */
  static boolean[] deltaNdvi(float[][] b, float[][] a) {
    double[] m = new double[b[0].length];
    for (int i = 0; i < m.length; i++) {
      double nb = (b[1][i] - b[0][i]) / (double) (b[1][i] + b[0][i]);
      double na = (a[1][i] - a[0][i]) / (double) (a[1][i] + a[0][i]);
      m[i] = Math.abs(na - nb);
    }
    return above(m, Otsu.threshold(m));
  }

  static boolean[] above(double[] m, double t) {
    boolean[] out = new boolean[m.length];
    for (int i = 0; i < m.length; i++) {
      out[i] = m[i] > t;
    }
    return out;
  }

  @Test
  void landwatchBeatsTheSimpleMethodsOnEveryRealisticPair() throws Exception {
    List<String> table = new ArrayList<>(List.of("| pair | landwatch F1 | CVA + Otsu F1 | abs(ΔNDVI) + Otsu F1 |",
        "|---|---|---|---|"));
    List<String> failures = new ArrayList<>();
    for (RealisticPair pair : RealisticPair.all()) {
      Path dir = root.resolve("pair-" + pair.seed());
      Files.createDirectories(dir);
      boolean[] truth = pair.write(dir);
      Score lw = Score.of(truth, landwatch(dir));
      float[][] b = read(dir.resolve("before.tif"));
      float[][] a = read(dir.resolve("after.tif"));
      Score cva = Score.of(truth, cva(b, a));
      Score ndvi = Score.of(truth, deltaNdvi(b, a));
      table.add("| " + pair.name() + " | " + lw + " | " + cva + " | " + ndvi + " |");
      if (lw.f1() < 0.8 || lw.f1() < Math.max(cva.f1(), ndvi.f1())) {
        failures.add(pair.name() + ": landwatch " + lw + ", CVA " + cva + ", ΔNDVI " + ndvi);
      }
    }
    Path out = Path.of("target", "detect-quality.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, String.join("\n", table) + "\n", StandardCharsets.UTF_8);
    System.out.println(String.join("\n", table));
    assertTrue(failures.isEmpty(), String.join("\n", failures));
  }

  /**
   * The same pair stored as reflectance (Float32), as Byte digital numbers (× 255) and as UInt16
   * digital numbers (× 10 000), both without any scale tag: the same patches, of the same kinds,
   * in the same places (Byte rounds reflectance to 1/255, so its outlines may differ by a pixel).
   */
  @Test
  void digitalNumbersWithoutMetadataGiveTheSamePatchesAsReflectance() throws Exception {
    List<ChangeDetector.Result> results = new ArrayList<>();
    for (String storage : List.of("float", "uint16", "byte")) {
      Path dir = root.resolve("dn-" + storage);
      Files.createDirectories(dir);
      new RealisticPair("dn " + storage, 11, true, false, true, 0.004, 0, storage).write(dir);
      results.add(detect(dir));
    }
    ChangeDetector.Result reflectance = results.get(0);
    assertTrue(reflectance.patches().size() >= 10, "patches: " + reflectance.patches().size());
    for (ChangeDetector.Result dn : results.subList(1, 3)) {
      org.junit.jupiter.api.Assertions.assertEquals(reflectance.patches().size(), dn.patches().size());
      for (int i = 0; i < dn.patches().size(); i++) {
        ChangeDetector.DetectedPatch a = reflectance.patches().get(i);
        ChangeDetector.DetectedPatch b = dn.patches().get(i);
        org.junit.jupiter.api.Assertions.assertEquals(a.type(), b.type(), a.id());
        double iou = a.geometry().intersection(b.geometry()).getArea() / a.geometry().union(b.geometry()).getArea();
        assertTrue(iou >= (dn == results.get(1) ? 0.999 : 0.97), a.id() + " IoU " + iou);
      }
    }
  }
}
