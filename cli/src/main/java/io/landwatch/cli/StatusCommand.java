package io.landwatch.cli;

import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfigLoader;
import io.landwatch.job.VillageGrid;
import io.landwatch.store.CaseStore;
import io.landwatch.store.Deadlines;
import io.landwatch.store.PatrolCoverage;
import io.landwatch.store.StoreStatus;
import io.landwatch.store.TaskRow;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code landwatch status}: the morning check of a nightly run. */
@Command(name = "status", mixinStandardHelpOptions = true,
    description = "Open, overdue and closed patrol tasks by township and priority, and the oldest overdue tasks.")
final class StatusCommand implements Callable<Integer> {
  @Mixin
  StoreOption where;

  @Option(names = "--as-of", description = "The day to count overdue tasks on (default: today).")
  LocalDate asOf;

  @Option(names = "--oldest", defaultValue = "10", description = "How many overdue tasks to list (default ${DEFAULT-VALUE}).")
  int oldest;

  @Option(names = "--coverage", description = "List the villages of the job's grid with no patrol in the last"
      + " --days days (needs --job).")
  boolean coverage;

  @Option(names = "--days", defaultValue = "30", description = "The coverage window in days, ending with --as-of"
      + " (default ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--deadlines", description = "List the legal windows of cases that close within --within days,"
      + " or closed without the next step.")
  boolean deadlines;

  @Option(names = "--within", defaultValue = "7", description = "How many days ahead --deadlines looks (default"
      + " ${DEFAULT-VALUE}).")
  int within;

  @Override
  public Integer call() {
    if (coverage) {
      return coverage();
    }
    if (deadlines) {
      return deadlines();
    }
    StoreStatus.Summary s;
    try (CaseStore store = CaseStore.open(where.existing())) {
      s = StoreStatus.of(store, asOf == null ? LocalDate.now() : asOf, oldest);
    }
    if (s.lastRun() != null) {
      System.out.println("last run: " + s.lastRun().runId() + " (" + s.lastRun().newCases()
          + " new cases, " + s.lastRun().reopenedCases() + " reopened)");
    }
    System.out.printf("%-20s %-8s %6s %8s %7s%n", "township", "priority", "open", "overdue", "closed");
    for (Map.Entry<String, Map<String, StoreStatus.Counts>> t : s.byTownship().entrySet()) {
      for (var p : t.getValue().entrySet()) {
        System.out.printf("%-20s %-8s %6d %8d %7d%n", t.getKey(), p.getKey(), p.getValue().open(),
            p.getValue().overdue(), p.getValue().closed());
      }
    }
    System.out.printf("%nby channel (来源)              leads  attached  open cases  closed cases%n");
    s.byChannel().forEach((c, n) -> System.out.printf("%-6s %-20s %6d %9d %11d %13d%n", c.label(), c.code(), n.leads(),
        n.attached(), n.openCases(), n.closedCases()));
    if (!s.attention().isEmpty()) {
      System.out.println("\ncases to look at:");
      for (StoreStatus.Attention a : s.attention()) {
        System.out.printf("  %s %s/%s: %s%n", a.caseId(), a.township(), a.village(), a.what());
      }
    }
    if (!s.oldestOverdue().isEmpty()) {
      System.out.println("\noldest overdue tasks:");
      for (TaskRow t : s.oldestOverdue()) {
        System.out.printf("  %s due %s %s %s %s %s%n", t.taskId(), t.dueOn(), t.priority(),
            t.township(), t.village(), t.status().label());
      }
    }
    return 0;
  }

  private int coverage() {
    if (where.job == null) {
      throw LandwatchException.invalidInput("status --coverage needs --job JOB.yaml: the villages come from the"
          + " job's village layer.");
    }
    if (days < 1) {
      throw LandwatchException.invalidInput("--days must be at least 1, got " + days + ".");
    }
    LocalDate day = asOf == null ? LocalDate.now() : asOf;
    var grid = VillageGrid.names(JobConfigLoader.load(where.job));
    List<PatrolCoverage.Gap> gaps;
    try (CaseStore store = CaseStore.open(where.existing())) {
      gaps = PatrolCoverage.gaps(grid, store.patrols(), day, days);
    }
    System.out.printf("%d of %d villages had no patrol in the %d days to %s%n", gaps.size(), grid.size(), days, day);
    for (PatrolCoverage.Gap g : gaps) {
      System.out.printf("  %s %s (%s): %s%n", g.township(), g.village(), g.inspector() == null ? "-" : g.inspector(),
          g.lastPatrol() == null ? "never patrolled" : "last patrolled " + g.lastPatrol());
    }
    return 0;
  }

  private int deadlines() {
    if (within < 0) {
      throw LandwatchException.invalidInput("--within must not be negative, got " + within + ".");
    }
    LocalDate day = asOf == null ? LocalDate.now() : asOf;
    List<Deadlines.Deadline> list;
    try (CaseStore store = CaseStore.open(where.existing())) {
      list = Deadlines.of(store, where.rules().cases(), day, within);
    }
    long passed = list.stream().filter(d -> d.state().equals("passed")).count();
    System.out.printf("%d windows close within %d days of %s, %d closed without the next step%n",
        list.size() - passed, within, day, passed);
    for (Deadlines.Deadline d : list) {
      System.out.printf("  %s %-8s %-24s %s %-8s %s%s%n", d.due(), d.caseId(), d.window(),
          d.township() == null ? "-" : d.township() + "/" + d.village(), d.state(),
          d.state().equals("passed") ? "closed " + -d.daysLeft(day) + " days ago" : d.daysLeft(day) + " days left",
          d.nextStep() == null ? "" : "; next step: " + d.nextStep());
    }
    return 0;
  }
}
