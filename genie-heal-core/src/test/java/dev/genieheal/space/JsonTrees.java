package dev.genieheal.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** JSON tree helpers for tests. */
final class JsonTrees {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonTrees() {}

  static JsonNode tree(String json) {
    try {
      return MAPPER.readTree(json);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A copy without empty arrays and objects (protobuf presence: the API cannot tell them from absent ones). */
  static JsonNode withoutEmpties(JsonNode n) {
    if (n.isObject()) {
      ObjectNode o = MAPPER.createObjectNode();
      List<String> names = new ArrayList<>();
      n.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode v = withoutEmpties(n.get(name));
        if (!(v.isContainerNode() && v.isEmpty())) {
          o.set(name, v);
        }
      }
      return o;
    }
    if (n.isArray()) {
      ArrayNode a = MAPPER.createArrayNode();
      n.forEach(e -> a.add(withoutEmpties(e)));
      return a;
    }
    return n;
  }
}
