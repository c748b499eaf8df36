package io.landwatch.store;

import io.landwatch.model.Channel;
import io.landwatch.plan.TaskPlanner;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The morning check of a nightly run: open, overdue and closed tasks by township and priority. */
public final class StoreStatus {
  /** Counts of one township and priority. */
  public record Counts(int open, int overdue, int closed) {}

  /** Leads imported from a channel, and the cases of that channel (open, closed). */
  public record ChannelCounts(int leads, int attached, int openCases, int closedCases) {}

  /**
   * The table (township → priority → counts), the oldest overdue tasks, the last run (or null),
   * and the counts of every channel (all six, in the notice's order).
   */
  public record Summary(Map<String, Map<String, Counts>> byTownship, List<TaskRow> oldestOverdue, RunRow lastRun,
      Map<Channel, ChannelCounts> byChannel, List<Attention> attention) {}

  /** An open case someone must look at: escalated (township, county) or covered by a later approval. */
  public record Attention(String caseId, String township, String village, String what) {}

  private StoreStatus() {}

  public static Summary of(CaseStore store, LocalDate today, int oldest) {
    Map<String, Map<String, int[]>> t = new TreeMap<>();
    List<TaskRow> overdue = new ArrayList<>();
    for (TaskRow task : store.tasks()) {
      String town = task.township() == null ? TaskPlanner.OUTSIDE : task.township();
      String pr = task.priority() == null ? "-" : task.priority().name();
      int[] c = t.computeIfAbsent(town, k -> new TreeMap<>()).computeIfAbsent(pr, k -> new int[3]);
      if (task.status() == TaskStatus.CLOSED) {
        c[2]++;
      } else {
        c[0]++;
        if (task.dueOn().isBefore(today)) {
          c[1]++;
          overdue.add(task);
        }
      }
    }
    Map<String, Map<String, Counts>> out = new TreeMap<>();
    t.forEach((town, m) -> m.forEach((p, c) -> out.computeIfAbsent(town, k -> new TreeMap<>())
        .put(p, new Counts(c[0], c[1], c[2]))));
    overdue.sort(Comparator.comparing(TaskRow::dueOn).thenComparing(TaskRow::taskId));
    List<RunRow> runs = store.runs();
    return new Summary(out, overdue.subList(0, Math.min(oldest, overdue.size())),
        runs.isEmpty() ? null : runs.get(runs.size() - 1), byChannel(store), attention(store));
  }

  static List<Attention> attention(CaseStore store) {
    Map<String, CaseLife> life = store.caseLife();
    List<Attention> out = new ArrayList<>();
    for (CaseRow c : store.cases()) {
      CaseLife l = life.get(c.caseId());
      if (c.closed() || l == null) {
        continue;
      }
      if (l.escalation() != null) {
        out.add(new Attention(c.caseId(), c.township(), c.village(), "escalated to the " + l.escalation()
            + (l.routedTo() == null ? "" : "; routed to " + l.routedTo())));
      }
      if (l.laterApproval() != null) {
        out.add(new Attention(c.caseId(), c.township(), c.village(), l.laterApproval()));
      }
    }
    out.sort(Comparator.comparing(Attention::caseId).thenComparing(Attention::what));
    return out;
  }

  static Map<Channel, ChannelCounts> byChannel(CaseStore store) {
    Map<Channel, int[]> n = new java.util.EnumMap<>(Channel.class);
    for (Channel c : Channel.values()) {
      n.put(c, new int[4]);
    }
    for (LeadRow l : store.leads()) {
      n.get(l.channel())[0]++;
      if ("attached".equals(l.outcome())) {
        n.get(l.channel())[1]++;
      }
    }
    for (CaseRow c : store.cases()) {
      n.get(c.origin().channel())[c.closed() ? 3 : 2]++;
    }
    Map<Channel, ChannelCounts> out = new java.util.EnumMap<>(Channel.class);
    n.forEach((c, v) -> out.put(c, new ChannelCounts(v[0], v[1], v[2], v[3])));
    return out;
  }
}
