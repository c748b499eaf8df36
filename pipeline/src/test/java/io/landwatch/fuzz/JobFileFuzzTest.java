package io.landwatch.fuzz;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.landwatch.LandwatchException;
import io.landwatch.config.JobConfigLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing (Jazzer) of the job file reader.
 * The promise under test: any input either works or fails with a {@link LandwatchException} (one
 * paragraph, an exit code), never with another exception that reaches the user as an internal
 * error. Without JAZZER_FUZZ it runs once on its seeds (src/test/resources, same package); the
 * fuzz execution of the build (scripts/test) fuzzes it for a bounded time, one class per JVM.
 */
@Tag("slow")
class JobFileFuzzTest {
  private static final Path DIR = Fuzzing.tempDir();

  @FuzzTest(maxDuration = "30s")
  void jobFile(byte[] yaml) throws Exception {
    Path job = DIR.resolve("job.yaml");
    Files.write(job, yaml);
    try {
      assertNotNull(JobConfigLoader.load(job).patches());
    } catch (LandwatchException e) {
      assertTrue(e.getMessage().startsWith("Job file "), e.getMessage());
    }
  }

}
