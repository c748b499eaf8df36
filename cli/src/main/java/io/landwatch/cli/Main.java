package io.landwatch.cli;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** The {@code landwatch} command: a thin layer over the pipeline library. */
@Command(name = "landwatch", mixinStandardHelpOptions = true, versionProvider = Main.VersionInfo.class,
    description = "Judges satellite change patches (卫片图斑) against approvals and red lines,"
        + " measures what was occupied, and writes GIS-ready results.",
    footerHeading = "%nExit codes:%n",
    footer = {"  0  success", "  1  unexpected internal error (a bug: please report it with the log)",
        "  2  command-line usage error", "  3  the job file is invalid",
        "  4  an input cannot be used (missing file, unknown field, no or wrong CRS)",
        "  5  the GDAL native library is missing: run scripts/setup-gdal",
        "  6  an output could not be written",
        "  7  another run is using the case store (try again when it has finished)",
        "  8  a feedback file had rejected rows (nothing applied without --partial)"})
public final class Main implements Runnable {
  /**
   * The subcommands in the order help lists them. Only the one a command line names is built
   * (picocli reads every option annotation of a command it is given: all thirteen cost a nightly
   * run ~0.1 s); help, a mistyped name or no name at all get them all.
   */
  private static final Map<String, Class<?>> COMMANDS = commands(InspectCommand.class, ValidateCommand.class,
      SamplesCommand.class, RunCommand.class, FeedbackCommand.class, LeadsCommand.class, PatrolCommand.class,
      CaseCommand.class, ReportCommand.class, ExportCommand.class, LedgerCommand.class, StatusCommand.class,
      DetectCommand.class);

  @Option(names = {"-q", "--quiet"}, description = "Log warnings and errors only.", scope = CommandLine.ScopeType.INHERIT)
  boolean quiet;

  @Option(names = "--debug", description = "Show stack traces of unexpected errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(new CommandLine(this), "Missing command: choose one of"
        + " inspect, validate, samples, detect, run, feedback, ledger, status");
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int execute(String... args) {
    Main main = new Main();
    CommandLine cl = new CommandLine(main);
    String named = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    COMMANDS.forEach((name, type) -> {
      if (!COMMANDS.containsKey(named) || name.equals(named)) {
        cl.addSubcommand(name, type);
      }
    });
    cl.setExecutionStrategy(parsed -> {
      Logs.configure(main.quiet);
      return new CommandLine.RunLast().execute(parsed);
    });
    // A wrong option value is one line that says which option and what to write, not the whole usage.
    cl.setParameterExceptionHandler((e, args2) -> {
      String msg = e.getMessage();
      msg = msg.replaceAll("cannot convert '(.*?)' to class java\\.time\\.LocalDate.*$",
          "'$1' is not a date; write it as 2023-07-01");
      CommandLine sub = e.getCommandLine();
      System.err.println("landwatch: " + msg + ". See: landwatch " + sub.getCommandSpec().qualifiedName(" ")
          .replaceFirst("^landwatch ?", "") + (sub == e.getCommandLine().getCommandSpec().root().commandLine() ? "" : " ")
          + "--help");
      return ExitCode.USAGE.code();
    });
    cl.setExecutionExceptionHandler((e, commandLine, parsed) -> {
      if (e instanceof LandwatchException le) {
        System.err.println("landwatch: " + le.getMessage());
        return le.exitCode().code();
      }
      System.err.println("landwatch: unexpected error: " + e + ". This is a bug; please report it"
          + " with the command and the log." + (main.debug ? "" : " Run with --debug for details."));
      if (main.debug) {
        e.printStackTrace();
      }
      return ExitCode.INTERNAL.code();
    });
    return cl.execute(args);
  }

  private static Map<String, Class<?>> commands(Class<?>... types) {
    Map<String, Class<?>> m = new LinkedHashMap<>();
    for (Class<?> t : types) {
      m.put(t.getAnnotation(Command.class).name(), t);
    }
    return m;
  }

  /** The version line. */
  static final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"landwatch " + Version.current()};
    }
  }
}
