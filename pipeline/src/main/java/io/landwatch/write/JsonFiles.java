package io.landwatch.write;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.Map;

/**
 * summary.json and manifest.json: maps, lists, text, numbers and booleans written by Jackson's
 * streaming generator, indented as Jackson's default pretty printer does. No ObjectMapper: its
 * set-up (type factory, serializer caches) cost every run ~0.1 s of class loading for two small
 * files.
 */
final class JsonFiles {
  private static final JsonFactory FACTORY = new JsonFactory();

  private JsonFiles() {}

  static void write(Path target, Map<String, ?> content) {
    AtomicFile.write(target, out -> {
      try (JsonGenerator g = FACTORY.createGenerator(out, JsonEncoding.UTF8)) {
        g.useDefaultPrettyPrinter();
        value(g, content);
      }
    });
  }

  /**
   * A value of the kinds these files hold: null, map (keys as text), collection or array, text,
   * boolean, number, enum (its name); anything else is a bug in the caller.
   */
  static void value(JsonGenerator g, Object v) throws IOException {
    if (v == null) {
      g.writeNull();
    } else if (v instanceof CharSequence s) {
      g.writeString(s.toString());
    } else if (v instanceof Boolean b) {
      g.writeBoolean(b);
    } else if (v instanceof Integer || v instanceof Long || v instanceof Short || v instanceof Byte) {
      g.writeNumber(((Number) v).longValue());
    } else if (v instanceof Double d) {
      g.writeNumber(d);
    } else if (v instanceof Float f) {
      g.writeNumber(f);
    } else if (v instanceof BigDecimal d) {
      g.writeNumber(d);
    } else if (v instanceof BigInteger i) {
      g.writeNumber(i);
    } else if (v instanceof Map<?, ?> m) {
      g.writeStartObject();
      for (Map.Entry<?, ?> e : m.entrySet()) {
        g.writeFieldName(String.valueOf(e.getKey()));
        value(g, e.getValue());
      }
      g.writeEndObject();
    } else if (v instanceof Iterable<?> list) {
      g.writeStartArray();
      for (Object o : list) {
        value(g, o);
      }
      g.writeEndArray();
    } else if (v instanceof Object[] array) {
      value(g, java.util.Arrays.asList(array));
    } else if (v instanceof Enum<?> e) {
      g.writeString(e.name());
    } else {
      throw new IllegalArgumentException("no JSON form for a " + v.getClass().getName() + ": " + v);
    }
  }
}
