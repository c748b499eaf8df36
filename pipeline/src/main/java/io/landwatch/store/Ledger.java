package io.landwatch.store;

import io.landwatch.model.Priority;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The patrol ledger (巡查台账): every case of the period and its history, one row per status
 * change, optionally for one township.
 */
public final class Ledger {
  /** The ledger's columns, in order. */
  public static final List<String> COLUMNS = List.of("case_id", "patch_id", "township", "village",
      "priority", "current_status", "expanded", "area_m2", "opened_on", "at", "actor", "old_status",
      "new_status", "note");

  /** One ledger line: a case and one step of its history. */
  public record Line(String caseId, String patchId, String township, String village, Priority priority,
      TaskStatus currentStatus, boolean expanded, double areaM2, LocalDate openedOn, String at, String actor,
      TaskStatus oldStatus, TaskStatus newStatus, String note) {

    /** The values in {@link #COLUMNS} order: String, Integer, Double or null. */
    public List<Object> values() {
      return Arrays.asList(caseId, patchId, township, village, priority == null ? null : priority.name(),
          currentStatus.label(), expanded ? 1 : 0,
          areaM2, openedOn == null ? null : openedOn.toString(), at, actor,
          oldStatus == null ? null : oldStatus.label(), newStatus.label(), note);
    }
  }

  private Ledger() {}

  /** Lines ordered by case, then time. {@code from}/{@code to} (inclusive) may be null. */
  public static List<Line> lines(CaseStore store, String township, LocalDate from, LocalDate to) {
    Map<String, CaseRow> cases = new HashMap<>();
    store.cases().forEach(c -> cases.put(c.caseId(), c));
    List<Line> out = new ArrayList<>();
    for (HistoryRow h : store.history()) {
      CaseRow c = cases.get(h.caseId());
      if (c == null || township != null && !township.equals(c.township())) {
        continue;
      }
      LocalDate day = LocalDate.parse(h.at().substring(0, 10));
      if (from != null && day.isBefore(from) || to != null && day.isAfter(to)) {
        continue;
      }
      out.add(new Line(c.caseId(), c.patchId(), c.township(), c.village(), c.priority(), c.status(), c.expanded(),
          c.areaM2(), c.openedOn(), h.at(), h.actor(), h.oldStatus(), h.newStatus(), h.note()));
    }
    out.sort(Comparator.comparing(Line::caseId).thenComparing(Line::at));
    return out;
  }
}
