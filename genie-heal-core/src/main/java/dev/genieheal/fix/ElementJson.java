package dev.genieheal.fix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genieheal.space.GenieSpace;
import java.io.UncheckedIOException;

/**
 * The JSON of one element of a space, for audit records. Reuses the space's own writer ({@link GenieSpace#toJson()})
 * and picks the element out of the tree by its JSON path, so element JSON is always exactly what is sent.
 */
final class ElementJson {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private final JsonNode root;

  private ElementJson(JsonNode root) {
    this.root = root;
  }

  static ElementJson of(GenieSpace space) {
    try {
      return new ElementJson(MAPPER.readTree(space.toJson()));
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException("the space writer produced invalid JSON", e);
    }
  }

  /** The compact JSON at {@code path} (e.g. {@code $.instructions.join_specs[2]}), or null when absent. */
  String at(String path) {
    if (path == null) {
      return null;
    }
    JsonNode node = root.at(pointer(path));
    return node.isMissingNode() ? null : node.toString();
  }

  /** {@code $.a.b[2].c} to {@code /a/b/2/c}; our paths use plain field names. */
  static String pointer(String path) {
    return path.substring(1).replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
  }
}
