package io.landwatch.write;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import io.landwatch.util.IoErrors;
import io.landwatch.util.TestHooks;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The output folder as one unit: a run writes every file into a folder of its own and, when all
 * are written, switches the output path (a symbolic link) to it with one atomic rename. A reader
 * of {@code out/} therefore sees the previous run's complete set or this run's, never a mix, and
 * a run killed half-way leaves the previous set untouched; its folder is removed by the next run.
 *
 * <pre>
 *   out                      → .out.runs/run-20230703T010000Z-4711   (symbolic link)
 *   .out.runs/run-…-4711/    patches.geojson, …, manifest.json
 * </pre>
 */
public final class OutputSet {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss.SSS'Z'").withZone(ZoneOffset.UTC);

  /** What a folder from a release that wrote into out/ directly may hold. */
  private static final Pattern KNOWN_OUTPUT = Pattern.compile(
      "(patches|suspected|tasks)\\.[a-z]+|quarantine\\.csv|summary\\.json|manifest\\.json|tasks|\\..*\\.part");

  private final Path out;
  private final Path runs;
  private final Path staging;

  private OutputSet(Path out, Path runs, Path staging) {
    this.out = out;
    this.runs = runs;
    this.staging = staging;
  }

  /** Starts a set for the output path {@code out}; leftovers of killed runs are removed first. */
  public static OutputSet begin(Path out) {
    Path abs = out.toAbsolutePath().normalize();
    Path runs = abs.resolveSibling("." + abs.getFileName() + ".runs");
    try {
      Files.createDirectories(runs);
      Path current = current(abs);
      try (DirectoryStream<Path> ds = Files.newDirectoryStream(runs)) {
        for (Path p : ds) {
          if (current == null || !p.getFileName().equals(current.getFileName())) {
            deleteTree(p);
          }
        }
      }
      String name = "run-" + STAMP.format(Instant.now()) + "-" + ProcessHandle.current().pid();
      Path staging = Files.createDirectory(runs.resolve(name));
      return new OutputSet(abs, runs, staging);
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot prepare the output folder " + abs + " ("
          + IoErrors.describe(e) + "). Check that its parent folder is writable and the disk is not full.", e);
    }
  }

  /** The folder this run writes into. */
  public Path staging() {
    return staging;
  }

  /** The path readers use. */
  public Path out() {
    return out;
  }

  /** Where {@code file} of this run will be seen once published. */
  public Path published(Path file) {
    return out.resolve(staging.relativize(file));
  }

  /** Switches {@code out} to this run's folder in one rename. */
  public void publish() {
    try {
      TestHooks.point("output.before-publish");
      if (Files.isDirectory(out, LinkOption.NOFOLLOW_LINKS)) {
        adoptLegacyFolder();
      }
      Path link = out.resolveSibling("." + out.getFileName() + ".link-" + ProcessHandle.current().pid());
      Files.deleteIfExists(link);
      Files.createSymbolicLink(link, out.getParent().relativize(staging));
      Files.move(link, out, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      TestHooks.point("output.after-publish");
    } catch (IOException e) {
      throw new LandwatchException(ExitCode.OUTPUT, "Cannot switch " + out + " to the new outputs in "
          + staging + " (" + IoErrors.describe(e) + "). The previous outputs are unchanged; check that the folder is"
          + " writable.", e);
    }
  }

  /** Removes this run's folder after a failure: the previous set stays published. */
  public void abandon() {
    try {
      deleteTree(staging);
    } catch (IOException ignored) {
      // the next run removes it
    }
  }

  /**
   * A real folder at {@code out} (written by a release before output sets) becomes the previous
   * set. A folder holding anything else is not ours to move.
   */
  private void adoptLegacyFolder() throws IOException {
    try (Stream<Path> s = Files.list(out)) {
      Set<String> foreign = new java.util.TreeSet<>();
      s.map(p -> p.getFileName().toString()).filter(n -> !KNOWN_OUTPUT.matcher(n).matches()).forEach(foreign::add);
      if (!foreign.isEmpty()) {
        throw new LandwatchException(ExitCode.OUTPUT, "The output folder " + out + " holds files landwatch"
            + " did not write (" + String.join(", ", foreign) + "). Each run is published as a whole"
            + " set, which needs a folder of its own: set output.dir (or --out) to a new folder.");
      }
    }
    Files.move(out, runs.resolve("previous-" + STAMP.format(Instant.now())), StandardCopyOption.ATOMIC_MOVE);
  }

  private static Path current(Path out) throws IOException {
    if (!Files.isSymbolicLink(out)) {
      return null;
    }
    return out.resolveSibling(Files.readSymbolicLink(out)).normalize();
  }

  private static void deleteTree(Path p) throws IOException {
    try (Stream<Path> all = Files.walk(p)) {
      for (Path x : all.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(x);
      }
    }
  }
}
