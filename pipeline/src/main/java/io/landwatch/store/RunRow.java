package io.landwatch.store;

/**
 * One run recorded in the store.
 *
 * @param runId "JOB@start instant"
 * @param job the job's name
 * @param runDate the run date (--as-of)
 * @param started start instant
 * @param finished end of the store update
 * @param patches patches judged
 * @param newCases cases opened
 * @param updatedCases cases changed
 * @param reopenedCases closed cases opened again
 * @param status "committed"
 */
public record RunRow(String runId, String job, String runDate, String started, String finished, int patches,
    int newCases, int updatedCases, int reopenedCases, String status) {

  static RunRow read(StoreFields f) {
    return new RunRow(f.text("run_id"), f.text("job"), f.text("run_date"), f.text("started"), f.text("finished"),
        f.integer("patches"), f.integer("new_cases"), f.integer("updated_cases"), f.integer("reopened_cases"),
        f.text("status"));
  }

  void write(StoreFields.Writer w) {
    w.set("run_id", runId);
    w.set("job", job);
    w.set("run_date", runDate);
    w.set("started", started);
    w.set("finished", finished);
    w.set("patches", patches);
    w.set("new_cases", newCases);
    w.set("updated_cases", updatedCases);
    w.set("reopened_cases", reopenedCases);
    w.set("status", status);
  }
}
