package io.landwatch.store;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a patrol log into the case store, in one transaction: every patrol is kept, including
 * those that found nothing (they are the proof that a village was patrolled). A patrol already in
 * the store (same id and content) changes nothing; a file with a rejected row applies nothing
 * unless {@code partial}.
 */
public final class PatrolSync {
  /**
   * A row with its villages resolved against the job's village layer.
   *
   * @param villages "township/village" of every village patrolled (named, or crossed by the track), sorted
   * @param problem why the row cannot be used, or null
   */
  public record Resolved(PatrolFile.Row row, List<String> villages, String problem) {}

  /** Every row's outcome, and the counts. */
  public record Report(List<RowOutcome> rows, int applied, int already, int rejected) {}

  private PatrolSync() {}

  public static Report apply(CaseStore store, Path file, List<Resolved> patrols, boolean partial) {
    Map<String, PatrolRow> stored = new HashMap<>();
    store.patrols().forEach(p -> stored.putIfAbsent(p.patrolId(), p));
    Set<String> leads = new HashSet<>();
    store.leads().forEach(l -> leads.add(l.leadId()));
    List<RowOutcome> outcomes = new ArrayList<>();
    List<PatrolRow> accepted = new ArrayList<>();
    Map<String, Integer> inFile = new HashMap<>();
    int already = 0;
    String now = Instant.now().toString();
    for (Resolved r : patrols) {
      PatrolFile.Row row = r.row();
      String reason = r.problem() != null ? r.problem() : row.problem();
      if (reason == null) {
        List<String> unknown = row.leadIds().stream().filter(id -> !leads.contains(id)).toList();
        if (!unknown.isEmpty()) {
          reason = "unknown lead " + String.join(", ", unknown) + ": import the leads first (landwatch leads import)";
        }
      }
      if (reason != null) {
        outcomes.add(new RowOutcome(row.row(), row.patrolId(), "rejected", reason));
        continue;
      }
      String fp = fingerprint(r);
      String id = row.patrolId() != null ? row.patrolId()
          : "P" + row.patrolledOn().toString().replace("-", "") + "-" + fp.substring(0, 8);
      PatrolRow before = stored.get(id);
      if (before != null || inFile.containsKey(id)) {
        if (before != null ? before.fingerprint().equals(fp) : accepted.stream().anyMatch(p -> p.patrolId().equals(id)
            && p.fingerprint().equals(fp))) {
          outcomes.add(new RowOutcome(row.row(), id, "already applied", before != null
              ? "this patrol is already in the case store (imported from " + before.sourceFile() + ")"
              : "repeats row " + inFile.get(id)));
          already++;
        } else {
          outcomes.add(new RowOutcome(row.row(), id, "rejected", "patrol id " + id + " was already used for another"
              + " patrol (other day, inspector, villages, findings or track); give this one its own id"));
        }
        continue;
      }
      inFile.put(id, row.row());
      accepted.add(new PatrolRow(id, row.patrolledOn(), row.inspector(), r.villages(), row.findings(), row.leadIds(),
          row.track() == null ? 0 : Math.round(FieldTrack.km(row.track()) * 1000) / 1000.0, fp,
          file.getFileName().toString(), row.row(), now, row.track()));
      outcomes.add(new RowOutcome(row.row(), id, "ok", String.join(", ", r.villages())
          + (row.findings() == null ? "; nothing found" : "")));
    }
    int rejected = (int) outcomes.stream().filter(RowOutcome::rejected).count();
    boolean apply = rejected == 0 || partial;
    if (apply && !accepted.isEmpty()) {
      store.begin();
      try {
        accepted.forEach(store::insert);
        store.commit();
      } catch (RuntimeException e) {
        store.rollback();
        throw e;
      }
    }
    List<RowOutcome> out = outcomes.stream().map(o -> !o.outcome().equals("ok") ? o
        : new RowOutcome(o.row(), o.id(), apply ? "applied" : "not applied",
            apply ? o.reason() : "the file has rejected rows; fix them or import with --partial"))
        .sorted(java.util.Comparator.comparingInt(RowOutcome::row)).toList();
    return new Report(out, apply ? accepted.size() : 0, already, rejected);
  }

  /** What makes two rows the same patrol: day, inspector, villages, findings, leads, track. */
  private static String fingerprint(Resolved r) {
    PatrolFile.Row row = r.row();
    String text = row.patrolledOn() + "|" + row.inspector() + "|" + String.join(";", r.villages()) + "|"
        + row.findings() + "|" + String.join(";", row.leadIds()) + "|" + (row.track() == null ? "" : row.track().toText());
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
