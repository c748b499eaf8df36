package io.landwatch.config;

import java.util.Map;

/**
 * The legal deadlines, escalation and routing of cases (job keys under {@code rules:}), with the
 * defaults of the law a county follows: administrative review within 60 days of service
 * (行政复议法), litigation within 6 months (行政诉讼法), then 3 months to apply to the court for
 * enforcement (行政强制法), and a decision within 90 days of filing (行政处罚法).
 *
 * @param reviewDays rules.deadlines.review_days
 * @param litigationMonths rules.deadlines.litigation_months
 * @param enforcementMonths rules.deadlines.enforcement_months: after the litigation window
 * @param decisionDays rules.deadlines.decision_days: from filing to decision
 * @param townshipAfterDays rules.escalation_days.township: days overdue before a task goes to the township
 * @param countyAfterDays rules.escalation_days.county: days overdue before it goes to the county
 * @param routingField rules.routing.field: the patch field whose value is a case's kind, or null
 * @param routing rules.routing.table: kind → the department that receives such cases (§二)
 * @param routingDefault rules.routing.default: the department of any other kind, or null
 * @param majorBasicFarmlandMu rules.joint_meeting.basic_farmland_mu: a case occupying this much basic
 *     farmland is a major case for the joint meeting (§五)
 * @param majorReferral rules.joint_meeting.referral: referral candidates are major cases
 * @param majorExpanded rules.joint_meeting.expanded: cases that grew again after closing are major
 */
public record CaseRules(int reviewDays, int litigationMonths, int enforcementMonths, int decisionDays,
    int townshipAfterDays, int countyAfterDays, String routingField, Map<String, String> routing,
    String routingDefault, double majorBasicFarmlandMu, boolean majorReferral, boolean majorExpanded) implements java.io.Serializable {

  public static final CaseRules DEFAULTS = new CaseRules(60, 6, 3, 90, 7, 14, null, Map.of(), null, 5, true, true);

  /** The department a case of this kind goes to, or null when no routing is configured. */
  public String routeOf(String kind) {
    String d = kind == null ? null : routing.get(kind);
    return d != null ? d : routingDefault;
  }
}
