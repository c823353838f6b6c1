package dev.genieheal.space;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.error.Violation;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

/**
 * Turns a Jackson tree into the model, collecting every wrong JSON type as a violation instead of stopping at the
 * first. One instance reads one document; not thread-safe.
 *
 * <p>A JSON {@code null} for a known field reads as absent (protobuf JSON does the same). Null list elements are
 * kept so the validator and the canonicaliser can see them.
 */
final class SpaceReader {
  static final String RULE_TYPE = "json-type";
  static final String RULE_REQUIRED = "required-field";

  private static final int FOUND_MAX = 60;

  private final List<Violation> violations = new ArrayList<>();

  List<Violation> violations() {
    return violations;
  }

  // ---- the export ------------------------------------------------------------------------------------------

  GenieSpace space(JsonNode root) {
    if (!root.isObject()) {
      typeError("$", "the export", "an object", root);
      return null;
    }
    JsonNode v = root.get("version");
    int version = GenieSpace.CURRENT_VERSION;
    if (v == null || v.isNull()) {
      violations.add(new Violation("$.version", RULE_REQUIRED, "version must be provided (1 or 2)"));
    } else if (!v.isIntegralNumber() || !v.canConvertToInt()) {
      typeError("$.version", "version", "an integer", v);
    } else {
      version = v.intValue();
    }
    return new GenieSpace(
        version,
        config(object(root, "config", "$")),
        dataSources(object(root, "data_sources", "$")),
        instructions(object(root, "instructions", "$")),
        benchmarks(object(root, "benchmarks", "$")),
        unknown(root, Fields.ROOT));
  }

  private SpaceConfig config(Located o) {
    if (o == null) {
      return null;
    }
    return new SpaceConfig(objects(o, "sample_questions", this::sampleQuestion), unknown(o.node, Fields.CONFIG));
  }

  private SampleQuestion sampleQuestion(JsonNode n, String path) {
    return new SampleQuestion(string(n, "id", path), strings(n, "question", path), unknown(n, Fields.SAMPLE));
  }

  private DataSources dataSources(Located o) {
    if (o == null) {
      return null;
    }
    return new DataSources(objects(o, "tables", this::dataObject), objects(o, "metric_views", this::dataObject),
        unknown(o.node, Fields.DATA_SOURCES));
  }

  private DataObject dataObject(JsonNode n, String path) {
    return new DataObject(string(n, "identifier", path), strings(n, "description", path),
        objects(new Located(n, path), "column_configs", this::columnConfig), unknown(n, Fields.DATA_OBJECT));
  }

  private ColumnConfig columnConfig(JsonNode n, String path) {
    return new ColumnConfig(
        string(n, "column_name", path),
        strings(n, "description", path),
        strings(n, "synonyms", path),
        bool(n, "exclude", path),
        bool(n, "enable_format_assistance", path),
        bool(n, "enable_entity_matching", path),
        bool(n, "get_example_values", path),
        bool(n, "build_value_dictionary", path),
        unknown(n, Fields.COLUMN));
  }

  private Instructions instructions(Located o) {
    if (o == null) {
      return null;
    }
    return new Instructions(
        objects(o, "text_instructions", this::textInstruction),
        objects(o, "example_question_sqls", this::example),
        objects(o, "sql_functions", this::sqlFunction),
        objects(o, "join_specs", this::joinSpec),
        sqlSnippets(object(o.node, "sql_snippets", o.path)),
        unknown(o.node, Fields.INSTRUCTIONS));
  }

  private TextInstruction textInstruction(JsonNode n, String path) {
    return new TextInstruction(string(n, "id", path), strings(n, "content", path), unknown(n, Fields.TEXT));
  }

  private ExampleQuestionSql example(JsonNode n, String path) {
    return new ExampleQuestionSql(
        string(n, "id", path),
        strings(n, "question", path),
        strings(n, "sql", path),
        objects(new Located(n, path), "parameters", this::parameter),
        strings(n, "usage_guidance", path),
        unknown(n, Fields.EXAMPLE));
  }

  /**
   * Reads a parameter. A {@code default_value} of the documented shape {@code {"values": [...]}} is typed; any
   * other object (a range, extra fields) is kept whole among the unknown fields so nothing is lost.
   */
  private Parameter parameter(JsonNode n, String path) {
    List<String> defaults = List.of();
    Set<String> known = Fields.PARAMETER;
    JsonNode dv = n.get("default_value");
    if (dv != null && !dv.isNull()) {
      String dvPath = path + ".default_value";
      if (!dv.isObject()) {
        typeError(dvPath, "default_value", "an object", dv);
      } else if (isValuesOnly(dv)) {
        defaults = strings(dv, "values", dvPath);
      } else {
        known = Fields.PARAMETER_WITHOUT_DEFAULT;
      }
    }
    return new Parameter(string(n, "name", path), string(n, "type_hint", path), strings(n, "description", path),
        defaults, unknown(n, known));
  }

  private static boolean isValuesOnly(JsonNode dv) {
    Iterator<String> names = dv.fieldNames();
    while (names.hasNext()) {
      if (!"values".equals(names.next())) {
        return false;
      }
    }
    return true;
  }

  private SqlFunction sqlFunction(JsonNode n, String path) {
    return new SqlFunction(string(n, "id", path), string(n, "identifier", path), unknown(n, Fields.FUNCTION));
  }

  private JoinSpec joinSpec(JsonNode n, String path) {
    return new JoinSpec(
        string(n, "id", path),
        joinSide(object(n, "left", path)),
        joinSide(object(n, "right", path)),
        strings(n, "sql", path),
        strings(n, "comment", path),
        strings(n, "instruction", path),
        unknown(n, Fields.JOIN));
  }

  private JoinSide joinSide(Located o) {
    if (o == null) {
      return null;
    }
    return new JoinSide(string(o.node, "identifier", o.path), string(o.node, "alias", o.path),
        unknown(o.node, Fields.JOIN_SIDE));
  }

  private SqlSnippets sqlSnippets(Located o) {
    if (o == null) {
      return null;
    }
    return new SqlSnippets(objects(o, "filters", this::snippet), objects(o, "expressions", this::snippet),
        objects(o, "measures", this::snippet), unknown(o.node, Fields.SNIPPETS));
  }

  private SqlSnippet snippet(JsonNode n, String path) {
    return new SqlSnippet(
        string(n, "id", path),
        string(n, "alias", path),
        strings(n, "sql", path),
        string(n, "display_name", path),
        strings(n, "synonyms", path),
        strings(n, "instruction", path),
        strings(n, "comment", path),
        unknown(n, Fields.SNIPPET));
  }

  private Benchmarks benchmarks(Located o) {
    if (o == null) {
      return null;
    }
    return new Benchmarks(objects(o, "questions", this::benchmarkQuestion), unknown(o.node, Fields.BENCHMARKS));
  }

  private BenchmarkQuestion benchmarkQuestion(JsonNode n, String path) {
    return new BenchmarkQuestion(string(n, "id", path), strings(n, "question", path),
        objects(new Located(n, path), "answer", this::answer), unknown(n, Fields.BENCHMARK));
  }

  private BenchmarkAnswer answer(JsonNode n, String path) {
    return new BenchmarkAnswer(string(n, "format", path), strings(n, "content", path), unknown(n, Fields.ANSWER));
  }

  // ---- the GET envelope ------------------------------------------------------------------------------------

  SpaceEnvelope envelope(JsonNode root) {
    if (!root.isObject()) {
      typeError("$", "the response", "an object", root);
      return null;
    }
    String serialized = null;
    JsonNode s = root.get("serialized_space");
    if (s != null && !s.isNull()) {
      // The API sends a string; bundle files may hold the export as an object, which reads the same.
      if (s.isTextual()) {
        serialized = s.textValue();
      } else if (s.isObject()) {
        serialized = s.toString();
      } else {
        typeError("$.serialized_space", "serialized_space", "a string", s);
      }
    }
    return new SpaceEnvelope(
        string(root, "space_id", "$"),
        string(root, "title", "$"),
        string(root, "description", "$"),
        string(root, "warehouse_id", "$"),
        string(root, "parent_path", "$"),
        string(root, "etag", "$"),
        serialized,
        unknown(root, Fields.ENVELOPE));
  }

  // ---- typed field access ----------------------------------------------------------------------------------

  /** An object node together with its JSON path. */
  private static final class Located {
    final JsonNode node;
    final String path;

    Located(JsonNode node, String path) {
      this.node = node;
      this.path = path;
    }
  }

  private Located object(JsonNode parent, String field, String parentPath) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    String path = parentPath + "." + field;
    if (!n.isObject()) {
      typeError(path, field, "an object", n);
      return null;
    }
    return new Located(n, path);
  }

  private <T> List<T> objects(Located parent, String field, BiFunction<JsonNode, String, T> reader) {
    JsonNode n = parent.node.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    String path = parent.path + "." + field;
    if (!n.isArray()) {
      typeError(path, field, "an array", n);
      return List.of();
    }
    List<T> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      String elementPath = path + "[" + i + "]";
      if (e.isNull()) {
        out.add(null);
      } else if (!e.isObject()) {
        typeError(elementPath, field, "an object", e);
      } else {
        out.add(reader.apply(e, elementPath));
      }
    }
    return out;
  }

  private List<String> strings(JsonNode parent, String field, String parentPath) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return List.of();
    }
    String path = parentPath + "." + field;
    if (!n.isArray()) {
      typeError(path, field, "an array", n);
      return List.of();
    }
    List<String> out = new ArrayList<>(n.size());
    for (int i = 0; i < n.size(); i++) {
      JsonNode e = n.get(i);
      if (e.isTextual()) {
        out.add(e.textValue());
      } else if (e.isNull()) {
        out.add(null);
      } else {
        typeError(path + "[" + i + "]", field, "a string", e);
      }
    }
    return out;
  }

  private String string(JsonNode parent, String field, String parentPath) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isTextual()) {
      typeError(parentPath + "." + field, field, "a string", n);
      return null;
    }
    return n.textValue();
  }

  private Boolean bool(JsonNode parent, String field, String parentPath) {
    JsonNode n = parent.get(field);
    if (n == null || n.isNull()) {
      return null;
    }
    if (!n.isBoolean()) {
      typeError(parentPath + "." + field, field, "a boolean", n);
      return null;
    }
    return n.booleanValue();
  }

  private void typeError(String path, String field, String expected, JsonNode found) {
    // Mirrors the API: "Invalid serialized_space: Expected an array for description but found \"...\"".
    violations.add(new Violation(path, RULE_TYPE, "Expected " + expected + " for " + field + " but found "
        + describe(found)));
  }

  static String describe(JsonNode found) {
    String text = found.toString();
    return text.length() <= FOUND_MAX ? text : text.substring(0, FOUND_MAX) + "…";
  }

  // ---- unknown fields --------------------------------------------------------------------------------------

  private static UnknownFields unknown(JsonNode object, Set<String> known) {
    Map<String, Object> fields = null;
    for (Map.Entry<String, JsonNode> e : object.properties()) {
      if (!known.contains(e.getKey())) {
        if (fields == null) {
          fields = new LinkedHashMap<>();
        }
        fields.put(e.getKey(), plain(e.getValue()));
      }
    }
    return fields == null ? UnknownFields.none() : new UnknownFields(fields);
  }

  /** A JSON tree as plain Java values: String, Boolean, Long or BigDecimal, List, Map, null. */
  static Object plain(JsonNode n) {
    if (n.isTextual()) {
      return n.textValue();
    }
    if (n.isBoolean()) {
      return n.booleanValue();
    }
    if (n.isIntegralNumber()) {
      return n.canConvertToLong() ? (Object) n.longValue() : new BigDecimal(n.bigIntegerValue());
    }
    if (n.isNumber()) {
      return n.decimalValue();
    }
    if (n.isArray()) {
      List<Object> list = new ArrayList<>(n.size());
      n.forEach(e -> list.add(plain(e)));
      return java.util.Collections.unmodifiableList(list);
    }
    if (n.isObject()) {
      Map<String, Object> map = new LinkedHashMap<>();
      n.properties().forEach(e -> map.put(e.getKey(), plain(e.getValue())));
      return java.util.Collections.unmodifiableMap(map);
    }
    return null;
  }
}
