package io.landwatch.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.landwatch.LandwatchException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a YAML file into a Jackson tree in one pass of the YAML parser, and refuses a key written
 * twice in one mapping: YAML readers keep the last one, so an appended
 * {@code rules: {tolerance_m2: 50000}} would silently replace the whole rules block. (No
 * ObjectMapper: its set-up cost every run ~0.1 s for a file of twenty lines.)
 */
public final class YamlTree {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private YamlTree() {}

  /**
   * The document's tree, or null when the file holds no document.
   *
   * @param what how errors name the file ("Job file", "Detect config")
   * @throws com.fasterxml.jackson.core.JsonProcessingException on a syntax error (with its position)
   * @throws LandwatchException naming both lines of the first key that appears twice in a mapping
   */
  public static JsonNode read(Path file, String what) throws IOException {
    try (JsonParser p = new YAMLFactory().createParser(file.toFile())) {
      JsonToken t = p.nextToken();
      return t == null ? null : node(p, t, "", file, what);
    }
  }

  private static JsonNode node(JsonParser p, JsonToken t, String path, Path file, String what) throws IOException {
    switch (t) {
      case START_OBJECT -> {
        ObjectNode o = NODES.objectNode();
        Map<String, Integer> lines = new HashMap<>();
        while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
          String key = p.currentName();
          int line = p.currentTokenLocation().getLineNr();
          String keyPath = path.isEmpty() ? key : path + "." + key;
          Integer first = lines.putIfAbsent(key, line);
          if (first != null) {
            throw LandwatchException.invalidJob(what + " " + file + ": the key '" + keyPath
                + "' appears twice, at line " + first + " and at line " + line + "; YAML would keep"
                + " only the second and silently drop the first. Keep one of them (merge the two).");
          }
          o.set(key, node(p, p.nextToken(), keyPath, file, what));
        }
        return o;
      }
      case START_ARRAY -> {
        ArrayNode a = NODES.arrayNode();
        while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
          a.add(node(p, t, path, file, what));
        }
        return a;
      }
      case VALUE_STRING -> {
        return NODES.textNode(p.getText());
      }
      case VALUE_NUMBER_INT -> {
        return switch (p.getNumberType()) {
          case INT -> NODES.numberNode(p.getIntValue());
          case LONG -> NODES.numberNode(p.getLongValue());
          default -> NODES.numberNode(p.getBigIntegerValue());
        };
      }
      case VALUE_NUMBER_FLOAT -> {
        return NODES.numberNode(p.getDoubleValue());
      }
      case VALUE_TRUE, VALUE_FALSE -> {
        return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
      }
      case VALUE_NULL -> {
        return NODES.nullNode();
      }
      case VALUE_EMBEDDED_OBJECT -> {
        Object o = p.getEmbeddedObject();
        return o instanceof byte[] b ? NODES.binaryNode(b) : NODES.pojoNode(o);
      }
      default -> throw new IllegalStateException("unexpected YAML token " + t + " in " + file);
    }
  }
}
