package io.landwatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A machine without the GDAL natives gets one actionable line and exit code 5. */
class EnvironmentTest {
  @Test
  void missingNativesSayRunSetupGdal() throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process p = new ProcessBuilder(List.of(java, "-Djava.library.path=/nonexistent", "-cp",
        System.getProperty("java.class.path"), "io.landwatch.cli.Main", "inspect", "whatever.shp")).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(5, p.exitValue(), err);
    assertEquals("", out);
    assertEquals(1, err.strip().lines().count(), err);
    assertTrue(err.startsWith("landwatch: The GDAL Java native library (libgdalalljni.so) could not be loaded: run scripts/setup-gdal"), err);
    assertFalse(err.contains("\tat "), err);
  }
}
