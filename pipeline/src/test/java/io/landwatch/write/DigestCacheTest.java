package io.landwatch.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's digests from the run cache: reused only for a file unchanged since it was hashed. */
class DigestCacheTest {
  @TempDir Path dir;

  private Path input(String name, long seed, Instant modified) throws Exception {
    byte[] b = new byte[100_000];
    new Random(seed).nextBytes(b);
    Path f = dir.resolve(name);
    Files.write(f, b);
    Files.setLastModifiedTime(f, FileTime.from(modified));
    return f;
  }

  /** The cache's recorded digest for {@code f} replaced by a marker: what a lookup returns shows whether it was trusted. */
  private void plantMarker(Path cache, Path f, String marker) throws Exception {
    Path tsv = cache.resolve(DigestCache.FILE);
    List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8).stream()
        .map(l -> l.endsWith("\t" + f.toAbsolutePath().normalize()) ? marker + l.substring(64) : l).toList();
    Files.write(tsv, lines, StandardCharsets.UTF_8);
  }

  @Test
  void anUnchangedFileIsNotReadAgainAnEditedOneIs() throws Exception {
    Path cache = dir.resolve("cache");
    Instant old = Instant.parse("2023-06-30T08:00:00.123456789Z");
    Path gd = input("gd.dbf", 1, old);
    Path jbnt = input("jbnt.dbf", 2, old);
    DigestCache first = DigestCache.in(cache);
    assertEquals(Sha256.java(gd), first.sha256(gd));
    assertEquals(Sha256.java(jbnt), first.sha256(jbnt));
    first.save();
    String marker = "f".repeat(64);
    plantMarker(cache, gd, marker);
    assertEquals(marker, DigestCache.in(cache).sha256(gd), "same size, time and inode: the recorded digest");

    // the same size, new content, the time moved by one nanosecond: hashed again
    byte[] b = Files.readAllBytes(gd);
    b[500] ^= 1;
    Files.write(gd, b);
    Files.setLastModifiedTime(gd, FileTime.from(old.plusNanos(1)));
    DigestCache second = DigestCache.in(cache);
    assertEquals(Sha256.java(gd), second.sha256(gd));
    assertNotEquals(marker, second.sha256(gd));
    // a copy put in its place keeps size and time but not the inode: hashed again
    Path copy = dir.resolve("copy");
    Files.copy(jbnt, copy, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
    plantMarker(cache, jbnt, marker);
    Files.move(copy, jbnt, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertEquals(Sha256.java(jbnt), DigestCache.in(cache).sha256(jbnt));
  }

  @Test
  void aFileModifiedJustNowIsNotRecorded() throws Exception {
    Path cache = dir.resolve("cache");
    Path fresh = input("fresh.shp", 3, Instant.now());
    DigestCache c = DigestCache.in(cache);
    assertEquals(Sha256.java(fresh), c.sha256(fresh));
    c.save();
    assertFalse(Files.exists(cache.resolve(DigestCache.FILE)) && Files.readString(cache.resolve(DigestCache.FILE))
        .contains(fresh.getFileName().toString()), "an edit within the clock's resolution could keep size and time");
  }

  @Test
  void aDamagedCacheOrNoCacheMeansHashing() throws Exception {
    Path cache = dir.resolve("cache");
    Path f = input("cun.dbf", 4, Instant.parse("2023-01-01T00:00:00Z"));
    Files.createDirectories(cache);
    Files.writeString(cache.resolve(DigestCache.FILE), "garbage\tline\n" + "x".repeat(64) + "\t1\t2\t3\t" + f + "\n");
    DigestCache c = DigestCache.in(cache);
    assertEquals(Sha256.java(f), c.sha256(f));
    c.save();
    assertTrue(Files.readString(cache.resolve(DigestCache.FILE)).startsWith(Sha256.java(f) + "\t100000\t"),
        "rewritten with the file's digest, size, time, identity and path");
    DigestCache none = DigestCache.in(null);
    assertEquals(Sha256.java(f), none.sha256(f));
    none.save();
  }
}
