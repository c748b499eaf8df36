package io.landwatch.store;

import java.util.List;

/**
 * The case store's tables, in one place, and how a store of each earlier version becomes the
 * current one. Version 1 is the store of the first release (no version recorded); each later
 * version is a list of changes applied in order, inside the transaction that opens the store, so
 * a store is either fully migrated or untouched.
 */
final class StoreSchema {
  /** The version this code writes. */
  static final int CURRENT = 6;

  /** The table holding the version ({@code key = 'schema_version'}). */
  static final String META = "landwatch_meta";

  /** A column and its SQLite/OGR type. */
  record Column(String name, Type type) {}

  /** Column types as OGR stores them. */
  enum Type { TEXT, INTEGER, REAL }

  /** A table: name, geometry ("multipolygon", "point", "multilinestring", "geometry" for any; null for none), columns. */
  record Table(String name, String geometry, List<Column> columns) {}

  /** One change of a migration. */
  sealed interface Change permits AddColumn, CreateTable, Update {}

  /** A new column; the rows that exist keep it empty. */
  record AddColumn(String table, Column column) implements Change {}

  /** A new table. */
  record CreateTable(Table table) implements Change {}

  /** Rows brought to what the new columns mean (one SQL UPDATE, idempotent). */
  record Update(String sql) implements Change {}

  /** What turns version {@code from} into {@code from + 1}. */
  record Migration(int from, String what, List<Change> changes) {}

  static final Table CASES = new Table("cases", "multipolygon", List.of(
      text("case_id"), text("patch_id"), text("status"), integer("expanded"), real("area_m2"),
      real("unapproved_m2"), text("township"), text("village"), text("priority"), integer("referral"),
      text("opened_on"), text("opened_run"), text("updated_run")));

  static final Table TASKS = new Table("tasks", "point", List.of(
      text("task_id"), text("case_id"), text("patch_id"), text("township"), text("village"),
      text("inspector"), text("phone"), text("priority"), text("due_on"), text("status"), text("created_on"),
      real("lon"), real("lat"), real("gcj02_lon"), real("gcj02_lat"), real("area_mu"), real("unapproved_mu"),
      real("farmland_mu"), real("basic_farmland_mu"), text("checked_on"), text("result"), text("action")));

  /** Version 1's history: the first release. */
  static final Table HISTORY_V1 = new Table("history", null, List.of(
      text("at"), text("actor"), text("case_id"), text("task_id"), text("old_status"), text("new_status"),
      text("note")));

  static final Table RUNS = new Table("runs", null, List.of(
      text("run_id"), text("job"), text("run_date"), text("started"), text("finished"), integer("patches"),
      integer("new_cases"), integer("updated_cases"), integer("reopened_cases"), text("status")));

  /** Photos that back a field check: copied beside the store, with their hash, place and time. */
  static final Table EVIDENCE = new Table("evidence", null, List.of(
      text("case_id"), text("task_id"), text("file"), text("sha256"), text("taken_at"), real("lon"), real("lat"),
      real("distance_m"), text("flags"), text("source_key")));

  /**
   * Leads from the six channels (巡查, 卫片, 村级报告, 群众举报, 媒体曝光, 上级交办): a point or a
   * polygon, CGCS2000 lon/lat. The reporter's contact is private: it stays in this table.
   */
  static final Table LEADS = new Table("leads", "geometry", List.of(
      text("lead_id"), text("channel"), text("reported_on"), text("description"), text("reporter_contact"),
      text("location"), text("case_id"), text("outcome"), text("facts"), text("fingerprint"), text("source_file"),
      integer("source_row"), text("imported_at")));

  /** Patrol records (巡查记录), with or without findings, and their GPS tracks. */
  static final Table PATROLS = new Table("patrols", "multilinestring", List.of(
      text("patrol_id"), text("patrolled_on"), text("inspector"), text("township"), text("villages"),
      text("findings"), text("lead_ids"), real("track_km"), text("fingerprint"), text("source_file"),
      integer("source_row"), text("imported_at")));

  /** Outlines measured in the field, each with the judgment it gave; the patch outline stays on the case. */
  static final Table OUTLINES = new Table("outlines", "multipolygon", List.of(
      text("case_id"), text("task_id"), text("measured_on"), real("area_m2"), real("unapproved_m2"),
      real("farmland_m2"), real("basic_farmland_m2"), text("priority"), integer("referral"), text("source_file"),
      text("source_key"), text("at")));

  /**
   * The steps of a case's life after the field check (核实, 制止, 立案, 处罚决定, 履行, 结案) and its
   * referrals both ways (移送, 受理, 办理结果), each with its date, who and the documents.
   */
  static final Table STEPS = new Table("steps", null, List.of(
      text("case_id"), text("step"), text("on_date"), text("actor"), text("documents"), text("case_number"),
      text("decision_number"), text("service_date"), real("fine"), text("orders"), text("rectify_by"),
      text("referred_to"), text("accepted"), text("outcome"), text("note"), text("source_key"), text("at")));

  /** Lineage: every patch judged into a case, and how (opened, continued, part of a split). */
  static final Table CASE_PATCHES = new Table("case_patches", null, List.of(
      text("case_id"), text("patch_id"), text("role"), text("after_date"), real("area_m2"), text("run_id")));

  /**
   * Per run and township: the farmland every change patch of the run occupies and the part of it
   * suspected, the denominator and numerator of the §七 accountability ratio of a period.
   */
  static final Table RUN_TOTALS = new Table("run_totals", null, List.of(
      text("run_id"), text("run_date"), text("township"), integer("patches"), real("patch_farmland_m2"),
      real("suspected_farmland_m2")));

  /** The tables of version 1, as the first release created them. */
  static final List<Table> V1 = List.of(CASES, TASKS, HISTORY_V1, RUNS);

  /** Every migration, oldest first; migration i turns version i + 1 into i + 2. */
  static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "history.source_key: what makes a feedback row the same check (idempotent imports)",
          List.of(new AddColumn("history", text("source_key")))),
      new Migration(2, "evidence: the photos of field checks, their hashes and flags",
          List.of(new CreateTable(EVIDENCE))),
      new Migration(3, "leads, patrols and measured outlines; cases.channel (null: satellite), cases.seen_on,"
          + " cases.measured_m2", List.of(new AddColumn("cases", text("channel")), new AddColumn("cases",
          text("seen_on")), new AddColumn("cases", real("measured_m2")), new CreateTable(LEADS),
          new CreateTable(PATROLS), new CreateTable(OUTLINES))),
      new Migration(4, "case lifecycle: cases.stage, stage_on, escalation, routed_to, later_approval, kind;"
          + " steps (transitions and referrals); case_patches (lineage)", List.of(
          new AddColumn("cases", text("stage")), new AddColumn("cases", text("stage_on")),
          new AddColumn("cases", text("escalation")), new AddColumn("cases", text("routed_to")),
          new AddColumn("cases", text("later_approval")), new AddColumn("cases", text("kind")),
          new CreateTable(STEPS), new CreateTable(CASE_PATCHES),
          // a case the field check already verified or stopped keeps that place in its life
          new Update("UPDATE cases SET stage = (SELECT CASE WHEN t.status = 'stopped' THEN 'stopped'"
              + " WHEN t.result = 'illegal' THEN 'verified_illegal' WHEN t.result IN ('legal',"
              + " 'facility_agriculture', 'rural_road', 'false_change') THEN 'verified_legal' END FROM tasks t"
              + " WHERE t.task_id = 'T' || cases.case_id), stage_on = (SELECT t.checked_on FROM tasks t"
              + " WHERE t.task_id = 'T' || cases.case_id AND t.result IS NOT NULL) WHERE stage IS NULL"))),
      new Migration(5, "history.on_date (the day an event happened, for periods); run_totals (farmland of each"
          + " run's patches per township)", List.of(new AddColumn("history", text("on_date")),
          new CreateTable(RUN_TOTALS))));

  private StoreSchema() {}

  static Column text(String name) {
    return new Column(name, Type.TEXT);
  }

  static Column integer(String name) {
    return new Column(name, Type.INTEGER);
  }

  static Column real(String name) {
    return new Column(name, Type.REAL);
  }
}
