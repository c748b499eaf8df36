package io.landwatch.write;

import io.landwatch.read.DataSourceFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * The SHA-256 of input files the manifest lists, kept in the run cache (run.cache, beside the
 * envelope caches) as {@code sha256.tsv}: a file whose size, modification time (to the
 * nanosecond the file system keeps) and file identity (device and inode) are those recorded is
 * not read again, the way git and make tell an unchanged file. Hashing a county's farmland layer
 * on every nightly run cost about a third of the run's CPU. A file modified less than
 * {@link #SETTLED_SECONDS} before it was hashed is not recorded (an edit within the file system's
 * time resolution could keep both size and time); {@code run.cache: none} hashes every file.
 */
public final class DigestCache {
  private static final Logger LOG = Logger.getLogger("landwatch");
  static final String FILE = "sha256.tsv";
  static final long SETTLED_SECONDS = 2;

  private final Path file;
  private final Map<String, String[]> entries = new TreeMap<>();
  private boolean changed;

  private DigestCache(Path file) {
    this.file = file;
  }

  /** The cache in {@code dir} (read now; an unreadable or damaged one counts as empty), or a pass-through for null. */
  public static DigestCache in(Path dir) {
    DigestCache c = new DigestCache(dir == null ? null : dir.resolve(FILE));
    if (c.file != null && Files.isRegularFile(c.file)) {
      try {
        for (String line : Files.readAllLines(c.file, StandardCharsets.UTF_8)) {
          String[] f = line.split("\t", -1);
          if (f.length == 5 && f[0].matches("[0-9a-f]{64}")) {
            c.entries.put(f[4], f);
          }
        }
      } catch (IOException | RuntimeException e) {
        LOG.info("file digest cache " + c.file + " unreadable (" + e.getMessage() + "): every input is hashed");
        c.entries.clear();
      }
    }
    return c;
  }

  /** The file's SHA-256, from the cache when the file is unchanged since it was recorded. */
  public String sha256(Path f) throws IOException {
    DataSourceFiles.Stamp stamp = DataSourceFiles.Stamp.of(f);
    String path = f.toAbsolutePath().normalize().toString();
    String size = Long.toString(stamp.size());
    String time = Long.toString(stamp.modifiedNanos());
    String key = stamp.fileKey();
    String[] e = entries.get(path);
    if (file != null && e != null && e[1].equals(size) && e[2].equals(time) && e[3].equals(key)) {
      return e[0];
    }
    long hashedAt = System.currentTimeMillis();
    String digest = Sha256.of(f);
    long modifiedMillis = Math.floorDiv(stamp.modifiedNanos(), 1_000_000L);
    boolean settled = modifiedMillis <= hashedAt - TimeUnit.SECONDS.toMillis(SETTLED_SECONDS);
    if (file != null && settled && !path.contains("\t") && !path.contains("\n")) {
      entries.put(path, new String[] {digest, size, time, key, path});
      changed = true;
    } else if (e != null) {
      entries.remove(path);
      changed = true;
    }
    return digest;
  }

  /** Writes the cache back if it changed (atomically); a folder that cannot be written costs only a log line. */
  public void save() {
    if (file == null || !changed) {
      return;
    }
    StringBuilder b = new StringBuilder();
    for (String[] e : entries.values()) {
      b.append(String.join("\t", e)).append('\n');
    }
    try {
      AtomicFile.write(file, out -> out.write(b.toString().getBytes(StandardCharsets.UTF_8)));
      changed = false;
    } catch (RuntimeException e) {
      LOG.warning("could not write the file digest cache " + file + " (" + e.getMessage()
          + "): the inputs are hashed in full on every run; set run.cache to a writable folder or none");
    }
  }
}
