package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** The emulator's JSON plumbing: one mapper, error bodies, tolerant field readers. */
final class Json {
  /** Null properties are never written: the SDK omits nulls and so does the service. */
  static final ObjectMapper MAPPER = new ObjectMapper()
      .setDefaultPropertyInclusion(JsonInclude.Include.NON_NULL)
      .configure(JsonNodeFeature.WRITE_NULL_PROPERTIES, false);

  private Json() {}

  static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  static ArrayNode array() {
    return MAPPER.createArrayNode();
  }

  static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write JSON", e);
    }
  }

  /** HTTP 200 with the node as body. */
  static EmulatorResponse ok(JsonNode body) {
    return EmulatorResponse.json(200, write(body));
  }

  static String errorBody(String errorCode, String message) {
    ObjectNode node = object();
    node.put("error_code", errorCode);
    node.put("message", message);
    return write(node);
  }

  /** Parses a request body; an empty body is an empty object, anything but an object is MALFORMED_REQUEST. */
  static ObjectNode parseObject(String body) {
    if (body == null || body.isBlank()) {
      return object();
    }
    JsonNode node;
    try {
      node = MAPPER.readTree(body);
    } catch (JsonProcessingException e) {
      throw ApiError.malformed("Could not parse request object: " + e.getOriginalMessage());
    }
    if (!(node instanceof ObjectNode)) {
      throw ApiError.malformed("Could not parse request object: expected a JSON object but found "
          + node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT));
    }
    return (ObjectNode) node;
  }

  /** A text field, or null when absent or null; a non-text value is INVALID_PARAMETER_VALUE. */
  static String text(JsonNode obj, String field) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode() || v.isBoolean()) {
      throw ApiError.invalid("Invalid value for field '" + field + "': expected a string");
    }
    return v.asText();
  }

  /** A text field that must be present and not blank. */
  static String requiredText(JsonNode obj, String field) {
    String v = text(obj, field);
    if (v == null || v.isBlank()) {
      throw ApiError.invalid("Missing required field: " + field);
    }
    return v;
  }

  /** An int64 field sent as a number or a decimal string (Databricks accepts both), or the default. */
  static long longValue(JsonNode obj, String field, long dflt) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (v.isIntegralNumber()) {
      return v.asLong();
    }
    if (v.isTextual()) {
      try {
        return Long.parseLong(v.asText().trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw ApiError.invalid("Invalid value for field '" + field + "': expected an integer but got " + v);
  }

  /** A number field, or the default. */
  static double doubleValue(JsonNode obj, String field, double dflt) {
    JsonNode v = obj.get(field);
    if (v == null || v.isNull()) {
      return dflt;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      try {
        return Double.parseDouble(v.asText().trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw ApiError.invalid("Invalid value for field '" + field + "': expected a number but got " + v);
  }

  /** A string array field (a single string counts as one element); empty when absent. */
  static List<String> textList(JsonNode obj, String field) {
    JsonNode v = obj.get(field);
    List<String> out = new ArrayList<>();
    if (v == null || v.isNull()) {
      return out;
    }
    if (v.isArray()) {
      for (JsonNode e : v) {
        if (!e.isValueNode()) {
          throw ApiError.invalid("Invalid value for field '" + field + "': expected an array of strings");
        }
        out.add(e.asText());
      }
    } else if (v.isValueNode()) {
      out.add(v.asText());
    } else {
      throw ApiError.invalid("Invalid value for field '" + field + "': expected an array of strings");
    }
    return out;
  }

  /** Joins a text-lines array (the export's string arrays) verbatim; a plain string is returned as is. */
  static String joinedLines(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    if (node.isArray()) {
      StringBuilder sb = new StringBuilder();
      node.forEach(e -> sb.append(e.asText()));
      return sb.toString();
    }
    return node.asText();
  }
}
