package io.landwatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.landwatch.LandwatchException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a key written twice in one mapping of a job file. YAML parsers keep the last one, so an
 * appended {@code rules: {tolerance_m2: 50000}} would silently replace the whole rules block.
 */
final class DuplicateKeys {
  private DuplicateKeys() {}

  /** Fails naming both lines of the first key that appears twice in the same mapping. */
  static void check(Path file) {
    try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
      Deque<Map<String, Integer>> maps = new ArrayDeque<>();
      Deque<String> paths = new ArrayDeque<>();
      String pendingKey = null;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        switch (t) {
          case START_OBJECT -> {
            paths.push(child(paths, pendingKey));
            maps.push(new HashMap<>());
            pendingKey = null;
          }
          case START_ARRAY -> {
            paths.push(child(paths, pendingKey));
            maps.push(new HashMap<>());
            pendingKey = null;
          }
          case END_OBJECT, END_ARRAY -> {
            maps.pop();
            paths.pop();
          }
          case FIELD_NAME -> {
            String key = p.currentName();
            int line = p.currentTokenLocation().getLineNr();
            Integer first = maps.peek().putIfAbsent(key, line);
            if (first != null) {
              String path = paths.peek().isEmpty() ? key : paths.peek() + "." + key;
              throw LandwatchException.invalidJob("Job file " + file + ": the key '" + path
                  + "' appears twice, at line " + first + " and at line " + line + "; YAML would keep"
                  + " only the second and silently drop the first. Keep one of them (merge the two).");
            }
            pendingKey = key;
          }
          default -> pendingKey = null;
        }
      }
    } catch (IOException e) {
      // a syntax error: the YAML reader reports it with its position
    }
  }

  private static String child(Deque<String> paths, String key) {
    String parent = paths.isEmpty() ? "" : paths.peek();
    if (key == null) {
      return parent;
    }
    return parent.isEmpty() ? key : parent + "." + key;
  }
}
