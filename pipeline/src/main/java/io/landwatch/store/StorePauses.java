package io.landwatch.store;

/**
 * A test hook: with -Dlandwatch.test.pauseBeforeCommitMillis=N a run sleeps inside its store
 * transaction just before committing, so a test can kill the process at that point and check
 * that the store is unchanged. Off unless the property is set.
 */
final class StorePauses {
  private StorePauses() {}

  static void beforeCommit() {
    long ms = Long.getLong("landwatch.test.pauseBeforeCommitMillis", 0L);
    if (ms > 0) {
      System.err.println("landwatch: pausing before the store commit (test hook)");
      try {
        Thread.sleep(ms);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
