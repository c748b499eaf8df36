package io.landwatch.store;

import io.landwatch.LandwatchException;
import io.landwatch.model.SourceRecord;
import io.landwatch.prepare.DateParser;
import io.landwatch.read.Attributes;
import io.landwatch.read.LayerSource;
import io.landwatch.read.MojibakeCheck;
import io.landwatch.util.TestHooks;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Field results coming back from the patrols (CSV with or without BOM, or XLSX): each row checks
 * one task. Rows are validated against the store and against each other (a file may check a task
 * and then close it); a file with any rejected row applies nothing unless {@code partial}.
 * Accepted rows change task and case status and append history, all in one transaction.
 */
public final class FeedbackImport {
  static final Set<String> RESULTS = Set.of("illegal", "legal", "other");
  static final Set<String> ACTIONS = Set.of("none", "stopped", "demolished", "restored", "case_filed",
      "referred_police", "referred_court", "referred_discipline");

  /** The outcome of one row: applied, rejected (with reason) or not applied because others were rejected. */
  public record RowOutcome(int row, String id, String outcome, String reason) {}

  /** All row outcomes and how many were applied. */
  public record Report(List<RowOutcome> rows, int applied, int rejected) {}

  private FeedbackImport() {}

  public static Report run(CaseStore store, Path file, boolean partial, LocalDate today) {
    return run(store, file, null, partial, today);
  }

  /**
   * Imports a feedback file into the store. Idempotent: a row whose check (task, date, result,
   * action) is already in the store's history, or repeats an earlier row of the file, is reported
   * as already applied and changes nothing, so importing a file twice changes nothing.
   *
   * @param encoding the charset of a CSV file, or null for UTF-8; text that does not decode
   *     cleanly in it is refused, never written to the history as mojibake
   */
  public static Report run(CaseStore store, Path file, String encoding, boolean partial, LocalDate today) {
    List<Map<String, String>> rows = read(file, encoding);
    Set<String> recorded = new java.util.HashSet<>();
    for (Map<String, Object> h : store.rows("history", "source_key IS NOT NULL")) {
      recorded.add((String) h.get("source_key"));
    }
    Map<String, Integer> keysInFile = new HashMap<>();
    Map<String, Map<String, Object>> tasks = new HashMap<>();
    Map<String, String> taskByPatch = new HashMap<>();
    for (Map<String, Object> t : store.rows("tasks", null)) {
      tasks.put((String) t.get("task_id"), t);
      taskByPatch.put((String) t.get("patch_id"), (String) t.get("task_id"));
      taskByPatch.putIfAbsent((String) t.get("case_id"), (String) t.get("task_id"));
    }
    Map<String, String> status = new HashMap<>();
    tasks.forEach((id, t) -> status.put(id, (String) t.get("status")));
    List<RowOutcome> outcomes = new ArrayList<>();
    List<Map<String, Object>> changes = new ArrayList<>();
    int rejected = 0;
    for (int i = 0; i < rows.size(); i++) {
      Map<String, String> r = rows.get(i);
      int rowNo = i + 2; // the header is row 1
      String taskId = r.get("task_id");
      String id = taskId != null ? taskId : r.get("patch_id");
      String reason = null;
      Map<String, Object> task = null;
      if (taskId != null) {
        task = tasks.get(taskId);
        if (task == null) {
          reason = "unknown task_id '" + taskId + "'";
        }
      } else if (r.get("patch_id") != null) {
        String t = taskByPatch.get(r.get("patch_id"));
        task = t == null ? null : tasks.get(t);
        if (task == null) {
          reason = "unknown patch_id '" + r.get("patch_id") + "' (no task was made for it)";
        }
      } else {
        reason = "no task_id and no patch_id";
      }
      String result = lower(r.get("result"));
      String action = r.get("action") == null ? "none" : lower(r.get("action"));
      LocalDate checked = null;
      if (reason == null && !RESULTS.contains(result)) {
        reason = "unknown result '" + r.get("result") + "' (use illegal, legal or other)";
      }
      if (reason == null && !ACTIONS.contains(action)) {
        reason = "unknown action '" + r.get("action") + "' (use one of " + String.join(", ", new java.util.TreeSet<>(ACTIONS)) + ")";
      }
      if (reason == null) {
        try {
          checked = DateParser.parse(r.get("checked_on"));
          if (checked == null) {
            reason = "checked_on is empty";
          }
        } catch (DateParser.InvalidDate e) {
          reason = "checked_on '" + e.value() + "' is not a date (write 2023-07-01)";
        }
      }
      if (reason == null) {
        LocalDate created = LocalDate.parse((String) task.get("created_on"));
        if (checked.isBefore(created)) {
          reason = "checked_on " + checked + " is before the task existed (" + created + ")";
        } else if (checked.isAfter(today)) {
          reason = "checked_on " + checked + " is in the future";
        }
      }
      String tid = task == null ? null : (String) task.get("task_id");
      String key = reason == null ? sourceKey(tid, checked, result, action) : null;
      if (key != null && (recorded.contains(key) || keysInFile.containsKey(key))) {
        Integer earlier = keysInFile.get(key);
        outcomes.add(new RowOutcome(rowNo, id, "already applied", earlier == null
            ? "this check is already in the case store (imported before)" : "repeats row " + earlier));
        continue;
      }
      String next = null;
      if (reason == null) {
        String current = status.get(tid);
        next = transition(current, result, action);
        if (next == null) {
          reason = transitionProblem(current, result, action);
        }
      }
      if (reason != null) {
        rejected++;
        outcomes.add(new RowOutcome(rowNo, id, "rejected", reason));
        continue;
      }
      Map<String, Object> change = new LinkedHashMap<>();
      change.put("row", rowNo);
      change.put("task", task);
      change.put("old", status.get(tid));
      change.put("new", next);
      change.put("checked_on", checked.toString());
      change.put("result", result);
      change.put("action", action);
      change.put("inspector", r.get("inspector"));
      change.put("note", r.get("note"));
      change.put("key", key);
      keysInFile.put(key, rowNo);
      changes.add(change);
      status.put(tid, next);
      outcomes.add(new RowOutcome(rowNo, id, "ok", null));
    }
    boolean apply = rejected == 0 || partial;
    if (apply && !changes.isEmpty()) {
      store.begin();
      try {
        TestHooks.point("feedback.begin");
        for (int i = 0; i < changes.size(); i++) {
          applyChange(store, changes.get(i), file);
          if (i == 0) {
            TestHooks.point("feedback.first-row");
          }
        }
        TestHooks.point("feedback.before-commit");
        store.commit();
        TestHooks.point("feedback.after-commit");
      } catch (RuntimeException e) {
        store.rollback();
        throw e;
      }
    }
    List<RowOutcome> finalOutcomes = new ArrayList<>();
    for (RowOutcome o : outcomes) {
      finalOutcomes.add(o.outcome().equals("ok")
          ? new RowOutcome(o.row(), o.id(), apply ? "applied" : "not applied", apply ? null
              : "the file has rejected rows; fix them or import with --partial")
          : o);
    }
    return new Report(finalOutcomes, apply ? changes.size() : 0, rejected);
  }

  /** The status after a check, or null when the row makes no sense for the current status. */
  static String transition(String current, String result, String action) {
    if (current.equals("closed")) {
      return null;
    }
    switch (result) {
      case "legal":
        return action.equals("none") ? "closed" : null;
      case "other":
        return action.equals("none") ? "checked" : null;
      default:
        return switch (action) {
          case "none" -> "checked";
          case "stopped" -> "stopped";
          case "case_filed", "referred_police", "referred_court", "referred_discipline" -> "rectifying";
          default -> current.equals("open") ? null : "closed"; // demolished, restored
        };
    }
  }

  static String transitionProblem(String current, String result, String action) {
    if (current.equals("closed")) {
      return "the task is already closed";
    }
    if (!result.equals("illegal")) {
      return "action '" + action + "' makes no sense when the result is " + result + " (use action none)";
    }
    return "closing a task that was never checked: record the check first (result illegal with action"
        + " none or stopped), then '" + action + "'";
  }

  private static void applyChange(CaseStore store, Map<String, Object> c, Path file) {
    @SuppressWarnings("unchecked")
    Map<String, Object> task = (Map<String, Object>) c.get("task");
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("status", c.get("new"));
    t.put("checked_on", c.get("checked_on"));
    t.put("result", c.get("result"));
    t.put("action", c.get("action"));
    store.update("tasks", (Long) task.get("fid"), t, null);
    String caseId = (String) task.get("case_id");
    for (Map<String, Object> row : store.rowsOfCase("cases", caseId)) {
      store.update("cases", (Long) row.get("fid"), Map.of("status", c.get("new")), null);
    }
    Map<String, Object> h = new LinkedHashMap<>();
    h.put("at", Instant.now().toString());
    h.put("actor", "feedback " + file.getFileName() + " row " + c.get("row")
        + (c.get("inspector") == null ? "" : " by " + c.get("inspector")));
    h.put("case_id", caseId);
    h.put("task_id", task.get("task_id"));
    h.put("old_status", c.get("old"));
    h.put("new_status", c.get("new"));
    h.put("note", "checked " + c.get("checked_on") + ": " + c.get("result") + ", " + c.get("action")
        + (c.get("note") == null ? "" : "; " + c.get("note")));
    h.put("source_key", c.get("key"));
    store.insert("history", h, null);
  }

  /** What makes two feedback rows the same check. */
  private static String sourceKey(String taskId, LocalDate checked, String result, String action) {
    return "feedback:" + taskId + "|" + checked + "|" + result + "|" + action;
  }

  private static String lower(String s) {
    return s == null ? null : s.trim().toLowerCase(java.util.Locale.ROOT);
  }

  /** Rows of a CSV or XLSX as column → trimmed text (blank → absent). */
  static List<Map<String, String>> read(Path file, String encoding) {
    List<Map<String, String>> out = new ArrayList<>();
    try (LayerSource src = LayerSource.open("feedback", file, null, encoding, null, null)) {
      String effective = src.encoding().effective();
      List<String> cols = src.fieldNames();
      if (cols.stream().noneMatch(c -> c.equalsIgnoreCase("task_id") || c.equalsIgnoreCase("patch_id"))
          || cols.stream().noneMatch(c -> c.equalsIgnoreCase("result"))) {
        throw LandwatchException.invalidInput("feedback file " + file + " needs the columns task_id (or"
            + " patch_id), result, action, checked_on, inspector, note; it has: " + String.join(", ", cols)
            + ". See docs/NIGHTLY.md (feedback file format).");
      }
      src.forEach(f -> {
        SourceRecord rec = new SourceRecord(f.GetFID(), Attributes.of(f));
        Map<String, String> m = new HashMap<>();
        for (String c : List.of("task_id", "patch_id", "result", "action", "checked_on", "inspector", "note")) {
          String v = rec.text(c);
          if (v != null) {
            v = v.startsWith("\uFEFF") ? v.substring(1) : v;
            String likely = MojibakeCheck.guess(v, effective);
            if (likely != null) {
              throw LandwatchException.invalidInput("feedback file " + file + ", row " + (out.size() + 2)
                  + ", column " + c + ": '" + v + "' is not " + effective + " text; it looks like "
                  + likely + ". Save the file as " + effective + " (Excel: \"CSV UTF-8\") or import it with"
                  + " --encoding " + likely + ". Nothing was imported.");
            }
            m.put(c, v);
          }
        }
        out.add(m);
      });
    }
    return out;
  }
}
