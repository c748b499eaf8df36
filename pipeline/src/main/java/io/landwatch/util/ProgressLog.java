package io.landwatch.util;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Logger;

/**
 * Logs progress of a long loop at a steady interval: count, percent of the expected total,
 * rate, and an extra note. Call {@link #step()} per record; it is cheap when no line is due.
 */
public final class ProgressLog {
  private static final Logger LOG = Logger.getLogger("landwatch");
  private final String what;
  private final long total;
  private final long intervalNanos;
  private final long start = System.nanoTime();
  private final AtomicLong count = new AtomicLong();
  private volatile long nextDue;
  private volatile java.util.function.Supplier<String> note = () -> "";

  private final String unit;

  public ProgressLog(String what, long total, int intervalSeconds) {
    this(what, total, intervalSeconds, "records");
  }

  /** Progress counted in {@code unit} (records, pixels, ...). */
  public ProgressLog(String what, long total, int intervalSeconds, String unit) {
    this.unit = unit;
    this.what = what;
    this.total = total;
    this.intervalNanos = intervalSeconds * 1_000_000_000L;
    this.nextDue = start + intervalNanos;
  }

  /** Extra text appended to each line, e.g. candidate counts. */
  public ProgressLog note(java.util.function.Supplier<String> n) {
    this.note = n;
    return this;
  }

  public void step() {
    long n = count.incrementAndGet();
    if ((n & 1023) == 0) {
      long now = System.nanoTime();
      if (now >= nextDue) {
        nextDue = now + intervalNanos;
        LOG.info(line(n, now));
      }
    }
  }

  /** Counts {@code n} units at once (a block of pixels); logs when a line is due. */
  public void advance(long n) {
    long c = count.addAndGet(n);
    long now = System.nanoTime();
    if (now >= nextDue) {
      nextDue = now + intervalNanos;
      LOG.info(line(c, now));
    }
  }

  public long count() {
    return count.get();
  }

  /** Logs the final line. */
  public void done() {
    LOG.info(line(count.get(), System.nanoTime()) + " done");
  }

  private String line(long n, long now) {
    double secs = Math.max(1e-9, (now - start) / 1e9);
    String pct = total > 0 ? String.format(Locale.ROOT, " (%.1f%%)", 100.0 * n / total) : "";
    String extra = note.get();
    return String.format(Locale.ROOT, "%s: %,d%s %s%s, %,.0f %s/s, %.1f s%s", what, n,
        total > 0 ? String.format(Locale.ROOT, " of %,d", total) : "", unit, pct, n / secs, unit, secs,
        extra.isEmpty() ? "" : ", " + extra);
  }
}
