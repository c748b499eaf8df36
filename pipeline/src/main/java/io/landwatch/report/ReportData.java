package io.landwatch.report;

import io.landwatch.config.Rules;
import io.landwatch.geo.Units;
import io.landwatch.model.Channel;
import io.landwatch.store.CaseStore;
import io.landwatch.store.StepRow;
import io.landwatch.store.TaskStatus;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What the period report says, computed from the case store (no I/O after {@link #of}): per
 * county, township and village the cases opened by channel, verified, confirmed illegal with
 * their area (亩; farmland, basic farmland), stopped, demolished, restored, referred and answered,
 * overdue; the §七 accountability ratio on confirmed illegal farmland; the trend over the last
 * periods; the referral list.
 */
public record ReportData(String county, Period period, LocalDate asOf, Counts total, Map<String, Counts> townships,
    Map<String, Map<String, Counts>> villages, List<TrendPoint> trend, List<ReferralLine> referrals,
    List<MapCase> cases, double ratioLine) {

  /**
   * The counts of one area (county, township or village) for the period.
   *
   * @param opened cases opened in the period
   * @param openedAreaM2 their area (the patch's, or the measured outline's), m²
   * @param byChannel of them, by channel
   * @param verified cases verified (illegal or not) in the period
   * @param confirmed cases confirmed illegal in the period
   * @param confirmedMu their unapproved area, 亩
   * @param farmlandMu farmland in it, 亩
   * @param basicFarmlandMu basic farmland in it, 亩
   * @param occupiedFarmlandMu farmland occupied by every change patch of the period's last run, 亩
   * @param confirmedFarmlandMu farmland of the cases opened in the period and confirmed illegal by its end, 亩
   * @param overdue open tasks due before the period's end (or the report day, if earlier)
   */
  public record Counts(int opened, double openedAreaM2, Map<Channel, Integer> byChannel, int verified, int confirmed, double confirmedMu,
      double farmlandMu, double basicFarmlandMu, int stopped, int demolished, int restored, int referred,
      int referralOutcomes, int closed, int overdue, double occupiedFarmlandMu, double confirmedFarmlandMu) {

    /** Confirmed illegal farmland ÷ farmland occupied by the period's patches, or null without patches on farmland. */
    public Double ratio() {
      return occupiedFarmlandMu <= 0 ? null : confirmedFarmlandMu / occupiedFarmlandMu;
    }
  }

  /** One period of the trend. */
  public record TrendPoint(String label, int opened, int confirmed, double confirmedMu, int closed) {}

  /**
   * A referral candidate (5 亩 of basic farmland, 10 亩 of other farmland) or a referred case.
   *
   * @param referrals "police 2023-09-25 accepted: 已立案侦查", one per body
   */
  public record ReferralLine(String caseId, String township, String village, double farmlandMu,
      double basicFarmlandMu, boolean candidate, String stage, List<String> referrals) {}

  /** A case on the overview map: where (CGCS2000), priority, status, stage. */
  public record MapCase(String caseId, double lon, double lat, String priority, boolean closed, String stage) {}

  /** The report of a period, as of a day (overdue tasks counted on the earlier of it and the period's end). */
  public static ReportData of(CaseStore store, Rules rules, String county, Period period, LocalDate asOf) {
    List<CaseFacts> facts = CaseFacts.of(store);
    LocalDate end = asOf.isBefore(period.to()) ? asOf : period.to();
    Map<String, Double> occupied = occupiedFarmland(store, period);
    Map<String, List<CaseFacts>> byTownship = new TreeMap<>();
    Map<String, Map<String, List<CaseFacts>>> byVillage = new TreeMap<>();
    for (CaseFacts f : facts) {
      byTownship.computeIfAbsent(f.township(), k -> new ArrayList<>()).add(f);
      byVillage.computeIfAbsent(f.township(), k -> new TreeMap<>()).computeIfAbsent(f.village(), k -> new ArrayList<>())
          .add(f);
    }
    occupied.keySet().forEach(t -> byTownship.computeIfAbsent(t, k -> new ArrayList<>()));
    Map<String, Counts> townships = new TreeMap<>();
    byTownship.forEach((t, list) -> townships.put(t, counts(list, period, end, occupied.getOrDefault(t, 0.0))));
    Map<String, Map<String, Counts>> villages = new TreeMap<>();
    byVillage.forEach((t, m) -> m.forEach((v, list) -> villages.computeIfAbsent(t, k -> new TreeMap<>())
        .put(v, counts(list, period, end, 0))));
    Counts total = counts(facts, period, end, occupied.values().stream().mapToDouble(Double::doubleValue).sum());
    List<TrendPoint> trend = new ArrayList<>();
    for (Period p : period.trend(4)) {
      Counts c = counts(facts, p, p.to(), 0);
      trend.add(new TrendPoint(p.label(), c.opened(), c.confirmed(), c.confirmedMu(), c.closed()));
    }
    return new ReportData(county, period, asOf, total, townships, villages, trend, referrals(facts, period),
        mapCases(facts, period), rules.accountabilityRatio());
  }

  private static Counts counts(List<CaseFacts> list, Period p, LocalDate overdueOn, double occupiedMu) {
    Map<Channel, Integer> byChannel = new EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      byChannel.put(c, 0);
    }
    int opened = 0;
    double openedArea = 0;
    int verified = 0;
    int confirmed = 0;
    double confirmedMu = 0;
    double farm = 0;
    double basic = 0;
    int stopped = 0;
    int demolished = 0;
    int restored = 0;
    int referred = 0;
    int outcomes = 0;
    int closed = 0;
    int overdue = 0;
    double confirmedFarm = 0;
    for (CaseFacts f : list) {
      if (p.contains(f.kase().openedOn())) {
        opened++;
        openedArea += f.kase().areaM2();
        byChannel.merge(f.kase().origin().channel(), 1, Integer::sum);
        if (f.confirmedBy(p.to())) {
          confirmedFarm += f.farmlandMu();
        }
      }
      if (!f.in(p, "verified_illegal").isEmpty() || !f.in(p, "verified_legal").isEmpty()) {
        verified++;
      }
      if (!f.in(p, "verified_illegal").isEmpty()) {
        confirmed++;
        confirmedMu += Units.mu(f.kase().unapprovedM2());
        farm += f.farmlandMu();
        basic += f.basicFarmlandMu();
      }
      stopped += f.in(p, "stopped").isEmpty() ? 0 : 1;
      if (!f.in(p, "executed").isEmpty()) {
        StepRow d = f.last("decided");
        String orders = d == null || d.orders() == null ? "" : d.orders();
        demolished += orders.contains("demolish") ? 1 : 0;
        restored += orders.contains("restore") ? 1 : 0;
      }
      referred += f.in(p, "referred").size();
      outcomes += f.in(p, "referral_outcome").size();
      closed += f.closedOn().stream().anyMatch(p::contains) ? 1 : 0;
      if (f.task() != null && f.task().status() != TaskStatus.CLOSED && f.task().dueOn() != null
          && f.task().dueOn().isBefore(overdueOn) && !f.kase().openedOn().isAfter(overdueOn)) {
        overdue++;
      }
    }
    return new Counts(opened, Units.round2(openedArea), byChannel, verified, confirmed, Units.round4(confirmedMu), Units.round4(farm),
        Units.round4(basic), stopped, demolished, restored, referred, outcomes, closed, overdue,
        Units.round4(occupiedMu), Units.round4(confirmedFarm));
  }

  /** Township → farmland (亩) occupied by every patch of the last run dated in the period. */
  private static Map<String, Double> occupiedFarmland(CaseStore store, Period p) {
    String last = null;
    for (CaseStore.RunTotal t : store.runTotals()) {
      if (p.contains(t.runDate())) {
        last = t.runId();
      }
    }
    Map<String, Double> out = new TreeMap<>();
    for (CaseStore.RunTotal t : store.runTotals()) {
      if (t.runId().equals(last)) {
        out.merge(t.township(), Units.mu(t.patchFarmlandM2()), Double::sum);
      }
    }
    return out;
  }

  private static List<ReferralLine> referrals(List<CaseFacts> facts, Period p) {
    List<ReferralLine> out = new ArrayList<>();
    for (CaseFacts f : facts) {
      boolean referredAny = f.steps().stream().anyMatch(s -> s.step().equals("referred") && !s.on().isAfter(p.to()));
      boolean legal = f.life() != null && f.life().stage() == io.landwatch.store.Stage.VERIFIED_LEGAL;
      if (f.kase().openedOn().isAfter(p.to()) || legal || !f.kase().referral() && !referredAny) {
        continue;
      }
      Map<String, String> bodies = new TreeMap<>();
      for (StepRow s : f.steps()) {
        if (s.referredTo() == null || s.on().isAfter(p.to())) {
          continue;
        }
        String was = bodies.getOrDefault(s.referredTo(), s.referredTo());
        bodies.put(s.referredTo(), switch (s.step()) {
          case "referred" -> s.referredTo() + " " + s.on();
          case "referral_answer" -> was + ", " + ("yes".equals(s.accepted()) ? "accepted" : "not accepted") + " " + s.on();
          default -> was + ", outcome " + s.on() + ": " + s.outcome();
        });
      }
      out.add(new ReferralLine(f.kase().caseId(), f.township(), f.village(), f.farmlandMu(), f.basicFarmlandMu(),
          f.kase().referral(), f.life() == null ? "reported" : f.life().stage().label(), List.copyOf(bodies.values())));
    }
    return out;
  }

  private static List<MapCase> mapCases(List<CaseFacts> facts, Period p) {
    List<MapCase> out = new ArrayList<>();
    for (CaseFacts f : facts) {
      if (f.kase().openedOn().isAfter(p.to()) || f.task() == null) {
        continue;
      }
      boolean closedBefore = f.kase().closed() && f.closedOn().stream().allMatch(d -> d.isBefore(p.from()));
      if (closedBefore && !f.closedOn().isEmpty()) {
        continue;
      }
      out.add(new MapCase(f.kase().caseId(), f.task().lon(), f.task().lat(),
          f.kase().priority() == null ? "P3" : f.kase().priority().name(), f.kase().closed(),
          f.life() == null ? "待核查" : f.life().stage().label()));
    }
    return out;
  }
}
