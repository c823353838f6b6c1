package dev.genieheal.space;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Turns the model into a Jackson tree. Keys follow the API's natural order (the field order of the reference
 * layout), unknown fields come after the known ones in the order they were read. Empty lists and sections are left
 * out: protobuf cannot tell them from absent ones. Stateless.
 */
final class SpaceWriter {
  private static final JsonNodeFactory NODES = JsonNodeFactory.withExactBigDecimals(true);

  private SpaceWriter() {}

  static ObjectNode space(GenieSpace s) {
    ObjectNode o = NODES.objectNode();
    o.put("version", s.version());
    putObject(o, "config", config(s.config()));
    putObject(o, "data_sources", dataSources(s.dataSources()));
    putObject(o, "instructions", instructions(s.instructions()));
    putObject(o, "benchmarks", benchmarks(s.benchmarks()));
    return unknown(o, s.unknown());
  }

  private static ObjectNode config(SpaceConfig c) {
    ObjectNode o = NODES.objectNode();
    putObjects(o, "sample_questions", c.sampleQuestions(), SpaceWriter::sampleQuestion);
    return unknown(o, c.unknown());
  }

  private static ObjectNode sampleQuestion(SampleQuestion q) {
    ObjectNode o = NODES.objectNode();
    putString(o, "id", q.id());
    putStrings(o, "question", q.question());
    return unknown(o, q.unknown());
  }

  private static ObjectNode dataSources(DataSources d) {
    ObjectNode o = NODES.objectNode();
    putObjects(o, "tables", d.tables(), SpaceWriter::dataObject);
    putObjects(o, "metric_views", d.metricViews(), SpaceWriter::dataObject);
    return unknown(o, d.unknown());
  }

  private static ObjectNode dataObject(DataObject t) {
    ObjectNode o = NODES.objectNode();
    putString(o, "identifier", t.identifier());
    putStrings(o, "description", t.description());
    putObjects(o, "column_configs", t.columnConfigs(), SpaceWriter::columnConfig);
    return unknown(o, t.unknown());
  }

  private static ObjectNode columnConfig(ColumnConfig c) {
    ObjectNode o = NODES.objectNode();
    putString(o, "column_name", c.columnName());
    putStrings(o, "description", c.description());
    putStrings(o, "synonyms", c.synonyms());
    putBoolean(o, "exclude", c.exclude());
    putBoolean(o, "enable_format_assistance", c.enableFormatAssistance());
    putBoolean(o, "enable_entity_matching", c.enableEntityMatching());
    putBoolean(o, "get_example_values", c.getExampleValues());
    putBoolean(o, "build_value_dictionary", c.buildValueDictionary());
    return unknown(o, c.unknown());
  }

  private static ObjectNode instructions(Instructions i) {
    ObjectNode o = NODES.objectNode();
    putObjects(o, "text_instructions", i.textInstructions(), SpaceWriter::textInstruction);
    putObjects(o, "example_question_sqls", i.exampleQuestionSqls(), SpaceWriter::example);
    putObjects(o, "sql_functions", i.sqlFunctions(), SpaceWriter::sqlFunction);
    putObjects(o, "join_specs", i.joinSpecs(), SpaceWriter::joinSpec);
    putObject(o, "sql_snippets", sqlSnippets(i.sqlSnippets()));
    return unknown(o, i.unknown());
  }

  private static ObjectNode textInstruction(TextInstruction t) {
    ObjectNode o = NODES.objectNode();
    putString(o, "id", t.id());
    putStrings(o, "content", t.content());
    return unknown(o, t.unknown());
  }

  private static ObjectNode example(ExampleQuestionSql e) {
    ObjectNode o = NODES.objectNode();
    putString(o, "id", e.id());
    putStrings(o, "question", e.question());
    putStrings(o, "sql", e.sql());
    putObjects(o, "parameters", e.parameters(), SpaceWriter::parameter);
    putStrings(o, "usage_guidance", e.usageGuidance());
    return unknown(o, e.unknown());
  }

  private static ObjectNode parameter(Parameter p) {
    ObjectNode o = NODES.objectNode();
    putString(o, "name", p.name());
    putString(o, "type_hint", p.typeHint());
    putStrings(o, "description", p.description());
    if (!p.defaultValues().isEmpty()) {
      putStrings(o.putObject("default_value"), "values", p.defaultValues());
    }
    return unknown(o, p.unknown());
  }

  private static ObjectNode sqlFunction(SqlFunction f) {
    ObjectNode o = NODES.objectNode();
    putString(o, "id", f.id());
    putString(o, "identifier", f.identifier());
    return unknown(o, f.unknown());
  }

  private static ObjectNode joinSpec(JoinSpec j) {
    ObjectNode o = NODES.objectNode();
    putString(o, "id", j.id());
    if (j.left() != null) {
      o.set("left", joinSide(j.left()));
    }
    if (j.right() != null) {
      o.set("right", joinSide(j.right()));
    }
    putStrings(o, "sql", j.sql());
    putStrings(o, "comment", j.comment());
    putStrings(o, "instruction", j.instruction());
    return unknown(o, j.unknown());
  }

  private static ObjectNode joinSide(JoinSide s) {
    ObjectNode o = NODES.objectNode();
    putString(o, "identifier", s.identifier());
    putString(o, "alias", s.alias());
    return unknown(o, s.unknown());
  }

  private static ObjectNode sqlSnippets(SqlSnippets s) {
    ObjectNode o = NODES.objectNode();
    for (SnippetKind kind : SnippetKind.values()) {
      putObjects(o, kind.jsonName(), s.of(kind), SpaceWriter::snippet);
    }
    return unknown(o, s.unknown());
  }

  private static ObjectNode snippet(SqlSnippet s) {
    ObjectNode o = NODES.objectNode();
    putString(o, "id", s.id());
    putString(o, "alias", s.alias());
    putStrings(o, "sql", s.sql());
    putString(o, "display_name", s.displayName());
    putStrings(o, "synonyms", s.synonyms());
    putStrings(o, "instruction", s.instruction());
    putStrings(o, "comment", s.comment());
    return unknown(o, s.unknown());
  }

  private static ObjectNode benchmarks(Benchmarks b) {
    ObjectNode o = NODES.objectNode();
    putObjects(o, "questions", b.questions(), SpaceWriter::benchmarkQuestion);
    return unknown(o, b.unknown());
  }

  private static ObjectNode benchmarkQuestion(BenchmarkQuestion q) {
    ObjectNode o = NODES.objectNode();
    putString(o, "id", q.id());
    putStrings(o, "question", q.question());
    putObjects(o, "answer", q.answer(), SpaceWriter::answer);
    return unknown(o, q.unknown());
  }

  private static ObjectNode answer(BenchmarkAnswer a) {
    ObjectNode o = NODES.objectNode();
    putString(o, "format", a.format());
    putStrings(o, "content", a.content());
    return unknown(o, a.unknown());
  }

  // ---- helpers ---------------------------------------------------------------------------------------------

  private static void putObject(ObjectNode o, String field, ObjectNode child) {
    if (!child.isEmpty()) {
      o.set(field, child);
    }
  }

  private static <T> void putObjects(ObjectNode o, String field, List<T> list, Function<T, ObjectNode> writer) {
    if (list.isEmpty()) {
      return;
    }
    ArrayNode a = o.putArray(field);
    for (T t : list) {
      if (t == null) {
        a.addNull();
      } else {
        a.add(writer.apply(t));
      }
    }
  }

  private static void putStrings(ObjectNode o, String field, List<String> list) {
    if (list.isEmpty()) {
      return;
    }
    ArrayNode a = o.putArray(field);
    for (String s : list) {
      a.add(s);
    }
  }

  private static void putString(ObjectNode o, String field, String value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static void putBoolean(ObjectNode o, String field, Boolean value) {
    if (value != null) {
      o.put(field, value);
    }
  }

  private static ObjectNode unknown(ObjectNode o, UnknownFields unknown) {
    for (Map.Entry<String, Object> e : unknown.fields().entrySet()) {
      o.set(e.getKey(), node(e.getValue()));
    }
    return o;
  }

  /** A plain Java JSON value as a tree node; other types are written as their string form. */
  static JsonNode node(Object v) {
    if (v == null) {
      return NODES.nullNode();
    }
    if (v instanceof String) {
      return NODES.textNode((String) v);
    }
    if (v instanceof Boolean) {
      return NODES.booleanNode((Boolean) v);
    }
    if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
      return NODES.numberNode(((Number) v).longValue());
    }
    if (v instanceof BigDecimal) {
      return NODES.numberNode((BigDecimal) v);
    }
    if (v instanceof BigInteger) {
      return NODES.numberNode((BigInteger) v);
    }
    if (v instanceof Double || v instanceof Float) {
      return NODES.numberNode(new BigDecimal(v.toString()));
    }
    if (v instanceof List) {
      ArrayNode a = NODES.arrayNode();
      ((List<?>) v).forEach(e -> a.add(node(e)));
      return a;
    }
    if (v instanceof Map) {
      ObjectNode o = NODES.objectNode();
      ((Map<?, ?>) v).forEach((k, e) -> o.set(String.valueOf(k), node(e)));
      return o;
    }
    return NODES.textNode(v.toString());
  }
}
