package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import io.landwatch.testing.Csv;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A case walks its legal life to closure with `case update` files in Chinese: verified and stopped by
 * the field check, filed, decided, referred to the police and answered both ways, executed, checked
 * by the follow-up task the nightly run issues, closed. Impossible steps are refused with the stage
 * and the allowed next steps; the history holds every step; legal deadlines are exact at their
 * boundaries with the clock fixed.
 */
class LifecycleTest {
  @TempDir static Path root;
  static Path base;

  @BeforeAll
  static void county() {
    base = root.resolve("base");
    SampleCounty.write(base, 11, 1);
  }

  static CountyCopy county(String name) {
    CountyCopy c = CountyCopy.of(base, root.resolve(name));
    assertEquals(0, c.run().exit());
    return c;
  }

  static String sql(CountyCopy c, String q) {
    return CountyCopy.sql(c.file("landwatch.gpkg"), q);
  }

  static CliRunner.Outcome update(CountyCopy c, String name, String csv, String today) throws Exception {
    Path f = c.file(name);
    Files.writeString(f, "\uFEFF" + csv, StandardCharsets.UTF_8);
    return CliRunner.run("-q", "case", "update", f.toString(), "--job", c.file("job.yaml").toString(), "--today", today);
  }

  static CliRunner.Outcome feedback(CountyCopy c, String name, String csv, String today) throws Exception {
    Path f = c.file(name);
    Files.writeString(f, csv, StandardCharsets.UTF_8);
    return CliRunner.run("-q", "feedback", "import", f.toString(), "--job", c.file("job.yaml").toString(), "--today",
        today);
  }

  static List<String> caseIds(CountyCopy c) {
    return List.of(sql(c, "SELECT case_id FROM cases ORDER BY case_id LIMIT 5").split("\n"));
  }

  static final String HEAD = "案件编号,环节,日期,经办人,立案号,决定书文号,送达日期,罚款,处罚内容,整改期限,移送机关,是否受理,办理结果\n";

  @Test
  void aCaseWalksEveryStageToClosure() throws Exception {
    CountyCopy c = county("walk");
    String k = caseIds(c).get(0);
    CliRunner.Outcome o = feedback(c, "fb.csv", "任务编号,核查结果,处置措施,核查日期,核查人\nT" + k + ",违法,已制止,2023-09-03,王芳\n",
        "2023-09-03");
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals("stopped|2023-09-03", sql(c, "SELECT stage, stage_on FROM cases WHERE case_id = '" + k + "'"),
        "the field check verified the case and the stop order stopped it");
    o = update(c, "steps.csv", HEAD
        + k + ",立案,2023-09-05,李强,陵国土立〔2023〕15号,,,,,,,,\n"
        + k + ",处罚决定,2023-09-20,李强,,陵国土罚〔2023〕15号,2023-09-22,50000,拆除、复耕,2023-10-22,,,\n"
        + k + ",移送,2023-09-25,李强,,,,,,,公安,,\n"
        + k + ",移送回复,2023-09-28,公安局,,,,,,,公安,是,\n"
        + k + ",办理结果,2023-10-10,公安局,,,,,,,公安,,已立案侦查\n"
        + k + ",履行,2023-10-20,王芳,,,,,,,,,已拆除并复耕\n", "2023-10-20");
    assertEquals(0, o.exit(), o.out() + o.err());
    assertTrue(o.out().startsWith("6 steps applied"), o.out());
    assertEquals("executed", sql(c, "SELECT stage FROM cases WHERE case_id = '" + k + "'"));
    assertEquals("50000|demolish,restore|2023-10-22", sql(c, "SELECT fine, orders, rectify_by FROM steps WHERE"
        + " case_id = '" + k + "' AND step = 'decided'"));
    // closing before the follow-up check is refused
    o = update(c, "close-early.csv", HEAD + k + ",结案,2023-10-21,李强,,,,,,,,,\n", "2023-10-21");
    assertEquals(8, o.exit(), o.out());
    assertTrue(o.out().contains("the execution is verified by the follow-up task F" + k), o.out());
    // the nightly run issues the follow-up task; the inspector sees the site restored
    assertEquals(0, CliRunner.run("-q", "run", c.file("job.yaml").toString(), "--as-of", "2023-10-21").exit());
    List<List<String>> tasks = Csv.read(c.out().resolve("tasks.csv"));
    assertTrue(tasks.stream().anyMatch(r -> r.contains("F" + k)), "the follow-up task is handed out");
    o = feedback(c, "fb2.csv", "任务编号,核查结果,处置措施,核查日期,核查人\nF" + k + ",违法,已复耕,2023-10-23,王芳\n", "2023-10-23");
    assertEquals(0, o.exit(), o.out() + o.err());
    o = update(c, "close.csv", HEAD + k + ",结案,2023-10-25,李强,,,,,,,,,\n", "2023-10-25");
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals("closed|closed", sql(c, "SELECT stage, status FROM cases WHERE case_id = '" + k + "'"));
    assertEquals("0", sql(c, "SELECT COUNT(*) FROM tasks WHERE case_id = '" + k + "' AND status <> 'closed'"));
    // every step is in the steps table and in the history
    assertEquals("verified_illegal,stopped,filed,decided,referred,referral_answer,referral_outcome,executed,closed",
        sql(c, "SELECT step FROM steps WHERE case_id = '" + k + "' ORDER BY fid").replace("\n", ","));
    String history = sql(c, "SELECT note FROM history WHERE case_id = '" + k + "' ORDER BY fid");
    for (String s : List.of("stage stopped → filed: filed on 2023-09-05, case number 陵国土立〔2023〕15号",
        "stage filed → decided: decided on 2023-09-20, decision 陵国土罚〔2023〕15号 served 2023-09-22, fine 50000.00 yuan,"
            + " orders demolish, restore, rectify by 2023-10-22", "referred on 2023-09-25, police",
        "referral_answer on 2023-09-28, police, accepted: yes", "referral_outcome on 2023-10-10, police, outcome: 已立案侦查",
        "follow-up task F" + k + " issued", "stage executed → closed: closed on 2023-10-25")) {
      assertTrue(history.contains(s), s + " in\n" + history);
    }
    // importing a file again changes nothing
    o = update(c, "steps.csv", Files.readString(c.file("steps.csv")).substring(1), "2023-10-25");
    assertTrue(o.out().startsWith("0 steps applied, 6 already applied before, 0 rejected"), o.out());
    // the ledger shows the whole life: every step with its dates, and the case's stage, patches, evidence
    Path ledger = c.file("ledger.xlsx");
    assertEquals(0, CliRunner.run("ledger", "--job", c.file("job.yaml").toString(), "--out", ledger.toString(),
        "--as-of", "2023-10-25").exit());
    List<List<String>> steps = io.landwatch.testing.Ogr.readCsv(ledger, "SELECT * FROM \"案件办理\" WHERE case_id = '"
        + k + "'", null, "--config", "OGR_XLSX_HEADERS", "FORCE");
    assertEquals(10, steps.size(), "header + 9 steps");
    assertEquals(List.of("decided", "2023/09/20"), steps.get(4).subList(3, 5), "dates are dates");
    assertEquals("陵国土罚〔2023〕15号", steps.get(4).get(7));
    assertEquals(List.of("referral_outcome", "2023/10/10"), steps.get(7).subList(3, 5));
    List<List<String>> lines = io.landwatch.testing.Ogr.readCsv(ledger, "SELECT stage, patches, evidence FROM"
        + " \"巡查台账\" WHERE case_id = '" + k + "'", null);
    assertEquals(List.of("已结案", "1", "0"), lines.get(1));
    // a closed case takes no more steps
    o = update(c, "after.csv", HEAD + k + ",履行,2023-10-26,李强,,,,,,,,,\n", "2023-10-26");
    assertEquals(8, o.exit());
    assertTrue(o.out().contains("is closed (已结案); it cannot become executed (已履行). Allowed next: nothing"), o.out());
  }

  @Test
  void impossibleStepsAreRefusedWithTheStageAndTheAllowedNextSteps() throws Exception {
    CountyCopy c = county("refused");
    List<String> ids = caseIds(c);
    String j = ids.get(1);
    CliRunner.Outcome o = update(c, "bad.csv", HEAD
        + j + ",处罚决定,2023-09-05,李强,,罚-1,2023-09-06,,,,,,\n"
        + j + ",移送,2023-09-05,李强,,,,,,,公安,,\n"
        + j + ",移送回复,2023-09-05,李强,,,,,,,法院,是,\n"
        + j + ",核实违法,2023-09-05,李强,,,,,,,,,\n"
        + j + ",立案,2023-09-06,李强,,,,,,,,,\n"
        + "NOPE,立案,2023-09-06,李强,X,,,,,,,,\n"
        + j + ",处罚决定,2023-09-04,李强,,罚-1,,,,,,,\n", "2023-09-10");
    assertEquals(8, o.exit(), o.out() + o.err());
    CountyCopy.assertReadable(o);
    List<List<String>> r = Csv.read(c.file("bad.csv.report.csv"));
    assertEquals("case " + j + " is reported (待核查); it cannot become decided (已作出处罚决定). Allowed next:"
        + " verified_illegal (核实违法), verified_legal (核实合法)", r.get(1).get(3));
    assertTrue(r.get(2).get(3).contains("only a case verified illegal and not closed can be referred"), r.get(2).get(3));
    assertTrue(r.get(3).get(3).startsWith("no referral to the court awaits an answer"), r.get(3).get(3));
    assertEquals("not applied", r.get(4).get(2), "the verification itself is fine");
    assertEquals("filing needs the case number (立案号)", r.get(5).get(3));
    assertTrue(r.get(6).get(3).startsWith("unknown case 'NOPE'"), r.get(6).get(3));
    assertTrue(r.get(7).get(3).startsWith("the date 2023-09-04 is before the case's last step (2023-09-05)"), r.get(7).get(3));
    assertEquals("", sql(c, "SELECT stage FROM cases WHERE case_id = '" + j + "'"), "nothing applied");
  }

  /** The windows of a decided case at the day before, on and after each boundary. */
  @Test
  void deadlinesAreExactAtTheirBoundaries() throws Exception {
    CountyCopy c = county("deadlines");
    String k = caseIds(c).get(2);
    CliRunner.Outcome o = update(c, "decided.csv", HEAD
        + k + ",核实违法,2023-09-03,王芳,,,,,,,,,\n"
        + k + ",立案,2023-09-05,李强,陵国土立〔2023〕16号,,,,,,,,\n", "2023-09-05");
    assertEquals(0, o.exit(), o.out() + o.err());
    // filed 09-05: decision due 90 days later, 2023-12-04
    assertEquals(List.of(), deadlines(c, "2023-12-02", 1));
    assertEquals(List.of(k + "|decision|2023-12-04|closing"), deadlines(c, "2023-12-03", 1));
    assertEquals(List.of(k + "|decision|2023-12-04|closing"), deadlines(c, "2023-12-04", 0));
    assertEquals(List.of(k + "|decision|2023-12-04|passed"), deadlines(c, "2023-12-05", 0));
    o = update(c, "decision.csv", HEAD + k + ",处罚决定,2023-09-20,李强,,罚-16,2023-09-22,,拆除,2023-10-22,,,\n",
        "2023-09-22");
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals(List.of(), deadlines(c, "2023-10-20", 1));
    assertEquals(List.of(k + "|rectification|2023-10-22|closing"), deadlines(c, "2023-10-21", 1));
    assertEquals(List.of(k + "|rectification|2023-10-22|closing"), deadlines(c, "2023-10-22", 0));
    assertEquals(List.of(k + "|rectification|2023-10-22|passed"), deadlines(c, "2023-10-23", 0));
    // review: served 09-22 + 60 days = 11-21; closing only (nothing is asked of the office)
    assertEquals(List.of(k + "|rectification|2023-10-22|passed", k + "|review|2023-11-21|closing"),
        deadlines(c, "2023-11-21", 0));
    assertEquals(List.of(k + "|rectification|2023-10-22|passed"), deadlines(c, "2023-11-22", 0));
    // litigation ends 2024-03-22; the enforcement application is due 3 months later, 2024-06-22
    assertEquals(List.of(k + "|rectification|2023-10-22|passed", k + "|enforcement_application|2024-06-22|closing"),
        deadlines(c, "2024-06-22", 0));
    assertEquals(List.of(k + "|rectification|2023-10-22|passed", k + "|enforcement_application|2024-06-22|passed"),
        deadlines(c, "2024-06-23", 0));
    // the ledger gives each case its nearest window
    Path ledger = c.file("ledger.xlsx");
    assertEquals(0, CliRunner.run("ledger", "--job", c.file("job.yaml").toString(), "--out", ledger.toString(),
        "--as-of", "2023-10-21").exit());
    assertEquals("rectification 2023-10-22 (closing)", io.landwatch.testing.Ogr.readCsv(ledger, "SELECT deadline FROM"
        + " \"巡查台账\" WHERE case_id = '" + k + "'", null).get(1).get(0));
    // the nightly run says it on one line for cron mail, and exits 0
    CliRunner.Outcome run = CliRunner.run("-q", "run", c.file("job.yaml").toString(), "--as-of", "2023-10-23");
    assertEquals(0, run.exit(), run.out() + run.err());
    assertTrue(run.out().contains("deadlines: 0 closing within 7 days, 1 passed without the next step"
        + " (landwatch status --deadlines)"), run.out());
    // applying to the court answers the enforcement window
    o = update(c, "court.csv", HEAD + k + ",移送,2024-06-20,李强,,,,,,,法院,,\n", "2024-06-20");
    assertEquals(0, o.exit(), o.out() + o.err());
    assertEquals(List.of(k + "|rectification|2023-10-22|passed"), deadlines(c, "2024-06-23", 0));
  }

  /** `status --deadlines` rows as case|window|due|state. */
  static List<String> deadlines(CountyCopy c, String asOf, int within) {
    CliRunner.Outcome o = CliRunner.run("status", "--deadlines", "--within", Integer.toString(within), "--job",
        c.file("job.yaml").toString(), "--as-of", asOf);
    assertEquals(0, o.exit(), o.out() + o.err());
    assertFalse(o.out().contains("Exception"), o.out());
    return o.out().lines().filter(l -> l.startsWith("  ")).map(l -> {
      String[] p = l.strip().split("\\s+");
      return p[1] + "|" + p[2] + "|" + p[0] + "|" + p[4];
    }).toList();
  }
}
