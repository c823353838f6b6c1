package dev.genieheal.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One test per validator rule, each with its own small bad example; the §5 errors of the reference are named. */
class SpaceValidatorTest {
  private static final String A = id(1);
  private static final String B = id(2);
  private static final String C = id(3);
  private final SpaceValidator validator = SpaceValidator.standard();

  static String id(long n) {
    return String.format("%032x", n);
  }

  /** Validates the raw JSON and, when it reads, the parsed model: both must report only {@code rule}. */
  private Violation only(String json, String rule, String path) {
    List<Violation> raw = validator.validateJson(json);
    assertThat(raw).as("validateJson").extracting(Violation::rule).containsOnly(rule);
    assertThat(raw).extracting(Violation::path).contains(path);
    List<Violation> model = readable(json) ? validator.validate(GenieSpace.parse(json)) : raw;
    assertThat(model).as("validate").isEqualTo(raw);
    return raw.stream().filter(v -> v.path().equals(path)).findFirst().orElseThrow();
  }

  private static boolean readable(String json) {
    try {
      GenieSpace.parse(json);
      return true;
    } catch (ValidationException e) {
      return false;
    }
  }

  private static String space(String body) {
    return "{\"version\":2," + body + "}";
  }

  private static String join(String left, String leftAlias, String right, String rightAlias, String... sql) {
    StringBuilder s = new StringBuilder();
    for (String e : sql) {
      s.append(s.length() == 0 ? "" : ",").append(new com.fasterxml.jackson.databind.node.TextNode(e));
    }
    return space("\"instructions\":{\"join_specs\":[{\"id\":\"" + A + "\",\"left\":{\"identifier\":\"" + left
        + "\",\"alias\":\"" + leftAlias + "\"},\"right\":{\"identifier\":\"" + right + "\",\"alias\":\""
        + rightAlias + "\"},\"sql\":[" + s + "]}]}");
  }

  private static final String MANY_TO_ONE = "--rt=FROM_RELATIONSHIP_TYPE_MANY_TO_ONE--";

  // ---- schema rules ----------------------------------------------------------------------------------------

  @Test
  void validate_getOnlyFieldInExport_unknownField() {
    Violation v = only(space("\"title\":\"Sales\""), "unknown-field", "$.title");
    assertThat(v.message()).startsWith("Unknown field 'title'");
  }

  @Test
  void validate_snippetWithNameInsteadOfDisplayName_unknownField() {
    only(space("\"instructions\":{\"sql_snippets\":{\"filters\":[{\"id\":\"" + A
        + "\",\"sql\":[\"x > 1\"],\"name\":\"big\"}]}}"), "unknown-field",
        "$.instructions.sql_snippets.filters[0].name");
  }

  @Test
  void validate_sampleQuestionAsBareString_jsonTypeWithApiText() {
    Violation v = only(space("\"config\":{\"sample_questions\":[{\"id\":\"" + A + "\",\"question\":\"How many?\"}]}"),
        "json-type", "$.config.sample_questions[0].question");
    assertThat(v.message()).isEqualTo("Expected an array for question but found \"How many?\"");
  }

  @Test
  void validate_nullListElement_nullElement() {
    only(space("\"config\":{\"sample_questions\":[null]}"), "null-element", "$.config.sample_questions[0]");
  }

  @Test
  void validate_tableWithoutIdentifier_requiredField() {
    only(space("\"data_sources\":{\"tables\":[{\"description\":[\"x\"]}]}"), "required-field",
        "$.data_sources.tables[0].identifier");
  }

  @Test
  void validate_missingId_idMissingWithApiText() {
    Violation v = only(space("\"config\":{\"sample_questions\":[{\"question\":[\"q\"]}]}"), "id-missing",
        "$.config.sample_questions[0].id");
    assertThat(v.message()).isEqualTo("sample_question.id must be provided and non-empty. "
        + "Expected lowercase 32-hex UUID without hyphens.");
  }

  @Test
  void validate_friendlyId_idFormatWithApiText() {
    Violation v = only(space("\"config\":{\"sample_questions\":[{\"id\":\"q1\",\"question\":[\"q\"]}]}"),
        "id-format", "$.config.sample_questions[0].id");
    assertThat(v.message()).isEqualTo("Invalid id for sample_question.id: 'q1'. "
        + "Expected lowercase 32-hex UUID without hyphens.");
  }

  @Test
  void validate_twoPartIdentifier_fqName() {
    only(space("\"data_sources\":{\"tables\":[{\"identifier\":\"sales.orders\"}]}"), "fq-name",
        "$.data_sources.tables[0].identifier");
  }

  @Test
  void validate_bundlePlaceholderParts_acceptedAsOnePartEach() {
    assertThat(validator.validateJson(space("\"data_sources\":{\"tables\":[{\"identifier\":"
        + "\"${catalog}.${schema}.orders\"}]}"))).isEmpty();
  }

  @Test
  void validate_joinWithoutMarker_joinSpecMarkerWithApiText() {
    Violation v = only(join("c.s.orders", "orders", "c.s.stores", "stores", "orders.store_id = stores.store_id"),
        "join-spec-marker", "$.instructions.join_specs[0].sql");
    assertThat(v.message()).startsWith("Failed to parse export proto: orders.store_id = stores.store_id "
        + "(of class java.lang.String)");
  }

  @Test
  void validate_joinWithUnknownRelationship_joinSpecMarker() {
    only(join("c.s.orders", "orders", "c.s.stores", "stores", "`orders`.`a` = `stores`.`a`",
        "--rt=FROM_RELATIONSHIP_TYPE_SOME--"), "join-spec-marker", "$.instructions.join_specs[0].sql[1]");
  }

  @Test
  void validate_joinWithThreeSqlElements_joinSpecSql() {
    only(join("c.s.orders", "orders", "c.s.stores", "stores", "`orders`.`a` = `stores`.`a`", MANY_TO_ONE,
        "`orders`.`b` = `stores`.`b`"), "join-spec-sql", "$.instructions.join_specs[0].sql");
  }

  @Test
  void validate_benchmarkWithTwoAnswers_benchmarkAnswerCount() {
    String answer = "{\"format\":\"SQL\",\"content\":[\"SELECT 1\"]}";
    only(space("\"benchmarks\":{\"questions\":[{\"id\":\"" + A + "\",\"question\":[\"q\"],\"answer\":[" + answer
        + "," + answer + "]}]}"), "benchmark-answer-count", "$.benchmarks.questions[0].answer");
  }

  @Test
  void validate_benchmarkWithoutAnswer_benchmarkAnswerCount() {
    only(space("\"benchmarks\":{\"questions\":[{\"id\":\"" + A + "\",\"question\":[\"q\"],\"answer\":[]}]}"),
        "benchmark-answer-count", "$.benchmarks.questions[0].answer");
  }

  @Test
  void validate_answerFormatNotSql_benchmarkAnswerFormat() {
    only(space("\"benchmarks\":{\"questions\":[{\"id\":\"" + A + "\",\"question\":[\"q\"],\"answer\":"
        + "[{\"format\":\"INSTRUCTIONS\",\"content\":[\"SELECT 1\"]}]}]}"), "benchmark-answer-format",
        "$.benchmarks.questions[0].answer[0].format");
  }

  @Test
  void validate_twoTextInstructions_textInstructionCount() {
    only(space("\"instructions\":{\"text_instructions\":[{\"id\":\"" + A + "\",\"content\":[\"a\"]},{\"id\":\"" + B
        + "\",\"content\":[\"b\"]}]}"), "text-instruction-count", "$.instructions.text_instructions");
  }

  @Test
  void validate_oversizeString_stringLength() {
    only(space("\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.t\",\"description\":[\"" + "x".repeat(25_001)
        + "\"]}]}"), "string-length", "$.data_sources.tables[0].description[0]");
  }

  @Test
  void validate_oversizeArray_arraySize() {
    List<String> synonyms = new ArrayList<>();
    for (int i = 0; i < 10_001; i++) {
      synonyms.add("s");
    }
    GenieSpace s = GenieSpace.empty().withTables(List.of(DataObject.of("c.s.t")
        .withColumnConfigs(List.of(ColumnConfig.of("c").withSynonyms(synonyms)))));
    only(s.toJson(), "array-size", "$.data_sources.tables[0].column_configs[0].synonyms");
  }

  @Test
  void validate_versionThree_version() {
    only("{\"version\":3}", "version", "$.version");
  }

  // ---- model rules -----------------------------------------------------------------------------------------

  @Test
  void validate_unsortedTables_sortOrderWithApiText() {
    Violation v = only(space("\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.b\"},{\"identifier\":\"c.s.a\"}]}"),
        "sort-order", "$.data_sources.tables[1]");
    assertThat(v.message()).startsWith("data_sources.tables must be sorted by identifier");
  }

  @Test
  void validate_unsortedColumnConfigsAndParameters_sortOrderPerList() {
    List<Violation> v = validator.validateJson(space("\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.a\","
        + "\"column_configs\":[{\"column_name\":\"y\"},{\"column_name\":\"x\"}]}]},\"instructions\":"
        + "{\"example_question_sqls\":[{\"id\":\"" + A + "\",\"question\":[\"q\"],\"sql\":[\"SELECT :a, :b\"],"
        + "\"parameters\":[{\"name\":\"b\"},{\"name\":\"a\"}]}]}"));
    assertThat(v).extracting(Violation::rule).containsOnly("sort-order");
    assertThat(v).extracting(Violation::path).containsExactly("$.data_sources.tables[0].column_configs[1]",
        "$.instructions.example_question_sqls[0].parameters[1]");
  }

  @Test
  void validate_sampleAndBenchmarkShareId_duplicateId() {
    only(space("\"config\":{\"sample_questions\":[{\"id\":\"" + A + "\",\"question\":[\"q\"]}]},\"benchmarks\":"
        + "{\"questions\":[{\"id\":\"" + A + "\",\"question\":[\"q\"],\"answer\":[{\"format\":\"SQL\","
        + "\"content\":[\"SELECT 1\"]}]}]}"), "duplicate-id", "$.benchmarks.questions[0].id");
  }

  @Test
  void validate_textInstructionAndSnippetShareId_duplicateId() {
    Violation v = only(space("\"instructions\":{\"text_instructions\":[{\"id\":\"" + A + "\",\"content\":[\"a\"]}],"
        + "\"sql_snippets\":{\"measures\":[{\"id\":\"" + A + "\",\"alias\":\"m\",\"sql\":[\"SUM(t.x)\"]}]}}"),
        "duplicate-id", "$.instructions.sql_snippets.measures[0].id");
    assertThat(v.message()).contains("$.instructions.text_instructions[0]");
  }

  @Test
  void validate_tableListedTwice_duplicateDataObject() {
    only(space("\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.a\"},{\"identifier\":\"c.s.a\"}]}"),
        "duplicate-data-object", "$.data_sources.tables[1].identifier");
  }

  @Test
  void validate_identifierInTablesAndMetricViews_dataObjectInBoth() {
    only(space("\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.a\"}],\"metric_views\":[{\"identifier\":"
        + "\"c.s.a\"}]}"), "data-object-in-both", "$.data_sources.metric_views[0].identifier");
  }

  @Test
  void validate_columnConfiguredTwice_duplicateColumnConfig() {
    only(space("\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.a\",\"column_configs\":[{\"column_name\":"
        + "\"x\"},{\"column_name\":\"x\"}]}]}"), "duplicate-column-config",
        "$.data_sources.tables[0].column_configs[1].column_name");
  }

  @Test
  void validate_v1FlagsInV2_v1FlagsInV2WithApiText() {
    Violation v = only(space("\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.a\",\"column_configs\":"
        + "[{\"column_name\":\"x\",\"get_example_values\":true}]}]}"), "v1-flags-in-v2",
        "$.data_sources.tables[0].column_configs[0]");
    assertThat(v.message()).isEqualTo("data_sources.tables[0].column_configs[0] uses version 1 fields "
        + "(get_example_values, build_value_dictionary) but the export version is 2. Use "
        + "enable_format_assistance and enable_entity_matching for version 2.");
  }

  @Test
  void validate_v2FlagsInV1_v2FlagsInV1() {
    only("{\"version\":1,\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.a\",\"column_configs\":"
        + "[{\"column_name\":\"x\",\"enable_format_assistance\":true}]}]}}", "v2-flags-in-v1",
        "$.data_sources.tables[0].column_configs[0]");
  }

  @Test
  void validate_entityMatchingWithoutFormatAssistance_entityMatchingNeedsFormatAssistance() {
    only(space("\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.a\",\"column_configs\":"
        + "[{\"column_name\":\"x\",\"enable_entity_matching\":true}]}]}"),
        "entity-matching-needs-format-assistance", "$.data_sources.tables[0].column_configs[0]");
  }

  @Test
  void validate_shortJoinAlias_joinAliasIdentifier() {
    only(join("c.s.orders", "o", "c.s.stores", "stores", "`o`.`a` = `stores`.`a`", MANY_TO_ONE),
        "join-alias-identifier", "$.instructions.join_specs[0].left.alias");
  }

  @Test
  void validate_compositeJoinCondition_joinCondition() {
    Violation v = only(join("c.s.orders", "orders", "c.s.stores", "stores",
        "`orders`.`a` = `stores`.`a` AND `orders`.`b` = `stores`.`b`", MANY_TO_ONE), "join-condition",
        "$.instructions.join_specs[0].sql[0]");
    assertThat(v.message()).contains("one join spec per key column");
  }

  @Test
  void validate_conditionWithUndeclaredAlias_joinAlias() {
    only(join("c.s.orders", "orders", "c.s.stores", "stores", "`sales`.`a` = `stores`.`a`", MANY_TO_ONE),
        "join-alias", "$.instructions.join_specs[0].sql[0]");
  }

  @Test
  void validate_conditionWithSwappedAliases_accepted() {
    assertThat(validator.validateJson(join("c.s.orders", "orders", "c.s.stores", "stores",
        "stores.a = orders.a", MANY_TO_ONE))).isEmpty();
  }

  @Test
  void validate_snippetWithEmptySql_emptySql() {
    only(space("\"instructions\":{\"sql_snippets\":{\"filters\":[{\"id\":\"" + A + "\",\"sql\":[]}]}}"),
        "empty-sql", "$.instructions.sql_snippets.filters[0].sql");
  }

  @Test
  void validate_exampleWithBlankSql_emptySql() {
    only(space("\"instructions\":{\"example_question_sqls\":[{\"id\":\"" + A + "\",\"question\":[\"q\"],"
        + "\"sql\":[\"\",\" \\n\"]}]}"), "empty-sql", "$.instructions.example_question_sqls[0].sql");
  }

  @Test
  void validate_benchmarkSqlWithPlaceholder_benchmarkParameter() {
    only(space("\"benchmarks\":{\"questions\":[{\"id\":\"" + A + "\",\"question\":[\"q\"],\"answer\":"
        + "[{\"format\":\"SQL\",\"content\":[\"SELECT * FROM c.s.t WHERE region = :region\"]}]}]}"),
        "benchmark-parameter", "$.benchmarks.questions[0].answer[0].content");
  }

  @Test
  void validate_benchmarkSqlWithCastsTimesAndVariantPaths_noBenchmarkParameter() {
    assertThat(validator.validateJson(space("\"benchmarks\":{\"questions\":[{\"id\":\"" + A + "\",\"question\":"
        + "[\"q\"],\"answer\":[{\"format\":\"SQL\",\"content\":[\"SELECT x::int, raw:store.name, '10:30' -- :no\\n"
        + "FROM c.s.t\"]}]}]}"))).isEmpty();
  }

  @Test
  void validate_thirtyOneTables_maxDataObjects() {
    List<DataObject> tables = new ArrayList<>();
    for (int i = 0; i < 31; i++) {
      tables.add(DataObject.of(String.format("c.s.t%02d", i)));
    }
    only(GenieSpace.empty().withTables(tables).toJson(), "max-data-objects", "$.data_sources");
  }

  @Test
  void validate_hundredExamplesPlusText_maxInstructions() {
    List<ExampleQuestionSql> examples = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      examples.add(new ExampleQuestionSql(id(100 + i), List.of("q"), List.of("SELECT 1"), null, null, null));
    }
    GenieSpace s = GenieSpace.empty().withInstructions(Instructions.empty().withExampleQuestionSqls(examples)
        .withTextInstructions(List.of(new TextInstruction(id(1), List.of("x"), null))));
    only(s.toJson(), "max-instructions", "$.instructions");
    assertThat(validator.validate(s.withInstructions(s.instructions().withTextInstructions(List.of())))).isEmpty();
  }

  @Test
  void validate_described200TablesSnippetsAndJoins_maxSnippets() {
    List<SqlSnippet> filters = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      filters.add(new SqlSnippet(id(100 + i), null, List.of("t.x > " + i), null, null, null, null, null));
    }
    GenieSpace s = GenieSpace.empty()
        .withTables(List.of(DataObject.of("c.s.t").withDescription(List.of("described"))))
        .withInstructions(Instructions.empty().withSqlSnippets(SqlSnippets.empty().with(SnippetKind.FILTER,
            filters)));
    only(s.toJson(), "max-snippets", "$");
  }

  @Test
  void validate_501Benchmarks_maxBenchmarks() {
    only(GenieSpace.empty().withBenchmarks(benchmarks(501)).toJson(), "max-benchmarks", "$.benchmarks.questions");
  }

  private static Benchmarks benchmarks(int n) {
    List<BenchmarkQuestion> qs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      qs.add(new BenchmarkQuestion(id(1000 + i), List.of("q" + i),
          List.of(new BenchmarkAnswer("SQL", List.of("SELECT " + i), null)), null));
    }
    return new Benchmarks(qs, null);
  }

  @Test
  void validate_121EntityMatchingColumns_maxEntityMatchingColumns() {
    List<ColumnConfig> columns = new ArrayList<>();
    for (int i = 0; i < 121; i++) {
      columns.add(ColumnConfig.of(String.format("c%03d", i)).withFlags(null, true, true));
    }
    GenieSpace s = GenieSpace.empty().withTables(List.of(DataObject.of("c.s.t").withColumnConfigs(columns)));
    only(s.toJson(), "max-entity-matching-columns", "$.data_sources");
    assertThat(SpaceValidator.builder().maxEntityMatchingColumns(200).build().validate(s)).isEmpty();
  }

  @Test
  void validate_tableMissingFromCatalog_unknownTable() {
    Catalog catalog = Catalog.of(List.of(new TableSchema("c.s.stores", List.of())));
    List<Violation> v = SpaceValidator.withCatalog(catalog).validateJson(join("c.s.orders", "orders", "c.s.stores",
        "stores", "`orders`.`a` = `stores`.`a`", MANY_TO_ONE).replace("\"instructions\"",
        "\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.orders\"}]},\"instructions\""));
    assertThat(v).extracting(Violation::rule).containsOnly("unknown-table");
    assertThat(v).extracting(Violation::path).containsExactly("$.data_sources.tables[0].identifier",
        "$.instructions.join_specs[0].left.identifier");
  }

  @Test
  void validate_columnMissingFromCatalog_unknownColumn() {
    Catalog catalog = Catalog.of(List.of(new TableSchema("C.S.`A`",
        List.of(new TableSchema.ColumnSchema("X", "INT")))));
    List<Violation> v = SpaceValidator.withCatalog(catalog).validateJson(space("\"data_sources\":{\"tables\":"
        + "[{\"identifier\":\"c.s.a\",\"column_configs\":[{\"column_name\":\"x\"},{\"column_name\":\"y\"}]}]}"));
    assertThat(v).containsExactly(new Violation("$.data_sources.tables[0].column_configs[1].column_name",
        "unknown-column", "column 'y' does not exist in 'c.s.a'"));
  }

  // ---- parsing, API surface ----------------------------------------------------------------------------------

  @Test
  void validateJson_malformed_jsonSyntax() {
    assertThat(validator.validateJson("{\"version\":")).extracting(Violation::rule).containsExactly("json-syntax");
  }

  @Test
  void validateJson_wrongTypeTheSchemaMisses_readerReportsIt() {
    // JSON Schema treats 2.0 as the integer 2; the proto parser and our reader do not.
    assertThat(validator.validateJson("{\"version\":2.0}")).extracting(Violation::path, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.version", "json-type"));
  }

  @Test
  void validate_emptySpace_accepted() {
    assertThat(validator.validate(GenieSpace.empty())).isEmpty();
    assertThat(validator.validateJson("{\"version\":1,\"data_sources\":{}}")).isEmpty();
  }

  @Test
  void requireValid_invalid_throwsWithEveryViolation() {
    GenieSpace s = GenieSpace.parse(space("\"title\":\"x\",\"config\":{\"sample_questions\":[{\"id\":\"q1\","
        + "\"question\":[\"q\"]}]}"));
    assertThatThrownBy(() -> validator.requireValid(s)).isInstanceOf(ValidationException.class)
        .satisfies(e -> assertThat(((ValidationException) e).violations()).extracting(Violation::rule)
            .containsExactlyInAnyOrder("unknown-field", "id-format"));
    assertThat(validator.requireValid(GenieSpace.empty())).isEqualTo(GenieSpace.empty());
  }

  @Test
  void builder_negativeLimit_throwsNamingIt() {
    assertThatThrownBy(() -> SpaceValidator.builder().maxSnippets(-1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxSnippets");
    assertThatThrownBy(() -> SpaceValidator.builder().catalog(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("catalog");
  }

  @Test
  void toBuilder_keepsSettings() {
    SpaceValidator strict = SpaceValidator.builder().maxDataObjects(1).build();
    GenieSpace two = GenieSpace.empty().withTables(List.of(DataObject.of("c.s.a"), DataObject.of("c.s.b")));
    assertThat(strict.toBuilder().build().validate(two)).extracting(Violation::rule)
        .containsExactly("max-data-objects");
    assertThat(strict.toBuilder().maxDataObjects(2).build().validate(two)).isEmpty();
  }
}
