package io.landwatch.store;

import io.landwatch.model.Channel;
import io.landwatch.model.Priority;
import java.time.LocalDate;
import org.locationtech.jts.geom.Geometry;

/**
 * A case of the store: one suspected occupation followed until it is closed.
 *
 * @param fid the row id in the store (0 before it is inserted)
 * @param caseId stable id (the patch id that opened it)
 * @param patchId the latest patch judged into it
 * @param status where it stands
 * @param expanded reopened because its patch grew
 * @param areaM2 ellipsoidal area of the latest patch, 0.01 m²
 * @param unapprovedM2 its unapproved part
 * @param township township name, or null outside every village
 * @param village village name, or null
 * @param priority P1/P2/P3
 * @param referral a criminal-referral candidate
 * @param openedOn run date that opened it
 * @param openedRun run that opened it
 * @param updatedRun run that last changed it
 * @param geometry the latest patch, CGCS2000 lon/lat (null when only the attributes are read, and for
 *     a lead given as a point)
 * @param origin how the case became known
 * @param measuredM2 the area of the outline measured in the field, when there is one: the areas,
 *     priority and referral are then that outline's, and runs no longer overwrite them
 */
public record CaseRow(long fid, String caseId, String patchId, TaskStatus status, boolean expanded,
    double areaM2, double unapprovedM2, String township, String village, Priority priority, boolean referral,
    LocalDate openedOn, String openedRun, String updatedRun, Geometry geometry, Origin origin, Double measuredM2) {

  /**
   * How a case became known.
   *
   * @param channel one of the six channels
   * @param seenOn the day the occupation was seen (the patch's after date, a lead's reported date),
   *     or null for cases of the first releases: approvals are judged valid as of this day
   */
  public record Origin(Channel channel, LocalDate seenOn) {
    public static final Origin UNKNOWN = new Origin(Channel.SATELLITE, null);
  }

  /** A case as the first releases kept it: from a patch, no field measurement. */
  public CaseRow(long fid, String caseId, String patchId, TaskStatus status, boolean expanded,
      double areaM2, double unapprovedM2, String township, String village, Priority priority, boolean referral,
      LocalDate openedOn, String openedRun, String updatedRun, Geometry geometry) {
    this(fid, caseId, patchId, status, expanded, areaM2, unapprovedM2, township, village, priority, referral,
        openedOn, openedRun, updatedRun, geometry, Origin.UNKNOWN, null);
  }

  static CaseRow read(StoreFields f, Geometry geometry) {
    return new CaseRow(f.fid(), f.text("case_id"), f.text("patch_id"), TaskStatus.of(f.text("status")),
        f.integer("expanded") == 1, f.real("area_m2"), f.real("unapproved_m2"), f.text("township"),
        f.text("village"), Priority.of(f.text("priority")), f.integer("referral") == 1, f.date("opened_on"),
        f.text("opened_run"), f.text("updated_run"), geometry,
        new Origin(Channel.ofCode(f.text("channel")), f.date("seen_on")),
        f.text("measured_m2") == null ? null : f.real("measured_m2"));
  }

  void write(StoreFields.Writer w) {
    w.set("case_id", caseId);
    w.set("patch_id", patchId);
    w.set("status", status.label());
    w.set("expanded", expanded ? 1 : 0);
    w.set("area_m2", areaM2);
    w.set("unapproved_m2", unapprovedM2);
    w.set("township", township);
    w.set("village", village);
    w.set("priority", priority == null ? null : priority.name());
    w.set("referral", referral ? 1 : 0);
    w.date("opened_on", openedOn);
    w.set("opened_run", openedRun);
    w.set("updated_run", updatedRun);
    w.set("channel", origin.channel() == Channel.SATELLITE ? null : origin.channel().code());
    w.date("seen_on", origin.seenOn());
    w.set("measured_m2", measuredM2);
  }

  /** True when the two describe the same judged patch (what a run compares before writing). */
  boolean sameJudgment(CaseRow o) {
    return patchId.equals(o.patchId) && areaM2 == o.areaM2 && unapprovedM2 == o.unapprovedM2
        && java.util.Objects.equals(township, o.township) && java.util.Objects.equals(village, o.village)
        && java.util.Objects.equals(priority, o.priority) && referral == o.referral;
  }

  /** This case with its outline (CGCS2000 lon/lat), to be written with it. */
  CaseRow withGeometry(Geometry outline) {
    return new CaseRow(fid, caseId, patchId, status, expanded, areaM2, unapprovedM2, township, village, priority,
        referral, openedOn, openedRun, updatedRun, outline, origin, measuredM2);
  }

  /** This case with another status; its geometry is left as stored. */
  CaseRow withStatus(TaskStatus next) {
    return new CaseRow(fid, caseId, patchId, next, expanded, areaM2, unapprovedM2, township, village, priority,
        referral, openedOn, openedRun, updatedRun, null, origin, measuredM2);
  }

  /** This case with the origin it had (a run rewrites a case without knowing how it became known). */
  CaseRow withOrigin(Origin o, Double measured) {
    return new CaseRow(fid, caseId, patchId, status, expanded, areaM2, unapprovedM2, township, village, priority,
        referral, openedOn, openedRun, updatedRun, geometry, o, measured);
  }

  /**
   * This case judged on an outline measured in the field: its areas, village, priority and referral
   * are the outline's from now on; its geometry (the patch) is left as stored.
   */
  CaseRow measured(io.landwatch.judge.PatchResult r) {
    return new CaseRow(fid, caseId, patchId, status, expanded, io.landwatch.geo.Units.round2(r.areaM2()),
        io.landwatch.geo.Units.round2(r.unapprovedM2()), r.township() != null ? r.township() : township,
        r.village() != null ? r.village() : village, r.priority() != null ? r.priority() : priority, r.referral(), openedOn, openedRun, updatedRun, null,
        origin, io.landwatch.geo.Units.round2(r.areaM2()));
  }

  /** The day approvals are judged valid on for this case: when it was seen, else when it was opened. */
  public LocalDate judgedOn() {
    return origin.seenOn() != null ? origin.seenOn() : openedOn;
  }

  public boolean closed() {
    return status == TaskStatus.CLOSED;
  }
}
