package io.landwatch;

/** Process exit codes, documented in docs/USER_GUIDE.md; schedulers rely on them. */
public enum ExitCode {
  OK(0, "success"),
  INTERNAL(1, "unexpected internal error (a bug: please report it with the log)"),
  USAGE(2, "command-line usage error"),
  INVALID_JOB(3, "the job file is invalid (unknown key, wrong type, missing required key)"),
  INVALID_INPUT(4, "an input cannot be used (missing file, unknown field, no or wrong CRS)"),
  ENVIRONMENT(5, "the GDAL native library is missing: run scripts/setup-gdal"),
  OUTPUT(6, "an output could not be written"),
  STORE_BUSY(7, "another run is using the case store"),
  REJECTED(8, "a feedback file had rows that were rejected (nothing applied without --partial)");

  private final int code;
  private final String meaning;

  ExitCode(int code, String meaning) {
    this.code = code;
    this.meaning = meaning;
  }

  public int code() {
    return code;
  }

  public String meaning() {
    return meaning;
  }
}
