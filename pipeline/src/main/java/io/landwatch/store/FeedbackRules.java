package io.landwatch.store;

import io.landwatch.config.Rules;
import io.landwatch.prepare.DateParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a feedback file would do to the store, decided without touching it: each row is checked
 * against the tasks and the rows before it (a file may check a task and then close it), and a
 * check the store already holds, or that repeats an earlier row, is "already applied".
 */
public final class FeedbackRules {
  static final Set<String> ACTIONS = Set.of("none", "stopped", "refused", "demolished", "restored", "case_filed",
      "referred_police", "referred_court", "referred_discipline");

  /** One accepted row: the task before, its status after, the check, its photos and measured outline. */
  record Change(int row, TaskRow task, TaskStatus next, LocalDate checkedOn, String result, String action,
      String inspector, String note, String key, List<PhotoCheck.Checked> photos, FeedbackRow source,
      io.landwatch.judge.PatchResult measured, String meaning) {

    /** This change with the judgment of its measured outline. */
    Change withMeasured(io.landwatch.judge.PatchResult r) {
      return new Change(row, task, next, checkedOn, result, action, inspector, note, key, photos, source, r, meaning);
    }
  }

  /**
   * What the store already holds that photos are checked against.
   *
   * @param outlines case id → outline, CGCS2000 lon/lat
   * @param caseOfHash photo SHA-256 → the case it backs
   * @param maxDistanceM rules.photo_max_distance_m
   * @param requirePhotoToClose rules.require_photo_to_close
   * @param canJudge whether measured outlines can be judged (the job's layers are known)
   */
  record Evidence(Map<String, org.locationtech.jts.geom.Geometry> outlines, Map<String, String> caseOfHash,
      double maxDistanceM, boolean requirePhotoToClose, boolean canJudge) {
    static final Evidence NONE = new Evidence(Map.of(), Map.of(), 50, false, false);
  }

  /** Every row's outcome, the accepted changes in file order, and how many rows were rejected. */
  record Plan(List<RowOutcome> outcomes, List<Change> changes, int rejected) {}

  private FeedbackRules() {}

  /**
   * @param tasks the store's tasks
   * @param recorded the source keys of the checks already in the store's history
   * @param today checks dated later are refused
   */
  static Plan plan(List<FeedbackRow> rows, List<TaskRow> tasks, Set<String> recorded, LocalDate today) {
    return plan(rows, tasks, recorded, today, Rules.DEFAULT_RESULT_TYPES);
  }

  /**
   * @param resultTypes result type → illegal, legal or other (rules.result_types): the row's
   *     result is a type; what it means decides the task's next status
   */
  static Plan plan(List<FeedbackRow> rows, List<TaskRow> tasks, Set<String> recorded, LocalDate today,
      Map<String, String> resultTypes) {
    return plan(rows, tasks, recorded, today, resultTypes, Evidence.NONE);
  }

  /** @param evidence the store's cases and photos the rows' photos are checked against */
  static Plan plan(List<FeedbackRow> rows, List<TaskRow> tasks, Set<String> recorded, LocalDate today,
      Map<String, String> resultTypes, Evidence evidence) {
    Map<String, String> caseOfHash = new HashMap<>(evidence.caseOfHash());
    Set<String> withPhotos = new java.util.HashSet<>(caseOfHash.values());
    Map<String, TaskRow> byId = new HashMap<>();
    Map<String, TaskRow> byPatch = new HashMap<>();
    for (TaskRow t : tasks) {
      byId.put(t.taskId(), t);
      if (t.taskId().equals("T" + t.caseId())) { // a patch id names the case's own task, not its follow-up
        byPatch.put(t.patchId(), t);
        byPatch.putIfAbsent(t.caseId(), t);
      }
    }
    Map<String, TaskStatus> status = new HashMap<>();
    tasks.forEach(t -> status.put(t.taskId(), t.status()));
    Map<String, Integer> keysInFile = new HashMap<>();
    List<RowOutcome> outcomes = new ArrayList<>();
    List<Change> changes = new ArrayList<>();
    int rejected = 0;
    for (FeedbackRow r : rows) {
      if (r.result() == null && r.action() == null && r.checkedOn() == null) {
        outcomes.add(new RowOutcome(r.row(), r.id(), "not filled in", null));
        continue;
      }
      TaskRow task = r.taskId() != null ? byId.get(r.taskId()) : r.patchId() != null ? byPatch.get(r.patchId()) : null;
      String result = lower(r.result());
      String action = r.action() == null ? "none" : lower(r.action());
      String reason = taskProblem(r, task);
      if (reason == null && r.problem() != null) {
        reason = r.problem();
      }
      if (reason == null && r.outline() != null && !evidence.canJudge()) {
        reason = "a measured outline is judged against the job's layers: import with --job JOB.yaml";
      }
      if (reason == null && !resultTypes.containsKey(result)) {
        reason = "unknown result '" + r.result() + "' (use " + FeedbackVocabulary.help() + ")";
      }
      if (reason == null && !ACTIONS.contains(action)) {
        reason = "unknown action '" + r.action() + "' (use one of " + String.join(", ", new TreeSet<>(ACTIONS))
            + "; in Chinese " + FeedbackVocabulary.help() + ")";
      }
      LocalDate checked = null;
      if (reason == null) {
        try {
          checked = DateParser.parse(r.checkedOn());
          reason = checked == null ? "checked_on is empty" : dateProblem(checked, task, today);
        } catch (DateParser.InvalidDate e) {
          reason = "checked_on '" + e.value() + "' is not a date (write 2023-07-01)";
        }
      }
      String key = reason == null ? "feedback:" + task.taskId() + "|" + checked + "|" + result + "|" + action : null;
      if (key != null && (recorded.contains(key) || keysInFile.containsKey(key))) {
        Integer earlier = keysInFile.get(key);
        outcomes.add(new RowOutcome(r.row(), r.id(), "already applied", earlier == null
            ? "this check is already in the case store (imported before)" : "repeats row " + earlier));
        continue;
      }
      TaskStatus next = null;
      if (reason == null) {
        String meaning = resultTypes.get(result);
        next = transition(status.get(task.taskId()), meaning, action);
        if (next == null && task.taskId().startsWith("F") && status.get(task.taskId()) == TaskStatus.OPEN
            && (action.equals("demolished") || action.equals("restored"))) {
          next = TaskStatus.CLOSED; // a follow-up task checks an execution: seeing it done closes it
        }
        if (next == null) {
          reason = transitionProblem(status.get(task.taskId()), meaning, action);
        }
      }
      if (reason == null && next == TaskStatus.CLOSED && evidence.requirePhotoToClose() && r.photos().isEmpty()
          && !withPhotos.contains(task.caseId())) {
        reason = "closing the task needs a photo of the site (rules.require_photo_to_close): add it in the"
            + " photos (照片) column";
      }
      if (reason != null) {
        rejected++;
        outcomes.add(new RowOutcome(r.row(), r.id(), "rejected", reason));
        continue;
      }
      List<PhotoCheck.Checked> photos = new ArrayList<>();
      for (Photo p : r.photos()) {
        PhotoCheck.Checked c = PhotoCheck.check(p, evidence.outlines().get(task.caseId()), task.createdOn(),
            task.caseId(), caseOfHash.get(p.sha256()), evidence.maxDistanceM());
        photos.add(c);
        caseOfHash.putIfAbsent(p.sha256(), task.caseId());
      }
      if (!photos.isEmpty()) {
        withPhotos.add(task.caseId());
      }
      keysInFile.put(key, r.row());
      changes.add(new Change(r.row(), task, next, checked, result, action, r.inspector(), r.note(), key,
          List.copyOf(photos), r, null, resultTypes.get(result)));
      status.put(task.taskId(), next);
      String flags = String.join("; ", photos.stream().filter(c -> !c.flags().isEmpty())
          .map(c -> PhotoCheck.describe(c, evidence.maxDistanceM())).toList());
      outcomes.add(new RowOutcome(r.row(), r.id(), "ok", flags.isEmpty() ? null : flags));
    }
    return new Plan(outcomes, changes, rejected);
  }

  private static String taskProblem(FeedbackRow r, TaskRow task) {
    if (r.taskId() != null) {
      return task == null ? "unknown task_id '" + r.taskId() + "'" : null;
    }
    if (r.patchId() != null) {
      return task == null ? "unknown patch_id '" + r.patchId() + "' (no task was made for it)" : null;
    }
    return "no task_id and no patch_id";
  }

  private static String dateProblem(LocalDate checked, TaskRow task, LocalDate today) {
    if (task.createdOn() != null && checked.isBefore(task.createdOn())) {
      return "checked_on " + checked + " is before the task existed (" + task.createdOn() + ")";
    }
    return checked.isAfter(today) ? "checked_on " + checked + " is in the future" : null;
  }

  /** The status after a check, or null when the row makes no sense for the current status. */
  static TaskStatus transition(TaskStatus current, String result, String action) {
    if (current == TaskStatus.CLOSED) {
      return null;
    }
    return switch (result) {
      case "legal" -> action.equals("none") ? TaskStatus.CLOSED : null;
      case "other" -> action.equals("none") ? TaskStatus.CHECKED : null;
      default -> switch (action) {
        case "none", "refused" -> TaskStatus.CHECKED; // refused: the offender would not stop; escalated
        case "stopped" -> TaskStatus.STOPPED;
        case "case_filed", "referred_police", "referred_court", "referred_discipline" -> TaskStatus.RECTIFYING;
        default -> current == TaskStatus.OPEN ? null : TaskStatus.CLOSED; // demolished, restored
      };
    };
  }

  static String transitionProblem(TaskStatus current, String result, String action) {
    if (current == TaskStatus.CLOSED) {
      return "the task is already closed";
    }
    if (!result.equals("illegal")) {
      return "action '" + action + "' makes no sense when the result is " + result + " (use action none)";
    }
    return "closing a task that was never checked: record the check first (result illegal with action"
        + " none or stopped), then '" + action + "'";
  }

  private static String lower(String s) {
    return s == null ? null : s.trim().toLowerCase(Locale.ROOT);
  }
}
