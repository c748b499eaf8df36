package io.landwatch.prepare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DateParserTest {
  @ParameterizedTest
  @ValueSource(strings = {"20230415", "2023-04-15", "2023/4/15", "2023/04/15", "2023.4.15",
      "2023年4月15日", " 2023-4-15 ", "2023/04/15 00:00:00", "2023-04-15T08:30:00"})
  void parsesTheFormatsTablesUse(String text) throws Exception {
    assertEquals(LocalDate.of(2023, 4, 15), DateParser.parse(text));
  }

  @ParameterizedTest
  @ValueSource(strings = {"20230631", "2023-02-29", "2023/13/1", "20231", "April 2023", "2023-04", "0"})
  void rejectsWhatIsNotADate(String text) {
    DateParser.InvalidDate e = assertThrows(DateParser.InvalidDate.class, () -> DateParser.parse(text));
    assertEquals(text.trim(), e.value());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "  "})
  void blankIsNoDate(String text) throws Exception {
    assertNull(DateParser.parse(text));
  }
}
