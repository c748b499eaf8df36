package io.landwatch.prepare;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Collects every record that was not used; thread-safe. */
public final class Quarantine {
  private final List<QuarantineEntry> entries = new ArrayList<>();

  public synchronized void add(QuarantineEntry e) {
    entries.add(e);
  }

  public void add(String layer, long record, String id, String category, String reason) {
    add(new QuarantineEntry(layer, record, id == null ? "" : id, category, reason));
  }

  /** Entries sorted by layer order of appearance, then record number. */
  public synchronized List<QuarantineEntry> entries() {
    List<String> order = new ArrayList<>();
    for (QuarantineEntry e : entries) {
      if (!order.contains(e.layer())) {
        order.add(e.layer());
      }
    }
    List<QuarantineEntry> sorted = new ArrayList<>(entries);
    sorted.sort(Comparator.comparingInt((QuarantineEntry e) -> order.indexOf(e.layer()))
        .thenComparingLong(QuarantineEntry::record));
    return sorted;
  }

  public synchronized long count(String layer) {
    return entries.stream().filter(e -> e.layer().equals(layer)).count();
  }

  /** layer → category → count. */
  public synchronized Map<String, Map<String, Long>> table() {
    Map<String, Map<String, Long>> t = new TreeMap<>();
    for (QuarantineEntry e : entries) {
      t.computeIfAbsent(e.layer(), k -> new TreeMap<>()).merge(e.category(), 1L, Long::sum);
    }
    return t;
  }
}
