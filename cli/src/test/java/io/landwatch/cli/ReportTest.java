package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import io.landwatch.testing.Ogr;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;

/**
 * The period report, the joint-meeting pack and a patrol sheet, rendered in a real headless
 * browser: screenshots and PDFs saved (target/screenshots), page counts checked against the page
 * footers the browser printed, the totals in the PDF text equal to the ledger's for the period; each
 * department export lists exactly the cases its rule selects (read back with GDAL: ids text, dates
 * dates); the public list carries nothing personal.
 */
@Tag("slow")
class ReportTest {
  static final Path SHOTS = Path.of("target", "screenshots");
  static final String PHONE = "13800001111";
  static final String ID_NUMBER = "14052419800101123X";
  @TempDir static Path root;
  static CountyCopy c;
  static String a;
  static String b;
  static String d;
  static String legal;

  static String sql(String q) {
    return CountyCopy.sql(c.file("landwatch.gpkg"), q);
  }

  static CliRunner.Outcome ok(String... args) {
    CliRunner.Outcome o = CliRunner.run(args);
    assertEquals(0, o.exit(), String.join(" ", args) + "\n" + o.out() + o.err());
    return o;
  }

  /** A quarter of county work: a batch judged, field checks, leads, cases filed, decided, referred, executed. */
  @BeforeAll
  static void quarter() throws Exception {
    Path base = root.resolve("base");
    SampleCounty.write(base, 11, 1);
    c = CountyCopy.of(base, root.resolve("county"));
    String job = c.file("job.yaml").toString();
    ok("-q", "run", job, "--as-of", "2023-07-05");
    List<String> ids = List.of(sql("SELECT case_id FROM cases WHERE referral = 1 ORDER BY case_id LIMIT 2")
        .split("\n"));
    a = ids.get(0);
    d = ids.get(1);
    b = sql("SELECT case_id FROM cases WHERE referral = 0 ORDER BY case_id LIMIT 1");
    legal = sql("SELECT case_id FROM cases WHERE referral = 0 ORDER BY case_id LIMIT 1 OFFSET 1");
    Files.writeString(c.file("fb.csv"), "任务编号,核查结果,处置措施,核查日期,核查人,备注\n"
        + "T" + a + ",违法,已制止,2023-07-10,王芳,当事人张三 电话 " + PHONE + "\n"
        + "T" + b + ",违法,无,2023-07-10,王芳,\n"
        + "T" + d + ",违法,已制止,2023-07-11,王芳,\n"
        + "T" + legal + ",合法已批,无,2023-07-12,王芳,\n", StandardCharsets.UTF_8);
    ok("-q", "feedback", "import", c.file("fb.csv").toString(), "--job", job, "--today", "2023-07-12");
    String head = "案件编号,环节,日期,经办人,立案号,决定书文号,送达日期,罚款,处罚内容,整改期限,移送机关,是否受理,办理结果,文书,备注\n";
    Files.writeString(c.file("steps.csv"), "\uFEFF" + head
        + a + ",立案,2023-07-15,张三,陵国土立〔2023〕21号,,,,,,,,,身份证复印件 " + ID_NUMBER + ",当事人身份证 " + ID_NUMBER + "\n"
        + d + ",立案,2023-07-16,李强,陵国土立〔2023〕22号,,,,,,,,,,\n"
        + d + ",处罚决定,2023-07-20,李强,,陵国土罚〔2023〕22号,2023-07-20,20000,拆除,2023-08-20,,,,,\n"
        + a + ",处罚决定,2023-07-25,李强,,陵国土罚〔2023〕21号,2023-07-26,50000,拆除、复耕,2023-08-26,,,,,\n"
        + a + ",移送,2023-07-28,李强,,,,,,,公安,,,,\n"
        + a + ",移送回复,2023-08-01,公安局,,,,,,,公安,是,,,\n"
        + b + ",立案,2023-08-01,李强,陵国土立〔2023〕23号,,,,,,,,,,\n"
        + d + ",移送,2023-08-10,李强,,,,,,,检察院,,,,\n"
        + a + ",履行,2023-08-20,王芳,,,,,,,,,已拆除并复耕,,\n", StandardCharsets.UTF_8);
    ok("-q", "case", "update", c.file("steps.csv").toString(), "--job", job, "--today", "2023-08-20");
    Files.writeString(c.file("leads.csv"), "线索编号,来源,报告日期,问题描述,举报人联系方式,经度,纬度\nJB-7,群众举报,2023-08-05,夜间施工,"
        + "李四 13912345678," + sql("SELECT lon FROM tasks WHERE case_id = '" + legal + "'") + ","
        + sql("SELECT lat FROM tasks WHERE case_id = '" + legal + "'") + "\n", StandardCharsets.UTF_8);
    ok("-q", "leads", "import", c.file("leads.csv").toString(), "--job", job, "--today", "2023-08-05", "--coords", "cgcs2000");
    ok("-q", "run", job, "--as-of", "2023-08-21");
  }

  static String pdfText(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return new PDFTextStripper().getText(doc);
    }
  }

  static int pages(Path pdf) throws Exception {
    try (PDDocument doc = Loader.loadPDF(pdf.toFile())) {
      return doc.getNumberOfPages();
    }
  }

  static double number(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text.replaceAll("\\s+", ""));
    assertTrue(m.find(), regex + " in\n" + text.substring(0, Math.min(2000, text.length())));
    return Double.parseDouble(m.group(1));
  }

  @Test
  void thePeriodReportInABrowserAndAsPdfAgreesWithTheLedger() throws Exception {
    Path out = root.resolve("reports");
    ok("report", "--job", c.file("job.yaml").toString(), "--period", "2023-Q3", "--as-of", "2023-09-30", "--out",
        out.toString());
    Path html = out.resolve("report-2023-Q3.html");
    Path pdf = out.resolve("report-2023-Q3.pdf");
    // the ledger of the period, read with GDAL: cases opened in Q3 and the cases confirmed illegal in Q3
    Path ledger = root.resolve("ledger.xlsx");
    ok("ledger", "--job", c.file("job.yaml").toString(), "--out", ledger.toString(), "--as-of", "2023-09-30");
    List<List<String>> lines = Ogr.readCsv(ledger, "SELECT case_id, opened_on, area_m2 FROM \"巡查台账\"", null,
        "--config", "OGR_XLSX_HEADERS", "FORCE");
    java.util.Map<String, Double> opened = new java.util.TreeMap<>();
    for (List<String> r : lines.subList(1, lines.size())) {
      String day = r.get(1).replace('/', '-'); // a date cell, as GDAL writes it
      if (day.compareTo("2023-07-01") >= 0 && day.compareTo("2023-09-30") <= 0) {
        opened.put(r.get(0), Double.parseDouble(r.get(2)));
      }
    }
    List<List<String>> steps = Ogr.readCsv(ledger, "SELECT case_id, step, \"on\" FROM \"案件办理\"", null, "--config",
        "OGR_XLSX_HEADERS", "FORCE");
    Set<String> confirmed = new TreeSet<>();
    steps.subList(1, steps.size()).stream().filter(r -> r.get(1).equals("verified_illegal")
        && r.get(2).startsWith("2023/0")).forEach(r -> confirmed.add(r.get(0)));
    assertEquals(Set.of(a, b, d), confirmed);
    double mu = opened.values().stream().mapToDouble(Double::doubleValue).sum() / (2000.0 / 3.0);

    String text = pdfText(pdf);
    assertEquals(opened.size(), (int) number(text, "本期新增案件(\\d+)件"), "cases opened in the period");
    assertEquals(Math.round(mu * 100) / 100.0, number(text, "本期新增案件\\d+件，面积([0-9.]+)亩"), 0.005);
    assertEquals(confirmed.size(), (int) number(text, "确认违法(\\d+)件"));
    int n = pages(pdf);
    assertTrue(n >= 3 && n <= 12, n + " pages");
    for (int i = 1; i <= n; i++) {
      assertTrue(text.replaceAll("\\s+", "").contains("第" + i + "页/共" + n + "页"), "footer of page " + i);
    }
    try (Browser br = new Browser(900, 1200)) {
      br.open(html);
      assertTrue(br.driver().getTitle().contains("2023年第三季度"));
      int dots = br.driver().findElements(By.cssSelector("svg circle[cx]")).size();
      assertTrue(dots > opened.size(), "the map shows every case (and the legend): " + dots);
      assertTrue(br.driver().findElement(By.id("summary")).getText().contains("确认违法 3 件"));
      // leads by channel per township: the county row has the public report and the satellite cases
      var rows = br.driver().findElements(By.cssSelector("table.channels tbody tr"));
      List<String> county = rows.get(rows.size() - 1).findElements(By.tagName("td")).stream()
          .map(org.openqa.selenium.WebElement::getText).toList();
      assertEquals("全县合计", county.get(0));
      assertEquals(List.of("0", Integer.toString(opened.size() - 1), "0", "1", "0", "0", Integer.toString(opened.size())),
          county.subList(1, 8), "巡查, 卫片, 村级报告, 群众举报, 媒体曝光, 上级交办, 合计");
      br.screenshot(SHOTS.resolve("report.png"));
      Files.copy(pdf, SHOTS.resolve("report.pdf"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
  }

  @Test
  void theJointMeetingPackListsWhatItsRulesSelect() throws Exception {
    Path out = root.resolve("joint");
    ok("export", "--for", "joint-meeting", "--job", c.file("job.yaml").toString(), "--period", "2023-Q3", "--as-of",
        "2023-09-30", "--out", out.toString());
    Path xlsx = out.resolve("joint-meeting-2023-Q3.xlsx");
    List<List<String>> major = Ogr.readCsv(xlsx, "SELECT * FROM \"重大案件\"", null);
    Set<String> expected = new TreeSet<>(List.of(sql("SELECT c.case_id FROM cases c JOIN tasks t ON t.task_id = 'T' ||"
        + " c.case_id WHERE c.status <> 'closed' AND (c.referral = 1 OR t.basic_farmland_mu >= 5 OR c.expanded = 1"
        + " OR c.escalation = 'county')").split("\n")));
    assertEquals(expected, ids(major), "major cases: referral candidates, ≥ 5 亩 basic farmland, grown again,"
        + " escalated to the county");
    assertEquals(List.of(List.of(d, "procuratorate", "2023/08/10", "51")), Ogr.readCsv(xlsx,
        "SELECT * FROM \"待回复移送\"", null).subList(1, 2).stream().map(r -> List.of(r.get(0), r.get(3), r.get(4), r.get(5)))
        .toList(), "the referral to the procuratorate awaits an answer; the police answered");
    Path pdf = out.resolve("joint-meeting-2023-Q3.pdf");
    String text = pdfText(pdf).replaceAll("\\s+", "");
    assertTrue(text.contains("重大案件" + (major.size() - 1) + "项"), text.substring(0, 300));
    int n = pages(pdf);
    assertTrue(text.contains("第" + n + "页/共" + n + "页"));
    try (Browser br = new Browser(900, 1200)) {
      br.open(out.resolve("joint-meeting-2023-Q3.html"));
      assertEquals(3, br.driver().findElements(By.cssSelector("table.list")).size());
      br.screenshot(SHOTS.resolve("joint-meeting.png"));
    }
  }

  @Test
  void aPatrolSheetPrintsInTheBrowser() throws Exception {
    Path sheet = c.out().resolve("tasks").resolve("崇文镇.html");
    List<List<String>> tasks = Csv.read(c.out().resolve("tasks").resolve("崇文镇.csv"));
    List<List<String>> rows = tasks.subList(1, tasks.size());
    try (Browser br = new Browser(800, 1100)) {
      br.open(sheet);
      var driver = br.driver();
      String body = driver.findElement(By.tagName("body")).getText();
      for (List<String> t : rows) {
        String id = t.get(Csv.col(tasks, "task_id"));
        assertTrue(body.contains(id), id);
        // the navigation link opens the GCJ-02 point of the task
        String gcj = t.get(Csv.col(tasks, "gcj02_lon")) + "," + t.get(Csv.col(tasks, "gcj02_lat"));
        assertEquals(1, driver.findElements(By.cssSelector("a.nav[href^='https://uri.amap.com/marker?position=" + gcj
            + "&name=" + id + "&']")).size(), "navigation link of " + id);
      }
      long villages = rows.stream().map(r -> r.get(Csv.col(tasks, "village"))).distinct().count();
      assertEquals(villages, driver.findElements(By.cssSelector("section.village")).size(), "a section per village");
      // markers never cover each other; the map has its scale bar and north arrow
      List<double[]> markers = driver.findElements(By.cssSelector("g.marker circle")).stream().map(e -> new double[] {
          Double.parseDouble(e.getAttribute("cx")), Double.parseDouble(e.getAttribute("cy"))}).toList();
      assertEquals(rows.size(), markers.size());
      for (int i = 0; i < markers.size(); i++) {
        for (int j = i + 1; j < markers.size(); j++) {
          assertTrue(Math.hypot(markers.get(i)[0] - markers.get(j)[0], markers.get(i)[1] - markers.get(j)[1]) >= 16.9,
              "markers " + (i + 1) + " and " + (j + 1) + " overlap");
        }
      }
      assertTrue(driver.findElement(By.cssSelector("g.scalebar text")).getText().matches("\\d+ (m|km)"));
      assertEquals("北", driver.findElement(By.cssSelector("g.north text")).getText());
      assertEquals(1, driver.findElements(By.cssSelector("meta[name=viewport]")).size(), "readable on a phone");
      br.screenshot(SHOTS.resolve("patrol-sheet.png"));
      Path pdf = br.print(SHOTS.resolve("patrol-sheet.pdf"));
      int n = pages(pdf);
      assertTrue(n >= 2, n + " pages for " + rows.size() + " tasks");
      String text = pdfText(pdf);
      String flat = text.replaceAll("\\s+", "");
      for (int i = 1; i <= n; i++) {
        assertTrue(flat.contains("第" + i + "页/共" + n + "页"), "page number on page " + i);
      }
      assertTrue(flat.contains("巡查人签字"), "sign-off footer");
      for (List<String> t : rows) {
        assertTrue(text.contains(t.get(Csv.col(tasks, "task_id"))), "printed: " + t.get(Csv.col(tasks, "task_id")));
      }
    }
    // on a phone: the table fits the screen width
    try (Browser phone = new Browser(390, 844)) {
      phone.open(sheet);
      Number overflow = (Number) phone.driver().executeScript(
          "return document.documentElement.scrollWidth - document.documentElement.clientWidth");
      assertTrue(overflow.intValue() <= 40, "horizontal overflow on a 390 px screen: " + overflow);
      phone.screenshot(SHOTS.resolve("patrol-sheet-phone.png"));
    }
  }

  static Set<String> ids(List<List<String>> rows) {
    Set<String> out = new TreeSet<>();
    rows.subList(1, rows.size()).forEach(r -> out.add(r.get(0)));
    return out;
  }

  @Test
  void eachDepartmentGetsExactlyWhatItsRuleSelects() throws Exception {
    Path out = root.resolve("exports");
    String job = c.file("job.yaml").toString();
    for (String dept : List.of("police", "permits", "utilities", "public")) {
      ok("export", "--for", dept, "--job", job, "--period", "2023-Q3", "--as-of", "2023-09-30", "--out", out.toString());
    }
    // police: referral candidates not found legal, and the cases referred to the police or procuratorate
    Set<String> police = new TreeSet<>(List.of(sql("SELECT case_id FROM cases WHERE referral = 1 AND"
        + " (stage IS NULL OR stage <> 'verified_legal')").split("\n")));
    police.add(d);
    List<List<String>> p = Ogr.readCsv(out.resolve("police-2023-Q3.xlsx"), null, null);
    assertEquals(police, ids(p));
    List<String> rowA = p.stream().filter(r -> r.get(0).equals(a)).findFirst().orElseThrow();
    assertEquals(List.of("police", "2023/07/28"), rowA.subList(9, 11), "GDAL reads the cell as a date");
    assertTrue(rowA.get(11).startsWith("已受理 2023-08-01"), rowA.toString());
    // permits and utilities: stopped and not yet executed (a was executed; b was never stopped)
    for (String dept : List.of("permits", "utilities")) {
      assertEquals(Set.of(d), ids(Ogr.readCsv(out.resolve(dept + "-2023-Q3.xlsx"), null, null)), dept);
    }
    // public: the two decisions of Q3, nothing personal
    List<List<String>> pub = Ogr.readCsv(out.resolve("public-2023-Q3.xlsx"), null, null);
    assertEquals(Set.of("陵国土立〔2023〕21号", "陵国土立〔2023〕22号"), ids(pub));
    assertNothingPersonal(out, "public-");
    // court: d's decision (served 2023-07-20, not executed) must go to the court by 2024-04-20
    ok("export", "--for", "court", "--job", job, "--period", "2024-Q2", "--as-of", "2024-04-10", "--out", out.toString());
    List<List<String>> court = Ogr.readCsv(out.resolve("court-2024-Q2.xlsx"), null, null);
    assertEquals(List.of(d, "2024/04/20", "即将到期", "10"), List.of(court.get(1).get(0), court.get(1).get(9),
        court.get(1).get(10), court.get(1).get(11)));
    assertEquals(2, court.size(), "a's decision was executed: nothing to enforce");
    ok("export", "--for", "court", "--job", job, "--period", "2024-Q2", "--as-of", "2024-04-21", "--out", out.toString());
    assertEquals("已逾期", Ogr.readCsv(out.resolve("court-2024-Q2.xlsx"), null, null).get(1).get(10));
  }

  @Test
  void idsStayTextAndDatesAreDates() throws Exception {
    Path out = root.resolve("types");
    ok("export", "--for", "police", "--job", c.file("job.yaml").toString(), "--period", "2023-Q3", "--as-of", "2023-09-30",
        "--out", out.toString());
    String info = Ogr.run("ogrinfo", "-so", out.resolve("police-2023-Q3.xlsx").toString(), "移送公安");
    assertTrue(info.contains("案件编号: String"), info);
    assertTrue(info.contains("立案核查日期: Date"), info);
    assertTrue(info.contains("移送日期: Date"), info);
    assertTrue(info.contains("耕地（亩）: Real"), info);
    List<List<String>> rows = Ogr.readCsv(out.resolve("police-2023-Q3.xlsx"), null, null);
    assertTrue(rows.stream().skip(1).allMatch(r -> r.get(0).matches("\\d{14}")), "14-digit ids unchanged");
    String csv = Files.readString(out.resolve("police-2023-Q3.csv"), StandardCharsets.UTF_8);
    assertTrue(csv.startsWith("\uFEFF案件编号,"), "CSV with BOM and Chinese headers");
    // the run's and the ledger's workbooks too
    String tasks = Ogr.run("ogrinfo", "-so", c.out().resolve("tasks.xlsx").toString(), "崇文镇");
    assertTrue(tasks.contains("任务编号: String") && tasks.contains("办结期限: Date"), tasks);
    String form = Ogr.run("ogrinfo", "-so", c.out().resolve("tasks-feedback.xlsx").toString(), "反馈");
    assertTrue(form.contains("任务编号: String") && form.contains("办结期限: Date"), form);
    Path ledger = root.resolve("typed-ledger.xlsx");
    ok("ledger", "--job", c.file("job.yaml").toString(), "--out", ledger.toString(), "--as-of", "2023-09-30");
    String cases = Ogr.run("ogrinfo", "-so", "--config", "OGR_XLSX_HEADERS", "FORCE", ledger.toString(), "巡查台账");
    assertTrue(cases.contains("case_id: String") && cases.contains("opened_on: Date"), cases);
    List<List<String>> ids = Ogr.readCsv(ledger, "SELECT case_id FROM \"巡查台账\"", null, "--config", "OGR_XLSX_HEADERS",
        "FORCE");
    assertTrue(ids.stream().skip(1).allMatch(r -> r.get(0).matches("\\d{14}|JB-7")), "ids unchanged");
  }

  /** No phone number, id number, reporter or party name in any file of the public export. */
  static void assertNothingPersonal(Path dir, String prefix) throws Exception {
    List<String> planted = new ArrayList<>(List.of(PHONE, ID_NUMBER, "13912345678", "张三", "李四", "王芳"));
    List<List<String>> v = Ogr.readCsv(c.file("cun.shp"), "SELECT LXDH, WGY FROM cun", "SQLite");
    v.subList(1, v.size()).forEach(r -> planted.addAll(r));
    int files = 0;
    try (Stream<Path> all = Files.list(dir)) {
      for (Path f : all.filter(x -> x.getFileName().toString().startsWith(prefix)).toList()) {
        files++;
        String text = f.toString().endsWith(".xlsx") ? LeadsTest.unzipped(f) : Files.readString(f, StandardCharsets.UTF_8);
        for (String s : planted) {
          assertFalse(!s.isBlank() && text.contains(s), "'" + s + "' in " + f);
        }
        assertFalse(Pattern.compile("(?<!\\d)1[3-9]\\d{9}(?!\\d)").matcher(text).find(), "a phone number in " + f);
        assertFalse(Pattern.compile("(?<!\\d)\\d{17}[\\dX](?!\\d)").matcher(text).find(), "an id number in " + f);
      }
    }
    assertEquals(2, files, "public XLSX and CSV");
  }

}
