package dev.genieheal.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.genieheal.error.Violation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fix JSON Schema ({@code fix.schema.json}) and the one place that talks to the schema library.
 *
 * <p>The schema's top level is a {@code oneOf} over the fix types, which is what a model reads; but a failed
 * {@code oneOf} reports every branch's complaints. So an element is checked against the one {@code $defs} entry its
 * {@code type} names, which gives exactly the errors a person would expect. Thread-safe and immutable.
 */
final class FixSchema {
  static final String RESOURCE = "/dev/genieheal/fix/fix.schema.json";
  private static final FixSchema INSTANCE = load();

  private final String text;
  private final Map<String, JsonSchema> byType;

  private FixSchema(String text, Map<String, JsonSchema> byType) {
    this.text = text;
    this.byType = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byType));
  }

  static FixSchema instance() {
    return INSTANCE;
  }

  /** The schema document, as shipped. */
  String text() {
    return text;
  }

  /** The fix types the schema defines, in schema order. */
  Set<String> types() {
    return byType.keySet();
  }

  /**
   * The violations of {@code element} against the schema of {@code type}, with paths below {@code basePath}.
   *
   * @throws IllegalArgumentException when the type is unknown
   */
  List<Violation> validate(String type, JsonNode element, String basePath) {
    JsonSchema schema = byType.get(type);
    if (schema == null) {
      throw new IllegalArgumentException("unknown fix type: " + type);
    }
    List<ValidationMessage> messages = new ArrayList<>(schema.validate(element));
    messages.sort(Comparator.comparing((ValidationMessage m) -> m.getInstanceLocation().toString())
        .thenComparing(ValidationMessage::getType));
    List<Violation> out = new ArrayList<>();
    for (ValidationMessage m : messages) {
      Violation v = toViolation(m, basePath);
      if (!out.contains(v)) {
        out.add(v);
      }
    }
    return out;
  }

  private static Violation toViolation(ValidationMessage m, String basePath) {
    String location = m.getInstanceLocation().toString();
    String path = basePath + location.substring(1);
    String rule = m.getType();
    String property = m.getProperty();
    if (property != null && ("required".equals(rule) || "additionalProperties".equals(rule))) {
      path = path + "." + property;
    }
    return new Violation(path, rule, describe(m, location));
  }

  /** The library's message without its own leading path, which would be relative to the element. */
  private static String describe(ValidationMessage m, String location) {
    String message = m.getMessage();
    String prefix = location + ": ";
    return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
  }

  private static FixSchema load() {
    ObjectMapper mapper = new ObjectMapper();
    String text;
    JsonNode root;
    try (InputStream in = FixSchema.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + RESOURCE);
      }
      text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
      root = mapper.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + RESOURCE, e);
    }
    JsonSchemaFactory factory = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    JsonNode defs = root.get("$defs");
    Map<String, JsonSchema> byType = new LinkedHashMap<>();
    for (JsonNode branch : root.get("oneOf")) {
      String type = branch.get("$ref").asText().substring("#/$defs/".length());
      ObjectNode single = mapper.createObjectNode();
      single.put("$schema", root.get("$schema").asText());
      single.set("$defs", defs);
      single.put("$ref", "#/$defs/" + type);
      byType.put(type, factory.getSchema(single));
    }
    return new FixSchema(text, byType);
  }
}
