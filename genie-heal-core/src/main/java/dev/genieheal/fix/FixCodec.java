package dev.genieheal.fix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.space.Parameter;
import dev.genieheal.space.RelationshipType;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.space.UnknownFields;
import java.util.ArrayList;
import java.util.List;

/**
 * Converts between fix records and JSON trees. Reading assumes the tree already passed {@link FixSchema}, so it
 * only maps fields; the record constructors still check their own invariants.
 */
final class FixCodec {
  private FixCodec() {}

  static ObjectNode toNode(ObjectMapper mapper, Fix fix) {
    ObjectNode n = mapper.createObjectNode();
    n.put("type", fix.type());
    if (fix instanceof TableDescriptionFix f) {
      n.put("table", f.table());
      n.put("description", f.description());
      n.put("replace", f.replace());
    } else if (fix instanceof ColumnDescriptionFix f) {
      n.put("table", f.table());
      n.put("column", f.column());
      n.put("description", f.description());
      n.put("replace", f.replace());
    } else if (fix instanceof ColumnSynonymsFix f) {
      n.put("table", f.table());
      n.put("column", f.column());
      strings(n.putArray("synonyms"), f.synonyms());
    } else if (fix instanceof ColumnFlagsFix f) {
      n.put("table", f.table());
      n.put("column", f.column());
      putIfPresent(n, "format_assistance", f.formatAssistance());
      putIfPresent(n, "entity_matching", f.entityMatching());
      putIfPresent(n, "exclude", f.exclude());
    } else if (fix instanceof JoinSpecFix f) {
      n.put("left_table", f.leftTable());
      n.put("left_column", f.leftColumn());
      n.put("right_table", f.rightTable());
      n.put("right_column", f.rightColumn());
      n.put("relationship", f.relationship().name());
      n.put("comment", f.comment());
      if (f.replacesId() != null) {
        n.put("replaces_id", f.replacesId());
      }
    } else if (fix instanceof ExampleSqlFix f) {
      n.put("question", f.question());
      n.put("sql", f.sql());
      ArrayNode params = n.putArray("parameters");
      for (Parameter p : f.parameters()) {
        params.add(parameterNode(mapper, p));
      }
      n.put("usage_guidance", f.usageGuidance());
    } else if (fix instanceof TextInstructionFix f) {
      n.put("rule", f.rule());
    } else if (fix instanceof SqlSnippetFix f) {
      n.put("kind", f.kind().name());
      n.put("sql", f.sql());
      if (f.alias() != null) {
        n.put("alias", f.alias());
      }
      n.put("display_name", f.displayName());
      strings(n.putArray("synonyms"), f.synonyms());
      n.put("instruction", f.instruction());
    } else if (fix instanceof SampleQuestionFix f) {
      n.put("question", f.question());
    }
    n.put("reason", fix.reason());
    strings(n.putArray("benchmark_ids"), fix.benchmarkIds());
    return n;
  }

  /** Builds the record a schema-valid element describes. */
  static Fix fromNode(String type, JsonNode n) {
    String reason = text(n, "reason");
    List<String> ids = strings(n.get("benchmark_ids"));
    switch (type) {
      case "table_description":
        return new TableDescriptionFix(text(n, "table"), text(n, "description"), flag(n, "replace"), reason, ids);
      case "column_description":
        return new ColumnDescriptionFix(text(n, "table"), text(n, "column"), text(n, "description"),
            flag(n, "replace"), reason, ids);
      case "column_synonyms":
        return new ColumnSynonymsFix(text(n, "table"), text(n, "column"), strings(n.get("synonyms")), reason, ids);
      case "column_flags":
        return new ColumnFlagsFix(text(n, "table"), text(n, "column"), bool(n, "format_assistance"),
            bool(n, "entity_matching"), bool(n, "exclude"), reason, ids);
      case "join_spec":
        return new JoinSpecFix(text(n, "left_table"), text(n, "left_column"), text(n, "right_table"),
            text(n, "right_column"), RelationshipType.valueOf(text(n, "relationship")), text(n, "comment"),
            text(n, "replaces_id"), reason, ids);
      case "example_sql":
        return new ExampleSqlFix(text(n, "question"), text(n, "sql"), parameters(n.get("parameters")),
            text(n, "usage_guidance"), reason, ids);
      case "text_instruction":
        return new TextInstructionFix(text(n, "rule"), reason, ids);
      case "sql_snippet":
        return new SqlSnippetFix(SnippetKind.valueOf(text(n, "kind")), text(n, "sql"), text(n, "alias"),
            text(n, "display_name"), strings(n.get("synonyms")), text(n, "instruction"), reason, ids);
      case "sample_question":
        return new SampleQuestionFix(text(n, "question"), reason, ids);
      default:
        throw new IllegalArgumentException("unknown fix type: " + type);
    }
  }

  private static ObjectNode parameterNode(ObjectMapper mapper, Parameter p) {
    ObjectNode node = mapper.createObjectNode();
    node.put("name", p.name());
    if (p.typeHint() != null) {
      node.put("type_hint", p.typeHint());
    }
    strings(node.putArray("description"), p.description());
    if (!p.defaultValues().isEmpty()) {
      strings(node.putObject("default_value").putArray("values"), p.defaultValues());
    }
    return node;
  }

  private static List<Parameter> parameters(JsonNode array) {
    List<Parameter> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      for (JsonNode p : array) {
        JsonNode defaults = p.get("default_value");
        out.add(new Parameter(text(p, "name"), text(p, "type_hint"), strings(p.get("description")),
            defaults == null || defaults.isNull() ? List.of() : strings(defaults.get("values")),
            UnknownFields.none()));
      }
    }
    return out;
  }

  private static void putIfPresent(ObjectNode n, String field, Boolean value) {
    if (value != null) {
      n.put(field, value);
    }
  }

  private static void strings(ArrayNode target, List<String> values) {
    values.forEach(target::add);
  }

  private static String text(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asText();
  }

  private static Boolean bool(JsonNode n, String field) {
    JsonNode v = n.get(field);
    return v == null || v.isNull() ? null : v.asBoolean();
  }

  private static boolean flag(JsonNode n, String field) {
    return Boolean.TRUE.equals(bool(n, field));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    if (array != null && array.isArray()) {
      array.forEach(e -> out.add(e.asText()));
    }
    return out;
  }
}
