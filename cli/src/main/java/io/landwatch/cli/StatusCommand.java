package io.landwatch.cli;

import io.landwatch.store.CaseStore;
import io.landwatch.store.StoreStatus;
import io.landwatch.store.TaskRow;
import java.time.LocalDate;
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

  @Override
  public Integer call() {
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
    if (!s.oldestOverdue().isEmpty()) {
      System.out.println("\noldest overdue tasks:");
      for (TaskRow t : s.oldestOverdue()) {
        System.out.printf("  %s due %s %s %s %s %s%n", t.taskId(), t.dueOn(), t.priority(),
            t.township(), t.village(), t.status().label());
      }
    }
    return 0;
  }
}
