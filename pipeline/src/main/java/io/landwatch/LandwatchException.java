package io.landwatch;

/**
 * An error a user can act on. The message is one paragraph that names the file, the record or
 * key, and what to do; the CLI prints it without a stack trace and exits with {@link #exitCode()}.
 */
public class LandwatchException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final ExitCode exitCode;

  public LandwatchException(ExitCode exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  public LandwatchException(ExitCode exitCode, String message, Throwable cause) {
    super(message, cause);
    this.exitCode = exitCode;
  }

  public ExitCode exitCode() {
    return exitCode;
  }

  public static LandwatchException invalidJob(String message) {
    return new LandwatchException(ExitCode.INVALID_JOB, message);
  }

  public static LandwatchException invalidInput(String message) {
    return new LandwatchException(ExitCode.INVALID_INPUT, message);
  }
}
