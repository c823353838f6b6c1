package dev.genieheal.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.genieheal.error.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Applies the shipped JSON Schema ({@code serialized-space.schema.json}) and turns its messages into violations
 * with stable rule ids. The rule is chosen from the {@code $defs} entry that failed, so the schema names each
 * rule-bearing constraint once. Thread-safe: the compiled schema is shared and immutable.
 */
final class SchemaCheck {
  static final String RESOURCE = "serialized-space.schema.json";

  private static final JsonSchema SCHEMA = load();
  private static final Pattern DEF = Pattern.compile("\\$defs/([A-Za-z]+)/([A-Za-z]+)$");
  private static final String HEX_ID = "Expected lowercase 32-hex UUID without hyphens.";
  private static final Map<String, String> ELEMENT = Map.of(
      "sample_questions", "sample_question",
      "questions", "benchmark_question",
      "text_instructions", "text_instruction",
      "example_question_sqls", "example_question_sql",
      "sql_functions", "sql_function",
      "join_specs", "join_spec",
      "filters", "filter",
      "expressions", "expression",
      "measures", "measure");

  private SchemaCheck() {}

  private static JsonSchema load() {
    try (InputStream in = SchemaCheck.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
      JsonSchema schema = factory.getSchema(in, SchemaValidatorsConfig.builder().pathType(PathType.LEGACY).build());
      // Resolve every $ref now: lazy resolution on first use is not safe across threads.
      schema.initializeValidators();
      return schema;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Every schema violation of an export tree, sorted by JSON path. */
  static List<Violation> check(JsonNode export) {
    List<ValidationMessage> messages = new ArrayList<>(SCHEMA.validate(export));
    messages.sort(Comparator.comparing(ValidationMessage::getInstanceLocation)
        .thenComparing(ValidationMessage::getMessage));
    List<Violation> out = new ArrayList<>(messages.size());
    for (ValidationMessage m : messages) {
      out.add(toViolation(m));
    }
    return out;
  }

  private static Violation toViolation(ValidationMessage m) {
    String path = m.getInstanceLocation().toString();
    String keyword = m.getType();
    Matcher d = DEF.matcher(m.getSchemaLocation().toString());
    String def = d.find() ? d.group(1) : "";
    JsonNode found = m.getInstanceNode();
    switch (keyword) {
      case "additionalProperties":
        return new Violation(path + "." + property(m), "unknown-field", "Unknown field '" + property(m) + "'"
            + " (the API rejects fields it does not know: \"Cannot find field: " + property(m) + "\")");
      case "required":
        return required(path, property(m));
      case "type":
        if (found == null || found.isNull()) {
          return new Violation(path, "null-element", "null is not allowed here; remove the element");
        }
        return new Violation(path, SpaceReader.RULE_TYPE, "Expected " + expectedType(m) + " for " + field(path)
            + " but found " + SpaceReader.describe(found));
      case "pattern":
        return pattern(path, def, found);
      case "maxLength":
        return new Violation(path, "string-length", "string has " + found.textValue().length()
            + " characters; the API allows at most 25,000");
      case "minItems":
      case "maxItems":
        return items(path, def, keyword, found);
      case "enum":
        if ("version".equals(def)) {
          return new Violation(path, "version", "version must be 1 or 2 but found " + SpaceReader.describe(found));
        }
        break;
      case "const":
        if ("answerFormat".equals(def)) {
          return new Violation(path, "benchmark-answer-format", "benchmark answer format must be \"SQL\" but found "
              + SpaceReader.describe(found));
        }
        break;
      default:
        break;
    }
    return new Violation(path, "schema", m.getMessage());
  }

  private static Violation required(String path, String missing) {
    String at = path + "." + missing;
    if ("id".equals(missing)) {
      // API: "Failed to parse export proto: sample_question.id must be provided and non-empty. Expected ..."
      return new Violation(at, "id-missing", element(path) + ".id must be provided and non-empty. " + HEX_ID);
    }
    if ("answer".equals(missing)) {
      // An empty answer list is written as absent, so "missing" and "zero answers" are the same rule.
      return new Violation(at, "benchmark-answer-count", "a benchmark question needs exactly one answer but has 0");
    }
    return new Violation(at, SpaceReader.RULE_REQUIRED, element(path) + "." + missing + " must be provided");
  }

  private static Violation pattern(String path, String def, JsonNode found) {
    String value = found == null ? "" : found.asText();
    switch (def) {
      case "id":
        // API: "Failed to parse export proto: Invalid id for sample_question.id: 'q1'. Expected ..."
        return new Violation(path, "id-format", "Invalid id for " + element(parent(path)) + ".id: '" + value
            + "'. " + HEX_ID);
      case "fqName":
        return new Violation(path, "fq-name", "identifier '" + value
            + "' must be a three-part name catalog.schema.object");
      case "joinMarker":
        return new Violation(path, "join-spec-marker", "Failed to parse export proto: '" + value
            + "' is not a relationship marker; the second sql element must be "
            + "--rt=FROM_RELATIONSHIP_TYPE_<MANY_TO_ONE|ONE_TO_MANY|ONE_TO_ONE|MANY_TO_MANY>--");
      default:
        return new Violation(path, "schema", "'" + value + "' does not match the required pattern");
    }
  }

  private static Violation items(String path, String def, String keyword, JsonNode found) {
    int size = found == null ? 0 : found.size();
    switch (def) {
      case "joinSql":
        if ("minItems".equals(keyword)) {
          // API: "Failed to parse export proto: <join condition> (of class java.lang.String)"
          String condition = size == 0 ? "" : found.get(0).asText();
          return new Violation(path, "join-spec-marker", "Failed to parse export proto: " + condition
              + " (of class java.lang.String): join spec sql needs the condition and the marker "
              + "--rt=FROM_RELATIONSHIP_TYPE_<TYPE>--");
        }
        return new Violation(path, "join-spec-sql", "join spec sql has " + size
            + " elements; it must be exactly [condition, marker] (one equality per join spec)");
      case "benchmarkAnswers":
        return new Violation(path, "benchmark-answer-count", "a benchmark question needs exactly one answer but has "
            + size);
      case "textInstructions":
        return new Violation(path, "text-instruction-count", "at most one text instruction is allowed but found "
            + size);
      default:
        return new Violation(path, "array-size", "array has " + size + " items; the API allows at most 10,000");
    }
  }

  private static String property(ValidationMessage m) {
    if (m.getProperty() != null) {
      return m.getProperty();
    }
    Object[] args = m.getArguments();
    return args != null && args.length > 0 ? String.valueOf(args[0]) : "?";
  }

  private static String expectedType(ValidationMessage m) {
    JsonNode schema = m.getSchemaNode();
    String type = schema != null && schema.isTextual() ? schema.textValue() : "another type";
    switch (type) {
      case "array":
      case "object":
      case "integer":
        return "an " + type;
      case "string":
      case "boolean":
        return "a " + type;
      default:
        return type;
    }
  }

  /** The field a path ends in, skipping array indexes: {@code $.a.tables[1]} gives {@code tables}. */
  static String field(String path) {
    String p = path.replaceAll("(\\[\\d+])+$", "");
    int dot = p.lastIndexOf('.');
    return dot < 0 ? "the export" : p.substring(dot + 1);
  }

  private static String parent(String path) {
    int dot = path.lastIndexOf('.');
    return dot < 0 ? path : path.substring(0, dot);
  }

  /** The API's name of the element at a path: {@code $.config.sample_questions[0]} gives {@code sample_question}. */
  private static String element(String path) {
    String f = field(path);
    return ELEMENT.getOrDefault(f, f);
  }
}
