package io.landwatch.store;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The patrol ledger (巡查台账): every case of the period and its history, one row per status
 * change, optionally for one township.
 */
public final class Ledger {
  public static final List<String> COLUMNS = List.of("case_id", "patch_id", "township", "village",
      "priority", "current_status", "expanded", "area_m2", "opened_on", "at", "actor", "old_status",
      "new_status", "note");

  private Ledger() {}

  /** Rows (column → value) ordered by case, then time. {@code from}/{@code to} may be null. */
  public static List<Map<String, Object>> rows(CaseStore store, String township, LocalDate from, LocalDate to) {
    Map<String, Map<String, Object>> cases = new HashMap<>();
    for (Map<String, Object> c : store.rows("cases", null)) {
      cases.put((String) c.get("case_id"), c);
    }
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, Object> h : store.rows("history", null)) {
      Map<String, Object> c = cases.get((String) h.get("case_id"));
      if (c == null || township != null && !township.equals(c.get("township"))) {
        continue;
      }
      LocalDate day = LocalDate.parse(((String) h.get("at")).substring(0, 10));
      if (from != null && day.isBefore(from) || to != null && day.isAfter(to)) {
        continue;
      }
      Map<String, Object> row = new java.util.LinkedHashMap<>();
      row.put("case_id", c.get("case_id"));
      row.put("patch_id", c.get("patch_id"));
      row.put("township", c.get("township"));
      row.put("village", c.get("village"));
      row.put("priority", c.get("priority"));
      row.put("current_status", c.get("status"));
      row.put("expanded", c.get("expanded"));
      row.put("area_m2", c.get("area_m2"));
      row.put("opened_on", c.get("opened_on"));
      row.put("at", h.get("at"));
      row.put("actor", h.get("actor"));
      row.put("old_status", h.get("old_status"));
      row.put("new_status", h.get("new_status"));
      row.put("note", h.get("note"));
      out.add(row);
    }
    out.sort(java.util.Comparator.comparing((Map<String, Object> r) -> (String) r.get("case_id"))
        .thenComparing(r -> (String) r.get("at")));
    return out;
  }
}
