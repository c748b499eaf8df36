package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.landwatch.samples.SampleCounty;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The root command and {@code run}, built without annotations: the names, the flags every
 * subcommand takes before or after its name, the one-line report of an unexpected error and the
 * stack trace with {@code --debug}.
 */
class MainTest {
  @TempDir static Path county;

  @BeforeAll
  static void samples() {
    SampleCounty.write(county, 5, 1);
  }

  @Test
  void everySubcommandIsListedUnderItsOwnName() {
    var commands = Main.commands();
    assertEquals(13, commands.size());
    commands.forEach((name, command) -> assertEquals(name, command instanceof CommandSpec spec ? spec.name()
        : ((Class<?>) command).getAnnotation(Command.class).name()));
  }

  @Test
  void quietWorksBeforeAndAfterTheSubcommand() {
    String job = county.resolve("job.yaml").toString();
    String out = county.resolve("out-quiet").toString();
    CliRunner.Outcome loud = CliRunner.run("run", job, "--out", out, "--no-store");
    assertEquals(0, loud.exit(), loud.err());
    assertTrue(loud.err().contains("working CRS for the overlay"), loud.err());
    for (List<String> args : List.of(List.of("-q", "run", job), List.of("run", "-q", job), List.of("run", job, "--quiet"))) {
      CliRunner.Outcome quiet = CliRunner.run(concat(args, "--out", out, "--no-store"));
      assertEquals(0, quiet.exit(), quiet.err());
      assertFalse(quiet.err().contains("working CRS"), args + ": " + quiet.err());
      assertTrue(quiet.out().contains("Judged "), quiet.out());
    }
  }

  @Test
  void anUnexpectedErrorIsOneLineAndItsStackTraceComesWithDebug() {
    String job = county.resolve("job.yaml").toString();
    String out = county.resolve("out-fail").toString();
    System.setProperty("landwatch.test.failAt", "run.start");
    try {
      CliRunner.Outcome plain = CliRunner.run("-q", "run", job, "--out", out, "--no-store");
      assertEquals(1, plain.exit());
      assertEquals("landwatch: unexpected error: java.lang.IllegalStateException: test hook: failure at run.start."
          + " This is a bug; please report it with the command and the log. Run with --debug for details.",
          plain.err().strip());
      for (List<String> args : List.of(List.of("--debug", "run", job), List.of("run", job, "--debug"))) {
        CliRunner.Outcome debug = CliRunner.run(concat(args, "-q", "--out", out, "--no-store"));
        assertEquals(1, debug.exit());
        assertTrue(debug.err().contains("\tat io.landwatch.util.TestHooks.point"), args + ": " + debug.err());
        assertFalse(debug.err().contains("Run with --debug"), debug.err());
      }
    } finally {
      System.clearProperty("landwatch.test.failAt");
    }
  }

  @Test
  void everySubcommandAnswersVersion() {
    for (String command : List.of("run", "status", "inspect")) {
      CliRunner.Outcome v = CliRunner.run(command, "--version");
      assertEquals(0, v.exit(), v.err());
      assertTrue(v.out().startsWith("landwatch "), command + ": " + v.out());
    }
  }

  private static String[] concat(List<String> head, String... tail) {
    List<String> all = new java.util.ArrayList<>(head);
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }
}
