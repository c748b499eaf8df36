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
  static final int CURRENT = 3;

  /** The table holding the version ({@code key = 'schema_version'}). */
  static final String META = "landwatch_meta";

  /** A column and its SQLite/OGR type. */
  record Column(String name, Type type) {}

  /** Column types as OGR stores them. */
  enum Type { TEXT, INTEGER, REAL }

  /** A table: name, geometry (null for none: "multipolygon" or "point"), columns in order. */
  record Table(String name, String geometry, List<Column> columns) {}

  /** One change of a migration. */
  sealed interface Change permits AddColumn, CreateTable {}

  /** A new column; the rows that exist keep it empty. */
  record AddColumn(String table, Column column) implements Change {}

  /** A new table. */
  record CreateTable(Table table) implements Change {}

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

  /** The tables of version 1, as the first release created them. */
  static final List<Table> V1 = List.of(CASES, TASKS, HISTORY_V1, RUNS);

  /** Every migration, oldest first; migration i turns version i + 1 into i + 2. */
  static final List<Migration> MIGRATIONS = List.of(
      new Migration(1, "history.source_key: what makes a feedback row the same check (idempotent imports)",
          List.of(new AddColumn("history", text("source_key")))),
      new Migration(2, "evidence: the photos of field checks, their hashes and flags",
          List.of(new CreateTable(EVIDENCE))));

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
