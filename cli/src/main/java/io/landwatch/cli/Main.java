package io.landwatch.cli;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.Version;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The {@code landwatch} command: a thin layer over the pipeline library.
 *
 * <p>The root and {@code run} (what cron starts every night) are built with picocli's programmatic
 * API; the other subcommands are annotated classes. Reading annotations makes the JDK generate a
 * proxy class per annotation type and picocli walk every field and method reflectively: ~35 ms of
 * a small county's 0.55 s run (docs/BENCHMARKS.md).
 */
public final class Main {
  static final String DESCRIPTION = "Judges satellite change patches (卫片图斑) against approvals and red lines,"
      + " measures what was occupied, and writes GIS-ready results.";
  static final String[] EXIT_CODES = {"  0  success",
      "  1  unexpected internal error (a bug: please report it with the log)",
      "  2  command-line usage error", "  3  the job file is invalid",
      "  4  an input cannot be used (missing file, unknown field, no or wrong CRS)",
      "  5  the GDAL native library is missing: run scripts/setup-gdal",
      "  6  an output could not be written",
      "  7  another run is using the case store (try again when it has finished)",
      "  8  a feedback file had rejected rows (nothing applied without --partial)"};

  /**
   * The subcommands in the order help lists them (each name is its class's {@code @Command} name:
   * {@code MainTest} checks). Only the one a command line names is built (picocli reads every
   * option of a command it is given); help, a mistyped name or no name at all get them all.
   */
  private static final Map<String, Supplier<Object>> COMMANDS = new LinkedHashMap<>();

  static {
    COMMANDS.put("inspect", () -> InspectCommand.class);
    COMMANDS.put("validate", () -> ValidateCommand.class);
    COMMANDS.put("samples", () -> SamplesCommand.class);
    COMMANDS.put("run", RunCommand::spec);
    COMMANDS.put("feedback", () -> FeedbackCommand.class);
    COMMANDS.put("leads", () -> LeadsCommand.class);
    COMMANDS.put("patrol", () -> PatrolCommand.class);
    COMMANDS.put("case", () -> CaseCommand.class);
    COMMANDS.put("report", () -> ReportCommand.class);
    COMMANDS.put("export", () -> ExportCommand.class);
    COMMANDS.put("ledger", () -> LedgerCommand.class);
    COMMANDS.put("status", () -> StatusCommand.class);
    COMMANDS.put("detect", () -> DetectCommand.class);
  }

  private Main() {}

  /** The subcommands by name, each an annotated class or a built {@code CommandSpec}. */
  static Map<String, Object> commands() {
    Map<String, Object> m = new LinkedHashMap<>();
    COMMANDS.forEach((name, command) -> m.put(name, command.get()));
    return m;
  }

  public static void main(String[] args) {
    System.exit(execute(args));
  }

  /** Runs the command line and returns the exit code (tests call this). */
  public static int execute(String... args) {
    CommandSpec root = CommandSpec.create().name("landwatch").versionProvider(new VersionInfo());
    root.usageMessage().description(DESCRIPTION).footerHeading("%nExit codes:%n").footer(EXIT_CODES);
    standardHelpOptions(root);
    OptionSpec quiet = flag("Log warnings and errors only.", "-q", "--quiet");
    OptionSpec debug = flag("Show stack traces of unexpected errors.", "--debug");
    root.addOption(quiet).addOption(debug);
    CommandLine cl = new CommandLine(root);
    String named = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
    COMMANDS.forEach((name, command) -> {
      if (!COMMANDS.containsKey(named) || name.equals(named)) {
        cl.addSubcommand(name, command.get());
      }
    });
    // every subcommand answers --version
    cl.getSubcommands().values().forEach(sub -> sub.getCommandSpec().versionProvider(root.versionProvider()));
    cl.setExecutionStrategy(parsed -> {
      Logs.configure(isSet(quiet));
      if (parsed.subcommand() == null && !parsed.isUsageHelpRequested() && !parsed.isVersionHelpRequested()) {
        throw new CommandLine.ParameterException(cl, "Missing command: choose one of"
            + " inspect, validate, samples, detect, run, feedback, ledger, status");
      }
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
      boolean withTrace = isSet(debug);
      System.err.println("landwatch: unexpected error: " + e + ". This is a bug; please report it"
          + " with the command and the log." + (withTrace ? "" : " Run with --debug for details."));
      if (withTrace) {
        e.printStackTrace();
      }
      return ExitCode.INTERNAL.code();
    });
    return cl.execute(args);
  }

  /** -h/--help and -V/--version, worded as picocli's {@code mixinStandardHelpOptions}. */
  static void standardHelpOptions(CommandSpec spec) {
    spec.addOption(OptionSpec.builder("-h", "--help").usageHelp(true)
        .description("Show this help message and exit.").build());
    spec.addOption(OptionSpec.builder("-V", "--version").versionHelp(true)
        .description("Print version information and exit.").build());
  }

  /** A flag every subcommand also takes (-q before or after the subcommand name). */
  private static OptionSpec flag(String description, String... names) {
    return OptionSpec.builder(names).type(boolean.class).initialValue(false).description(description)
        .scopeType(CommandLine.ScopeType.INHERIT).build();
  }

  private static boolean isSet(OptionSpec flag) {
    return Boolean.TRUE.equals(flag.getValue());
  }

  /** The version line. */
  static final class VersionInfo implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"landwatch " + Version.current()};
    }
  }
}
