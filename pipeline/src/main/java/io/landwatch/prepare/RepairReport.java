package io.landwatch.prepare;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** Counts geometry repairs by layer and category; thread-safe. Reported at the end of a run. */
public final class RepairReport {
  private final Map<String, Map<String, LongAdder>> counts = new ConcurrentHashMap<>();

  public void count(String layer, String category) {
    counts.computeIfAbsent(layer, k -> new ConcurrentHashMap<>())
        .computeIfAbsent(category, k -> new LongAdder()).increment();
  }

  public long get(String layer, String category) {
    Map<String, LongAdder> m = counts.get(layer);
    LongAdder a = m == null ? null : m.get(category);
    return a == null ? 0 : a.sum();
  }

  /** layer → category → count, sorted. */
  public Map<String, Map<String, Long>> table() {
    Map<String, Map<String, Long>> t = new TreeMap<>();
    counts.forEach((layer, m) -> m.forEach((cat, n) ->
        t.computeIfAbsent(layer, k -> new TreeMap<>()).put(cat, n.sum())));
    return t;
  }
}
