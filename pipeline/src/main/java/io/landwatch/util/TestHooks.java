package io.landwatch.util;

import java.io.IOException;

/**
 * Crash points for the reliability tests. A run started with {@code -Dlandwatch.test.killAt=NAME}
 * sends itself SIGKILL when it reaches the point NAME, the way a power cut or the OOM killer
 * would stop it; {@code -Dlandwatch.test.pauseAt=NAME} (with {@code pauseMillis}) sleeps there so a
 * test can kill it from outside; {@code -Dlandwatch.test.failAt=NAME} throws there what a bug would
 * (an unchecked exception of no kind landwatch expects). All are off unless the property is set: a
 * normal run pays a few property lookups per point.
 */
public final class TestHooks {
  private TestHooks() {}

  /**
   * For machines where a test cannot mount a small file system: with
   * {@code -Dlandwatch.test.diskFull=AREA} ("outputs" or "store") writes there fail as a full disk
   * makes them fail.
   */
  public static void diskFull(String area, java.nio.file.Path file) throws java.nio.file.FileSystemException {
    if (area.equals(System.getProperty("landwatch.test.diskFull"))) {
      throw new java.nio.file.FileSystemException(file.toString(), null, "No space left on device");
    }
  }

  /** Marks the point {@code name} of a run or an import. */
  public static void point(String name) {
    if (name.equals(System.getProperty("landwatch.test.killAt"))) {
      System.err.println("landwatch: test hook: SIGKILL at " + name);
      System.err.flush();
      try {
        new ProcessBuilder("kill", "-KILL", Long.toString(ProcessHandle.current().pid()))
            .inheritIO().start().waitFor();
        Thread.sleep(60_000);
      } catch (IOException | InterruptedException e) {
        Runtime.getRuntime().halt(137);
      }
      Runtime.getRuntime().halt(137);
    }
    if (name.equals(System.getProperty("landwatch.test.failAt"))) {
      throw new IllegalStateException("test hook: failure at " + name);
    }
    if (name.equals(System.getProperty("landwatch.test.pauseAt"))) {
      System.err.println("landwatch: test hook: pausing at " + name);
      System.err.flush();
      try {
        Thread.sleep(Long.getLong("landwatch.test.pauseMillis", 60_000L));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
