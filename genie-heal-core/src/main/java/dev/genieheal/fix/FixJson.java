package dev.genieheal.fix;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Reads and writes fixes as JSON. This is also the format the LLM analyzer asks models to answer in; its JSON Schema
 * ({@link #schema()}) describes every field.
 *
 * <p>Layout: {@code {"type": "column_synonyms", "table": "main.sales.orders", "column": "net_amount",
 * "synonyms": ["revenue"], "reason": "...", "benchmark_ids": ["..."]}}. Field names are the record components in
 * snake_case; enums are written by name ({@code "MANY_TO_ONE"}, {@code "MEASURE"}); example-query parameters have
 * the space export's shape ({@code {"name", "type_hint", "description": [...], "default_value": {"values": [...]}}});
 * absent optional values ({@code replaces_id}, {@code alias}, unset flags) are omitted when writing and may be
 * omitted or null when reading. Unknown fields are an error.
 *
 * <p>Thread-safe.
 */
public final class FixJson {
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
      .enable(JsonParser.Feature.ALLOW_COMMENTS)
      .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
      .build();

  private FixJson() {}

  /** Writes one fix as compact JSON. */
  public static String write(Fix fix) {
    Objects.requireNonNull(fix, "fix");
    return FixCodec.toNode(MAPPER, fix).toString();
  }

  /** Writes fixes as a compact JSON array. */
  public static String writeAll(List<? extends Fix> fixes) {
    Objects.requireNonNull(fixes, "fixes");
    ArrayNode array = MAPPER.createArrayNode();
    for (Fix fix : fixes) {
      array.add(FixCodec.toNode(MAPPER, Objects.requireNonNull(fix, "fixes element")));
    }
    return array.toString();
  }

  /**
   * Reads one fix.
   *
   * @throws ValidationException naming the JSON path and rule of everything wrong (malformed JSON, unknown type,
   *     missing or unknown field, wrong type, blank or oversize text)
   */
  public static Fix read(String json) {
    Objects.requireNonNull(json, "json");
    List<Violation> violations = new ArrayList<>();
    Fix fix = readElement(parse(json), "$", violations);
    if (fix == null) {
      throw new ValidationException("invalid fix", violations);
    }
    return fix;
  }

  /**
   * Reads a JSON array of fixes element by element: a bad element is reported with its path ({@code $[3].table})
   * and the others are still read.
   *
   * @throws ValidationException when the text is not JSON or not an array
   */
  public static ParsedFixes readAll(String jsonArray) {
    Objects.requireNonNull(jsonArray, "jsonArray");
    JsonNode root = parse(jsonArray);
    if (!root.isArray()) {
      throw new ValidationException(new Violation("$", "type",
          "expected an array of fixes but found " + kind(root)));
    }
    List<Fix> fixes = new ArrayList<>();
    List<Violation> all = new ArrayList<>();
    List<RejectedFix> unreadable = new ArrayList<>();
    for (int i = 0; i < root.size(); i++) {
      List<Violation> violations = new ArrayList<>();
      Fix fix = readElement(root.get(i), "$[" + i + "]", violations);
      if (fix != null) {
        fixes.add(fix);
      } else {
        all.addAll(violations);
        String reason = violations.stream().map(Violation::toString).collect(Collectors.joining("; "));
        unreadable.add(new RejectedFix(null, root.get(i).toString(), "not a valid fix: " + reason));
      }
    }
    return new ParsedFixes(fixes, all, unreadable);
  }

  /** The JSON Schema (draft 2020-12) of one fix, with a description on every field. */
  public static String schema() {
    return FixSchema.instance().text();
  }

  private static Fix readElement(JsonNode node, String path, List<Violation> violations) {
    if (!node.isObject()) {
      violations.add(new Violation(path, "type", "expected a fix object but found " + kind(node)));
      return null;
    }
    JsonNode type = node.get("type");
    FixSchema schema = FixSchema.instance();
    if (type == null || type.isNull()) {
      violations.add(new Violation(path + ".type", "required",
          "required property 'type' is missing; expected one of " + schema.types()));
      return null;
    }
    if (!type.isTextual() || !schema.types().contains(type.asText())) {
      violations.add(new Violation(path + ".type", "enum",
          "unknown fix type " + type + "; expected one of " + schema.types()));
      return null;
    }
    violations.addAll(schema.validate(type.asText(), node, path));
    if (!violations.isEmpty()) {
      return null;
    }
    try {
      return FixCodec.fromNode(type.asText(), node);
    } catch (IllegalArgumentException | NullPointerException e) {
      violations.add(new Violation(path, "invalid-value", e.getMessage()));
      return null;
    }
  }

  private static JsonNode parse(String json) {
    try {
      JsonNode node = MAPPER.readTree(json);
      if (node == null || node.isMissingNode()) {
        throw new ValidationException(new Violation("$", "json-syntax", "no JSON value (the text is empty)"));
      }
      return node;
    } catch (JsonProcessingException e) {
      String where = e.getLocation() == null ? ""
          : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
      throw new ValidationException(new Violation("$", "json-syntax", e.getOriginalMessage() + where));
    }
  }

  private static String kind(JsonNode node) {
    return node.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
  }
}
