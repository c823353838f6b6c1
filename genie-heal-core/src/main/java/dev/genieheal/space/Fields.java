package dev.genieheal.space;

import java.util.Set;

/** The field names the model knows, per object of the export; everything else is kept as unknown. */
final class Fields {
  static final Set<String> ROOT = Set.of("version", "config", "data_sources", "instructions", "benchmarks");
  static final Set<String> CONFIG = Set.of("sample_questions");
  static final Set<String> SAMPLE = Set.of("id", "question");
  static final Set<String> DATA_SOURCES = Set.of("tables", "metric_views");
  static final Set<String> DATA_OBJECT = Set.of("identifier", "description", "column_configs");
  static final Set<String> COLUMN = Set.of("column_name", "description", "synonyms", "exclude",
      "enable_format_assistance", "enable_entity_matching", "get_example_values", "build_value_dictionary");
  static final Set<String> INSTRUCTIONS = Set.of("text_instructions", "example_question_sqls", "sql_functions",
      "join_specs", "sql_snippets");
  static final Set<String> TEXT = Set.of("id", "content");
  static final Set<String> EXAMPLE = Set.of("id", "question", "sql", "parameters", "usage_guidance");
  static final Set<String> PARAMETER = Set.of("name", "type_hint", "description", "default_value");
  static final Set<String> PARAMETER_WITHOUT_DEFAULT = Set.of("name", "type_hint", "description");
  static final Set<String> FUNCTION = Set.of("id", "identifier");
  static final Set<String> JOIN = Set.of("id", "left", "right", "sql", "comment", "instruction");
  static final Set<String> JOIN_SIDE = Set.of("identifier", "alias");
  static final Set<String> SNIPPETS = Set.of("filters", "expressions", "measures");
  static final Set<String> SNIPPET = Set.of("id", "alias", "sql", "display_name", "synonyms", "instruction",
      "comment");
  static final Set<String> BENCHMARKS = Set.of("questions");
  static final Set<String> BENCHMARK = Set.of("id", "question", "answer");
  static final Set<String> ANSWER = Set.of("format", "content");
  static final Set<String> ENVELOPE = Set.of("space_id", "title", "description", "warehouse_id", "parent_path",
      "etag", "serialized_space");

  private Fields() {}
}
