package dev.genieheal.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/** Reads and writes the export JSON with Jackson; internal to the model. Thread-safe. */
final class SpaceJson {
  static final String RULE_SYNTAX = "json-syntax";

  private static final String NESTED = "$.serialized_space";

  // Exact numbers (unknown fields keep BigDecimal/Long), duplicate keys rejected like the API's proto parser.
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
      .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
      .build();

  private SpaceJson() {}

  static GenieSpace read(String json) {
    return fromTree(tree(json, "$"), "$");
  }

  static GenieSpace readNested(String json) {
    return fromTree(tree(json, NESTED), NESTED);
  }

  static SpaceEnvelope readEnvelope(String json) {
    SpaceReader reader = new SpaceReader();
    SpaceEnvelope envelope = reader.envelope(tree(json, "$"));
    throwIfAny(reader.violations(), "$", "invalid Genie space response");
    return envelope;
  }

  static String write(GenieSpace space, boolean pretty) {
    Objects.requireNonNull(space, "space");
    try {
      JsonNode tree = SpaceWriter.space(space);
      return pretty ? MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(tree)
          : MAPPER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      // A tree of plain nodes always serialises; reaching this is a bug.
      throw new IllegalStateException("cannot write space", e);
    }
  }

  /** The JSON tree of a space, as {@link #write} would print it. */
  static JsonNode toTree(GenieSpace space) {
    return SpaceWriter.space(space);
  }

  /**
   * Parses JSON text into a tree.
   *
   * @throws ValidationException with rule {@code json-syntax} when the text is not one JSON value
   */
  static JsonNode tree(String json, String prefix) {
    Objects.requireNonNull(json, "json");
    try {
      JsonNode n = MAPPER.readTree(json);
      if (n == null || n.isMissingNode()) {
        throw syntax(prefix, "empty document");
      }
      return n;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw syntax(prefix, "malformed JSON" + where + ": " + e.getOriginalMessage());
    }
  }

  /**
   * Reads a tree into the model.
   *
   * @throws ValidationException listing every wrong JSON type, paths under {@code prefix}
   */
  static GenieSpace fromTree(JsonNode root, String prefix) {
    SpaceReader reader = new SpaceReader();
    GenieSpace space = reader.space(root);
    throwIfAny(reader.violations(), prefix, "invalid Genie space JSON");
    return space;
  }

  private static void throwIfAny(List<Violation> violations, String prefix, String what) {
    if (!violations.isEmpty()) {
      throw new ValidationException(what, prefixed(violations, prefix));
    }
  }

  static List<Violation> prefixed(List<Violation> violations, String prefix) {
    if ("$".equals(prefix)) {
      return violations;
    }
    return violations.stream()
        .map(v -> new Violation(prefix + v.path().substring(1), v.rule(), v.message()))
        .collect(Collectors.toList());
  }

  private static ValidationException syntax(String path, String message) {
    return new ValidationException("invalid Genie space JSON", List.of(new Violation(path, RULE_SYNTAX, message)));
  }
}
