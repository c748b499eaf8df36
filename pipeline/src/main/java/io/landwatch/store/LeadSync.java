package io.landwatch.store;

import io.landwatch.config.Rules;
import io.landwatch.geo.Gcj02;
import io.landwatch.geo.Reprojector;
import io.landwatch.geo.Units;
import io.landwatch.judge.PatchResult;
import io.landwatch.judge.PointJudge;
import io.landwatch.util.TestHooks;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Point;

/**
 * Brings judged leads into the case store, in one transaction. A lead that falls on an open case
 * (a point inside its outline or near its point, a polygon overlapping it by at least half of the
 * smaller of the two) is attached to that case; a polygon judged suspected opens a case and its
 * patrol task as a patch does; a point opens a verification case and task for the village that
 * contains it; a polygon fully covered by valid approvals is recorded as approved. A lead already
 * in the store (same id and content) changes nothing, so importing a file twice changes nothing.
 */
public final class LeadSync {
  /** How near (m) a point lead must be to another point lead's spot to be the same site: GPS accuracy. */
  static final double SAME_SPOT_M = 10;

  /** A lead and its judgment: {@code area} for a polygon, {@code point} for a point, or a problem. */
  public record Judged(Lead lead, PatchResult area, PointJudge.Facts point, String problem) {}

  /** Every row's outcome, and the counts. */
  public record Report(List<RowOutcome> rows, int opened, int attached, int approved, int already, int rejected) {
    public int applied() {
      return opened + attached + approved;
    }
  }

  private final CaseStore store;
  private final Reprojector toLonLat;
  private final Reprojector toWorking;
  private final Rules rules;

  /**
   * @param toLonLat working CRS → CGCS2000 lon/lat
   * @param toWorking CGCS2000 lon/lat → working CRS, to compare leads with cases in metres
   */
  public LeadSync(CaseStore store, Reprojector toLonLat, Reprojector toWorking, Rules rules) {
    this.store = store;
    this.toLonLat = toLonLat;
    this.toWorking = toWorking;
    this.rules = rules;
  }

  /**
   * @param unreadable rows the file reader already rejected
   * @param partial apply the accepted leads even when others are rejected
   */
  public Report apply(Path file, List<Judged> leads, List<RowOutcome> unreadable, boolean partial, LocalDate today) {
    Map<String, LeadRow> stored = new HashMap<>();
    store.leads().forEach(l -> stored.putIfAbsent(l.leadId(), l));
    Map<String, CaseRow> casesById = new HashMap<>();
    store.cases().forEach(c -> casesById.put(c.caseId(), c));
    List<RowOutcome> outcomes = new ArrayList<>(unreadable);
    Map<String, Lead> inFile = new HashMap<>();
    List<Judged> accepted = new ArrayList<>();
    int already = 0;
    for (Judged j : leads) {
      Lead l = j.lead();
      LeadRow before = stored.get(l.id());
      Lead earlier = inFile.get(l.id());
      String reason = j.problem();
      if (reason == null && (before != null || earlier != null)) {
        String fp = before != null ? before.fingerprint() : earlier.fingerprint();
        if (fp.equals(l.fingerprint())) {
          outcomes.add(new RowOutcome(l.row(), l.id(), "already applied", before != null
              ? "this lead is already in the case store (imported from " + before.sourceFile() + ")"
              : "repeats row " + earlier.row()));
          already++;
          continue;
        }
        reason = "lead id " + l.id() + " was already " + (before != null ? "imported from " + before.sourceFile()
            + " row " + before.sourceRow() : "used by row " + earlier.row()) + " for another lead (other place,"
            + " date, channel or description); give this lead its own id";
      }
      if (reason == null && before == null && casesById.containsKey(l.id())) {
        reason = "lead id " + l.id() + " is already the id of a case of the store; give the lead another id";
      }
      if (reason != null) {
        outcomes.add(new RowOutcome(l.row(), l.id(), "rejected", reason));
        continue;
      }
      inFile.put(l.id(), l);
      accepted.add(j);
    }
    int rejected = (int) outcomes.stream().filter(RowOutcome::rejected).count();
    int[] counts = new int[3];
    if (rejected == 0 || partial) {
      outcomes.addAll(write(file, accepted, casesById, today, counts));
    } else {
      accepted.forEach(j -> outcomes.add(new RowOutcome(j.lead().row(), j.lead().id(), "not applied",
          "the file has rejected rows; fix them or import with --partial")));
    }
    outcomes.sort(java.util.Comparator.comparingInt(RowOutcome::row));
    return new Report(List.copyOf(outcomes), counts[0], counts[1], counts[2], already, rejected);
  }

  /** A case the leads may fall on: its shape in the working CRS (a small disc for a point case). */
  private record Target(String caseId, Geometry shape) {}

  private List<RowOutcome> write(Path file, List<Judged> leads, Map<String, CaseRow> cases, LocalDate today,
      int[] counts) {
    String runId = "leads " + file.getFileName() + "@" + Instant.now();
    List<Target> open = new ArrayList<>();
    Map<String, TaskRow> taskOf = new HashMap<>();
    store.tasks().forEach(t -> taskOf.put(t.caseId(), t));
    for (CaseRow c : cases.values()) {
      if (!c.closed()) {
        TaskRow t = taskOf.get(c.caseId());
        Geometry shape = c.geometry() != null ? toWorking.apply(c.geometry())
            : t == null ? null : spot(t.lon(), t.lat());
        if (shape != null) {
          open.add(new Target(c.caseId(), shape));
        }
      }
    }
    open.sort(java.util.Comparator.comparing(Target::caseId));
    List<RowOutcome> out = new ArrayList<>();
    CaseSync opener = new CaseSync(store, toLonLat, toWorking, rules);
    store.begin();
    try {
      for (Judged j : leads) {
        Lead l = j.lead();
        String actor = "leads " + file.getFileName() + " row " + l.row();
        Geometry here = toWorking.apply(l.lonLat());
        Target onto = target(here, open);
        String facts = j.point() != null ? j.point().describe() : facts(j.area());
        String outcome;
        String caseId = null;
        String reason;
        if (onto != null) {
          caseId = onto.caseId();
          outcome = "attached";
          reason = "falls on open case " + caseId;
          TaskStatus status = cases.containsKey(caseId) ? cases.get(caseId).status() : TaskStatus.OPEN;
          store.insert(HistoryRow.now(l.reportedOn(), actor, caseId, "T" + caseId, status, status,
              "lead " + l.id() + " (" + l.channel().label() + ", reported " + l.reportedOn() + ") attached"
                  + describe(l), null));
          counts[1]++;
        } else if (j.area() != null && !j.area().suspected()) {
          outcome = "approved";
          reason = "covered by valid approvals " + String.join(", ", j.area().approvals()) + "; no case opened";
          counts[2]++;
        } else {
          caseId = l.id();
          outcome = "opened";
          CaseRow.Origin origin = new CaseRow.Origin(l.channel(), l.reportedOn());
          String note = "opened by lead " + l.id() + " (" + l.channel().label() + ", reported " + l.reportedOn() + ")"
              + describe(l);
          if (j.area() != null) {
            opener.openCase(j.area(), caseId, origin, actor, runId, note, today);
            open.add(new Target(caseId, j.area().patch().geometry()));
          } else {
            openPoint(l, j.point(), origin, actor, runId, note, today);
            open.add(new Target(caseId, spot(l.lonLat().getCoordinate().x, l.lonLat().getCoordinate().y)));
          }
          reason = (j.area() != null ? "case and patrol task opened (" : "verification task opened (")
              + (j.area() != null ? j.area().priority() : j.point().priority()) + "): " + facts;
          counts[0]++;
        }
        store.insert(new LeadRow(l.id(), l.channel(), l.reportedOn(), l.description(), l.contact(), l.location(),
            caseId, outcome, facts, l.fingerprint(), file.getFileName().toString(), l.row(), Instant.now().toString(),
            l.lonLat()));
        out.add(new RowOutcome(l.row(), l.id(), outcome, reason));
        TestHooks.point("leads.row");
      }
      store.commit();
    } catch (RuntimeException e) {
      store.rollback();
      throw e;
    }
    return out;
  }

  /** The open case a lead falls on, or null: the first in case id order with the largest share. */
  private static Target target(Geometry lead, List<Target> open) {
    Target best = null;
    double bestShare = 0;
    for (Target t : open) {
      if (!t.shape().getEnvelopeInternal().intersects(lead.getEnvelopeInternal())) {
        continue;
      }
      double share;
      if (lead instanceof Point) {
        share = t.shape().covers(lead) ? 1 : 0;
      } else {
        double overlap = t.shape().intersection(lead).getArea();
        share = overlap / Math.min(t.shape().getArea(), lead.getArea());
      }
      if (share >= CaseMatcher.MIN_SHARE && share > bestShare) {
        best = t;
        bestShare = share;
      }
    }
    return best;
  }

  /** A point case's spot: a disc of GPS accuracy around it, in the working CRS. */
  private Geometry spot(double lon, double lat) {
    return toWorking.apply(new org.locationtech.jts.geom.GeometryFactory().createPoint(
        new org.locationtech.jts.geom.Coordinate(lon, lat))).buffer(SAME_SPOT_M, 8);
  }

  private void openPoint(Lead l, PointJudge.Facts f, CaseRow.Origin origin, String actor, String runId, String note,
      LocalDate today) {
    String caseId = l.id();
    store.insert(new CaseRow(0, caseId, l.id(), TaskStatus.OPEN, false, 0, 0, f.township(), f.village(),
        f.priority(), false, today, runId, runId, null, origin, null));
    double lon = l.lonLat().getCoordinate().x;
    double lat = l.lonLat().getCoordinate().y;
    double[] gcj = Gcj02.fromWgs84(lon, lat);
    store.insert(new TaskRow(0, "T" + caseId, caseId, l.id(), f.township(), f.village(), f.inspector(), f.phone(),
        f.priority(), today.plusDays(rules.dueDaysFor(f.priority().name())), TaskStatus.OPEN, today,
        Units.round7(lon), Units.round7(lat), Units.round7(gcj[0]), Units.round7(gcj[1]), 0, 0, 0, 0, null, null, null));
    store.insert(HistoryRow.now(today, actor, caseId, "T" + caseId, null, TaskStatus.OPEN,
        note + "; at the point: " + f.describe(), null));
  }

  private static String facts(PatchResult r) {
    return String.format(Locale.ROOT, "%.2f m² (%.4f mu), unapproved %.2f m², farmland %.2f m², basic farmland"
        + " %.2f m², ecological red line %.2f m²%s", r.areaM2(), Units.mu(r.areaM2()), r.unapprovedM2(),
        r.farmlandM2(), r.basicFarmlandM2(), r.ecologicalM2(), r.referral() ? "; referral candidate" : "");
  }

  /** The description for the history; the reporter's contact never goes there. */
  private static String describe(Lead l) {
    if (l.description() == null) {
      return "";
    }
    String d = l.description().replaceAll("\\s+", " ");
    return ": " + (d.length() > 200 ? d.substring(0, 200) + "…" : d);
  }
}
