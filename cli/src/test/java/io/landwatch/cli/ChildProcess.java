package io.landwatch.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** landwatch in a JVM of its own, as cron starts it, so that it can really be killed. */
final class ChildProcess {
  record Result(int exit, String err) {}

  private ChildProcess() {}

  /** Runs {@code landwatch ARGS} with the given system properties and waits (at most 3 minutes). */
  static Result run(List<String> properties, String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.library.path=" + System.getProperty("java.library.path"), "-XX:TieredStopAtLevel=1"));
    cmd.addAll(properties);
    cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.landwatch.cli.Main"));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    byte[] err = p.getErrorStream().readAllBytes();
    if (!p.waitFor(180, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("landwatch did not finish: " + String.join(" ", args));
    }
    return new Result(p.exitValue(), new String(err, StandardCharsets.UTF_8));
  }
}
