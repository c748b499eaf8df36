package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HexFormat;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.commons.imaging.formats.jpeg.exif.ExifRewriter;
import org.apache.commons.imaging.formats.tiff.constants.ExifTagConstants;
import org.apache.commons.imaging.formats.tiff.write.TiffOutputSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Field photos as evidence, with real EXIF written by Apache Commons Imaging: a photo on the site
 * passes; one taken 300 m away, one taken before the task was issued, and the same file used for
 * a second case are flagged; the photos are copied beside the store with their hashes; closing a
 * task without a photo is refused when the job requires one.
 */
class EvidenceTest {
  @TempDir static Path root;
  static Path base;

  @BeforeAll
  static void county() {
    base = root.resolve("base");
    SampleCounty.write(base, 11, 1);
  }

  /** A small JPEG with GPS position (when lon is not null) and DateTimeOriginal. */
  static Path jpeg(Path file, Double lon, Double lat, LocalDateTime taken, int shade) throws Exception {
    BufferedImage img = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(new Color(shade, 120, 60));
    g.fillRect(0, 0, 64, 48);
    g.dispose();
    ByteArrayOutputStream plain = new ByteArrayOutputStream();
    ImageIO.write(img, "jpg", plain);
    TiffOutputSet exif = new TiffOutputSet();
    exif.getOrCreateExifDirectory().add(ExifTagConstants.EXIF_TAG_DATE_TIME_ORIGINAL,
        taken.format(DateTimeFormatter.ofPattern("yyyy:MM:dd HH:mm:ss")));
    if (lon != null) {
      exif.setGpsInDegrees(lon, lat);
    }
    try (OutputStream out = Files.newOutputStream(file)) {
      new ExifRewriter().updateExifMetadataLossless(plain.toByteArray(), out, exif);
    }
    return file;
  }

  static String sql(CountyCopy c, String q) {
    return CountyCopy.sql(c.file("landwatch.gpkg"), q);
  }

  static List<List<String>> tasks(CountyCopy c) throws Exception {
    return Csv.read(c.out().resolve("tasks.csv"));
  }

  static CliRunner.Outcome importFile(CountyCopy c, Path f) {
    return CliRunner.run("-q", "feedback", "import", f.toString(), "--job", c.file("job.yaml").toString(),
        "--today", "2023-09-10");
  }

  @Test
  void photosAreCheckedCopiedAndHashed() throws Exception {
    CountyCopy c = CountyCopy.of(base, root.resolve("flags"));
    assertEquals(0, c.run().exit());
    List<List<String>> t = tasks(c);
    int id = Csv.col(t, "task_id");
    int lon = Csv.col(t, "lon");
    int lat = Csv.col(t, "lat");
    String t1 = t.get(1).get(id);
    String t2 = t.get(2).get(id);
    double x = Double.parseDouble(t.get(1).get(lon));
    double y = Double.parseDouble(t.get(1).get(lat));
    double x2 = Double.parseDouble(t.get(2).get(lon));
    double y2 = Double.parseDouble(t.get(2).get(lat));
    LocalDateTime checked = LocalDateTime.of(2023, 9, 3, 10, 15);
    jpeg(c.file("onsite.jpg"), x, y, checked, 10);
    jpeg(c.file("far.jpg"), x + 300 / (Math.cos(Math.toRadians(y)) * 111_320), y, checked, 20);
    jpeg(c.file("old.jpg"), x, y, LocalDateTime.of(2023, 8, 20, 9, 0), 30);
    jpeg(c.file("second.jpg"), x2, y2, checked, 40);
    Path f = c.file("fb.csv");
    Files.writeString(f, "任务编号,核查结果,处置措施,核查日期,核查人,照片\n"
        + t1 + ",违法,已制止,2023-09-03,王芳,onsite.jpg;far.jpg;old.jpg\n"
        + t2 + ",违法,已制止,2023-09-03,王芳,second.jpg onsite.jpg\n");
    CliRunner.Outcome o = importFile(c, f);
    assertEquals(0, o.exit(), o.out() + o.err());
    String kept = sql(c, "SELECT task_id, file, flags, distance_m FROM evidence ORDER BY fid");
    List<String> rows = kept.lines().toList();
    assertEquals(5, rows.size(), kept);
    assertTrue(rows.get(0).startsWith(t1 + "|evidence/") && rows.get(0).endsWith("-onsite.jpg||0"), rows.get(0));
    assertTrue(rows.get(1).contains("-far.jpg|far|"), rows.get(1));
    double d = Double.parseDouble(rows.get(1).substring(rows.get(1).lastIndexOf('|') + 1));
    assertTrue(d > 50 && d < 300, "300 m east of a point inside the case, so nearer its outline but beyond 50 m: " + d);
    assertTrue(rows.get(2).contains("-old.jpg|before_task|"), rows.get(2));
    assertTrue(rows.get(3).startsWith(t2) && rows.get(3).contains("-second.jpg||"), rows.get(3));
    assertTrue(rows.get(4).startsWith(t2) && rows.get(4).contains("-onsite.jpg|far,reused|"), rows.get(4));
    String report = Files.readString(c.file("fb.csv.report.csv"));
    assertTrue(report.contains("more than 50.0 m") && report.contains("before the task was issued")
        && report.contains("already backs another case"), report);
    // the copies beside the store are the files, byte for byte
    for (String line : rows) {
      String[] p = line.split("\\|");
      Path copy = c.dir.resolve(p[1]);
      String sha = sql(c, "SELECT sha256 FROM evidence WHERE file = '" + p[1] + "' LIMIT 1");
      assertEquals(sha, HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(copy))));
    }
  }

  @Test
  void closingWithoutAPhotoIsRefusedWhenRequired() throws Exception {
    CountyCopy c = CountyCopy.of(base, root.resolve("require"));
    c.editJob("tolerance_m2: 1.0,", "tolerance_m2: 1.0, require_photo_to_close: true,");
    assertEquals(0, c.run().exit());
    List<List<String>> t = tasks(c);
    String t1 = t.get(1).get(Csv.col(t, "task_id"));
    double x = Double.parseDouble(t.get(1).get(Csv.col(t, "lon")));
    double y = Double.parseDouble(t.get(1).get(Csv.col(t, "lat")));
    Path f = c.file("fb.csv");
    Files.writeString(f, "task_id,result,action,checked_on,inspector\n" + t1 + ",legal,none,2023-09-03,王芳\n");
    CliRunner.Outcome refused = importFile(c, f);
    assertEquals(8, refused.exit(), refused.out() + refused.err());
    assertTrue(refused.out().contains("closing the task needs a photo of the site"), refused.out());
    jpeg(c.file("approved.jpg"), x, y, LocalDateTime.of(2023, 9, 3, 11, 0), 50);
    Files.writeString(f, "task_id,result,action,checked_on,inspector,photos\n" + t1 + ",legal,none,2023-09-03,王芳,approved.jpg\n");
    CliRunner.Outcome ok = importFile(c, f);
    assertEquals(0, ok.exit(), ok.out() + ok.err());
    assertEquals("closed", sql(c, "SELECT status FROM tasks WHERE task_id = '" + t1 + "'"));
  }

  @Test
  void aMissingPhotoRejectsItsRow() throws Exception {
    CountyCopy c = CountyCopy.of(base, root.resolve("missing"));
    assertEquals(0, c.run().exit());
    List<List<String>> t = tasks(c);
    String t1 = t.get(1).get(Csv.col(t, "task_id"));
    Path f = c.file("fb.csv");
    Files.writeString(f, "task_id,result,action,checked_on,photos\n" + t1 + ",illegal,stopped,2023-09-03,nowhere.jpg\n");
    CliRunner.Outcome o = importFile(c, f);
    assertEquals(8, o.exit(), o.out() + o.err());
    assertTrue(o.out().contains("nowhere.jpg does not exist"), o.out());
  }
}
