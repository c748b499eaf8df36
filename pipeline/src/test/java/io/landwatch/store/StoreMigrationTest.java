package io.landwatch.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.testing.Ogr;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A store written by the first release (landwatch 0.1.0, commit 1d3ce20: the sample county's
 * patches up to 0040 judged on 2023-07-03, then a feedback file that stopped one task and closed
 * another) is opened, migrated in one transaction and used by this release.
 */
class StoreMigrationTest {
  @TempDir Path dir;
  Path store;

  @BeforeEach
  void copyFixture() throws Exception {
    store = dir.resolve("landwatch.gpkg");
    try (var in = getClass().getResourceAsStream("release-0.1.0-store.gpkg")) {
      Files.copy(in, store, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  static String sql(Path gpkg, String sql) {
    return Ogr.run("ogrinfo", "-ro", "-q", gpkg.toString(), "-sql", sql);
  }

  @Test
  void theFixtureIsTheFirstReleasesStore() {
    assertFalse(Ogr.run("ogrinfo", "-ro", "-so", store.toString(), "history").contains("source_key"));
    assertTrue(Ogr.run("ogrinfo", "-ro", "-so", store.toString()).contains("cases (Multi Polygon)"));
    assertFalse(Ogr.run("ogrinfo", "-ro", "-so", store.toString()).contains(StoreSchema.META));
  }

  @Test
  void migratedOnOpenKeepingEveryCaseAndUsable() throws Exception {
    String casesBefore = sql(store, "SELECT case_id, patch_id, area_m2, opened_on FROM cases ORDER BY case_id");
    String tasksBefore = sql(store, "SELECT task_id, status, due_on, checked_on FROM tasks ORDER BY task_id");
    try (CaseStore s = CaseStore.open(store)) {
      assertEquals(27, s.cases().size());
      assertEquals(27, s.tasks().size());
      assertEquals(29, s.history().size());
      assertEquals(1, s.tasks().stream().filter(t -> t.status() == TaskStatus.STOPPED).count());
      assertEquals(1, s.tasks().stream().filter(t -> t.status() == TaskStatus.CLOSED).count());
      // used: a new field check on a migrated store, idempotent like on a new one
      String t = s.tasks().stream().filter(x -> x.status() == TaskStatus.OPEN).findFirst().orElseThrow().taskId();
      Path fb = dir.resolve("fb.csv");
      Files.writeString(fb, "task_id,result,action,checked_on,inspector,note\n" + t + ",illegal,stopped,2023-07-08,张伟,\n");
      assertEquals(1, FeedbackImport.run(s, fb, false, LocalDate.of(2023, 7, 10)).applied());
      assertEquals(0, FeedbackImport.run(s, fb, false, LocalDate.of(2023, 7, 10)).applied());
    }
    assertTrue(sql(store, "SELECT value FROM " + StoreSchema.META + " WHERE key = 'schema_version'")
        .contains("value (String) = " + StoreSchema.CURRENT));
    assertTrue(Ogr.run("ogrinfo", "-ro", "-so", store.toString(), "history").contains("source_key: String"));
    assertEquals(casesBefore, sql(store, "SELECT case_id, patch_id, area_m2, opened_on FROM cases ORDER BY case_id"));
    String tasksAfter = sql(store, "SELECT task_id, status, due_on, checked_on FROM tasks ORDER BY task_id");
    assertEquals(tasksBefore.lines().count(), tasksAfter.lines().count());
    assertEquals("ok", sql(store, "PRAGMA integrity_check").replaceAll("(?s).*integrity_check \\(String\\) = (\\w+).*", "$1"));
  }

  @Test
  void aNewStoreHasTheSameTablesAsAMigratedOne() throws Exception {
    try (CaseStore s = CaseStore.open(store)) {
      assertEquals(27, s.cases().size());
    }
    Path fresh = dir.resolve("new.gpkg");
    try (CaseStore s = CaseStore.open(fresh)) {
      assertTrue(s.cases().isEmpty());
    }
    for (String table : new String[] {"cases", "tasks", "history", "runs", "evidence", "leads", "patrols", "outlines",
        "steps", "case_patches", StoreSchema.META}) {
      assertEquals(fields(store, table), fields(fresh, table), table);
    }
  }

  private static String fields(Path gpkg, String table) {
    return Ogr.run("ogrinfo", "-ro", "-so", gpkg.toString(), table).lines()
        .filter(l -> l.matches("^\\w+: \\w+ \\(.*")).reduce("", (a, b) -> a + b + "\n");
  }

  /**
   * The store of the previous release (0.2, store version 3: evidence, source keys; written by
   * that release's `run` on 30 patches of the sample county and a feedback file that stopped one
   * case and found another legal) opens in this one with every case, task, history row and run,
   * and the field checks it holds become the cases' stages.
   */
  @Test
  void thePreviousReleasesStoreMigratesKeepingEverything() throws Exception {
    Path prev = dir.resolve("prev.gpkg");
    try (var in = getClass().getResourceAsStream("release-0.2.0-store.gpkg")) {
      Files.copy(in, prev, StandardCopyOption.REPLACE_EXISTING);
    }
    assertTrue(sql(prev, "SELECT value FROM " + StoreSchema.META).contains("value (String) = 3"));
    String cases = sql(prev, "SELECT case_id, patch_id, status, area_m2, unapproved_m2, priority, referral, opened_on"
        + " FROM cases ORDER BY case_id");
    String tasks = sql(prev, "SELECT task_id, status, due_on, checked_on, result, action FROM tasks ORDER BY task_id");
    String history = sql(prev, "SELECT at, actor, case_id, old_status, new_status, note, source_key FROM history ORDER BY fid");
    String runs = sql(prev, "SELECT run_id, patches, new_cases FROM runs ORDER BY fid");
    try (CaseStore s = CaseStore.open(prev)) {
      assertEquals(30, s.cases().size());
      var life = s.caseLife();
      assertEquals(Stage.STOPPED, life.get("14052420230019").stage(), "stopped by the field check of 2023-09-03");
      assertEquals(java.time.LocalDate.of(2023, 9, 3), life.get("14052420230019").stageOn());
      assertEquals(Stage.VERIFIED_LEGAL, life.get("14052420230001").stage());
      assertEquals(28, life.values().stream().filter(l -> l.stage() == Stage.REPORTED).count());
    }
    assertTrue(sql(prev, "SELECT value FROM " + StoreSchema.META).contains("value (String) = " + StoreSchema.CURRENT));
    assertEquals(cases, sql(prev, "SELECT case_id, patch_id, status, area_m2, unapproved_m2, priority, referral,"
        + " opened_on FROM cases ORDER BY case_id"));
    assertEquals(tasks, sql(prev, "SELECT task_id, status, due_on, checked_on, result, action FROM tasks ORDER BY task_id"));
    assertEquals(history, sql(prev, "SELECT at, actor, case_id, old_status, new_status, note, source_key FROM history"
        + " ORDER BY fid"));
    assertEquals(runs, sql(prev, "SELECT run_id, patches, new_cases FROM runs ORDER BY fid"));
  }

  @Test
  void aStoreOfANewerReleaseIsRefused() throws Exception {
    try (CaseStore s = CaseStore.open(store)) {
      assertEquals(27, s.cases().size());
    }
    Ogr.run("ogrinfo", store.toString(), "-sql", "UPDATE " + StoreSchema.META + " SET value = '99'");
    LandwatchException e = assertThrows(LandwatchException.class, () -> CaseStore.open(store));
    assertEquals(ExitCode.INVALID_INPUT, e.exitCode());
    assertTrue(e.getMessage().contains("written by a newer landwatch (store version 99"), e.getMessage());
  }
}
