package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** output.labels: zh gives patches.csv and patches.xlsx Chinese headers and values, the same rows. */
class ChineseLabelsTest {
  @TempDir Path root;

  @Test
  void chineseHeadersAndValuesSameNumbers() throws Exception {
    SampleCounty.write(root.resolve("base"), 11, 1);
    CountyCopy en = CountyCopy.of(root.resolve("base"), root.resolve("en"));
    CountyCopy zh = CountyCopy.of(root.resolve("base"), root.resolve("zh"));
    zh.editJob("output:  {dir: out}", "output:  {dir: out, labels: zh}");
    assertEquals(0, en.run("--no-store").exit());
    assertEquals(0, zh.run("--no-store").exit());
    List<List<String>> e = Csv.read(en.out().resolve("patches.csv"));
    List<List<String>> z = Csv.read(zh.out().resolve("patches.csv"));
    assertEquals(List.of("图斑编号", "判定结果", "图斑面积(平方米)"), z.get(0).subList(0, 3));
    assertTrue(z.get(0).contains("原属性.JCBH"), z.get(0).toString());
    assertEquals(e.size(), z.size());
    int verdict = Csv.col(e, "verdict");
    int referral = Csv.col(e, "referral");
    for (int i = 1; i < e.size(); i++) {
      for (int c = 0; c < e.get(i).size(); c++) {
        String want = c == verdict ? (e.get(i).get(c).equals("approved") ? "合法" : "疑似违法")
            : c == referral ? (e.get(i).get(c).equals("true") ? "是" : "否") : e.get(i).get(c);
        assertEquals(want, z.get(i).get(c), "row " + i + ", column " + e.get(0).get(c));
      }
    }
    String info = Ogr.run("ogrinfo", "-so", zh.out().resolve("patches.xlsx").toString(), "patches");
    assertTrue(info.contains("图斑编号: String") && info.contains("判定结果: String"), info);
  }
}
