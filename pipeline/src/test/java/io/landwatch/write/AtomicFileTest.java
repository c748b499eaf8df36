package io.landwatch.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.landwatch.ExitCode;
import io.landwatch.LandwatchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFileTest {
  @TempDir Path dir;

  @Test
  void aFailedWriteLeavesTheOldFileAndNoDebris() throws Exception {
    Path target = dir.resolve("patches.csv");
    Files.writeString(target, "old complete content");
    LandwatchException e = assertThrows(LandwatchException.class, () -> AtomicFile.write(target, out -> {
      out.write("half of the new".getBytes(StandardCharsets.UTF_8));
      throw new IOException("disk full");
    }));
    assertEquals(ExitCode.OUTPUT, e.exitCode());
    assertEquals("old complete content", Files.readString(target));
    try (var files = Files.list(dir)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  @Test
  void aSuccessfulWriteReplacesTheFile() {
    Path target = dir.resolve("x.json");
    AtomicFile.write(target, out -> out.write("{}".getBytes(StandardCharsets.UTF_8)));
    AtomicFile.write(target, out -> out.write("{\"a\":1}".getBytes(StandardCharsets.UTF_8)));
    assertEquals("{\"a\":1}", assertDoesNotThrowRead(target));
  }

  private static String assertDoesNotThrowRead(Path p) {
    try {
      return Files.readString(p);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void numbersArePlainAndRoundedHalfUp() {
    assertEquals("12345678.9", Numbers.plain(12345678.9, 2));
    assertEquals("0.01", Numbers.plain(0.005, 2));
    assertEquals("0", Numbers.plain(0.004, 2));
    assertEquals("181", Numbers.plain(181.0, 2));
    assertEquals("113.1234568", Numbers.plain(113.12345675, 7));
    assertEquals("0.0000001", Numbers.plain(1e-7, 7));
  }
}
