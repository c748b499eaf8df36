package io.landwatch.job;

import io.landwatch.Version;
import io.landwatch.config.JobConfig;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The start of a run's log: every effective configuration value, and the layers it goes without. */
final class RunLog {
  private RunLog() {}

  static void configuration(JobConfig job) {
    RunState.LOG.info("landwatch " + Version.current() + " on Java " + Runtime.version() + ", job " + job.name());
    flatten("", job.describe()).forEach((k, v) -> RunState.LOG.info("  " + k + " = " + v));
    for (String role : List.of("approvals", "farmland", "basic_farmland", "ecological_redline", "villages")) {
      boolean missing = role.equals("approvals") ? job.approvals().isEmpty()
          : job.layers().stream().noneMatch(s -> s.role().key().equals(role));
      if (missing) {
        RunState.LOG.warning("inputs." + role + " is not configured: no such constraint is applied");
      }
    }
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> flatten(String prefix, Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    m.forEach((k, v) -> {
      String key = prefix.isEmpty() ? k : prefix + "." + k;
      if (v instanceof Map<?, ?> sub && !k.equals("fields")) {
        out.putAll(flatten(key, (Map<String, Object>) sub));
      } else if (v instanceof List<?> list && !list.isEmpty() && list.get(0) instanceof Map) {
        for (int i = 0; i < list.size(); i++) {
          out.putAll(flatten(key + "[" + i + "]", (Map<String, Object>) list.get(i)));
        }
      } else {
        out.put(key, v);
      }
    });
    return out;
  }
}
