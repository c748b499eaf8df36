package io.landwatch.report;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Prints an HTML page to an A4 PDF with a headless Chromium (Debian's {@code chromium}): the
 * browser lays out the CJK text, the SVG and the page breaks exactly as on screen. The PDF is
 * written beside the HTML through a temporary file, so a failed print leaves no half PDF.
 */
public final class PdfPrinter {
  private static final List<String> NAMES = List.of("chromium", "chromium-browser", "google-chrome",
      "google-chrome-stable");

  private PdfPrinter() {}

  /** The browser to print with: {@code LANDWATCH_BROWSER}, else the first of chromium, chromium-browser, google-chrome on the PATH; or null. */
  public static Path browser() {
    String env = System.getenv("LANDWATCH_BROWSER");
    if (env != null && !env.isBlank()) {
      return Path.of(env);
    }
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(java.io.File.pathSeparator)) {
      for (String n : NAMES) {
        Path p = Path.of(dir, n);
        if (Files.isExecutable(p)) {
          return p;
        }
      }
    }
    return null;
  }

  /** Prints {@code html} to {@code pdf}; a missing browser or a failed print is exit 6 saying what to do. */
  public static void print(Path html, Path pdf) {
    Path browser = browser();
    if (browser == null) {
      throw new LandwatchException(ExitCode.OUTPUT, "No browser to print " + pdf.getFileName() + " with: install"
          + " Debian's chromium (apt-get install chromium fonts-noto-cjk) or set LANDWATCH_BROWSER to a Chromium or"
          + " Chrome; the HTML " + html + " is written and can be printed from any browser.");
    }
    Path tmp = null;
    Path profile = null;
    try {
      tmp = Files.createTempFile(pdf.toAbsolutePath().getParent(), "." + pdf.getFileName(), ".tmp");
      profile = Files.createTempDirectory("landwatch-chromium-");
      List<String> cmd = new ArrayList<>(List.of(browser.toString(), "--headless", "--no-sandbox", "--disable-gpu",
          "--disable-dev-shm-usage", "--no-pdf-header-footer", "--user-data-dir=" + profile,
          "--print-to-pdf=" + tmp, html.toAbsolutePath().toUri().toString()));
      Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
          .start();
      if (!p.waitFor(180, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IOException("the browser did not finish within 180 s");
      }
      if (p.exitValue() != 0 || Files.size(tmp) < 100) {
        throw new IOException(browser + " exited with " + p.exitValue() + " and printed " + Files.size(tmp) + " bytes");
      }
      try {
        // a temporary file is private to its owner; a report is for the office to share
        Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: its defaults apply
      }
      Files.move(tmp, pdf, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot print " + pdf + ": " + e.getMessage() + ". The HTML "
          + html + " is written and can be printed from any browser.");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LandwatchException(ExitCode.OUTPUT, "Interrupted while printing " + pdf);
    } finally {
      deleteQuietly(tmp);
      io.landwatch.util.Folders.deleteQuietly(profile);
    }
  }

  private static void deleteQuietly(Path p) {
    try {
      if (p != null) {
        Files.deleteIfExists(p);
      }
    } catch (IOException e) {
      // a temporary file the next print replaces
    }
  }
}
