package io.landwatch.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.landwatch.prepare.DateParser;
import java.time.LocalDate;
import org.junit.jupiter.api.Tag;

/**
 * Coverage-guided fuzzing (Jazzer) of the date parser of patch and approval tables. The promise
 * under test: any text is a date that reads back the same, or an {@link DateParser.InvalidDate}
 * naming the text (which becomes a quarantine reason), never another exception. Without JAZZER_FUZZ it runs once on its seeds (src/test/resources, same package); the
 * fuzz execution of the build (scripts/test) fuzzes it for a bounded time, one class per JVM.
 */
@Tag("slow")
class DateFuzzTest {
  @FuzzTest(maxDuration = "20s")
  void date(String text) {
    try {
      LocalDate d = DateParser.parse(text);
      if (d != null) {
        assertEquals(d, DateParser.parse(d.toString()), "an accepted date reads back the same");
      }
    } catch (DateParser.InvalidDate e) {
      assertEquals(text.trim(), e.value());
    }
  }

}
