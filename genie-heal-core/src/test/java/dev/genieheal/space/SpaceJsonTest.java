package dev.genieheal.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SpaceJsonTest {

  private static List<Violation> violationsOf(Runnable r) {
    try {
      r.run();
    } catch (ValidationException e) {
      return e.violations();
    }
    throw new AssertionError("expected a ValidationException");
  }

  @Test
  void parse_realExports_writeBackTheSameTreeModuloEmpties() {
    for (String name : RealExports.names()) {
      String json = RealExports.serializedSpace(name);
      String written = GenieSpace.parse(json).toJson();
      assertThat(JsonTrees.tree(written)).as(name).isEqualTo(JsonTrees.withoutEmpties(JsonTrees.tree(json)));
    }
  }

  @Test
  void parse_fullFixture_exposesEveryFeature() {
    GenieSpace s = Fixtures.full();
    assertThat(s.version()).isEqualTo(2);
    assertThat(s.sampleQuestions()).hasSize(2);
    assertThat(s.tables()).extracting(DataObject::identifier).containsExactly("shop.sales.orders", "shop.sales.stores");
    assertThat(s.metricViews()).hasSize(1);
    DataObject orders = s.tables().get(0);
    assertThat(orders.descriptionText()).isEqualTo("One row per order line.\nAmounts are in EUR.");
    assertThat(orders.column("AMOUNT")).get().extracting(ColumnConfig::synonyms).isEqualTo(List.of("revenue", "sales"));
    assertThat(orders.column("store_id").orElseThrow().enableEntityMatching()).isFalse();
    assertThat(orders.column("order_date").orElseThrow().enableEntityMatching()).isNull();
    assertThat(s.textInstruction().orElseThrow().content()).hasSize(3);
    Parameter p = s.exampleQuestionSqls().get(0).parameters().get(0);
    assertThat(p).isEqualTo(new Parameter("region", "STRING", List.of("Sales region name"), List.of("North"), null));
    assertThat(s.exampleQuestionSqls().get(0).usageGuidance()).hasSize(1);
    assertThat(s.instructions().sqlFunctions()).hasSize(1);
    assertThat(s.joinSpecs().get(0).relationshipType()).contains(RelationshipType.MANY_TO_ONE);
    assertThat(s.sqlSnippets().size()).isEqualTo(3);
    assertThat(s.benchmarkQuestions().get(0).sqlAnswer()).contains("SELECT SUM(amount) AS revenue\nFROM shop.sales.orders");
  }

  @Test
  void toJson_fullFixture_keepsTheApiKeyOrder() {
    String json = Fixtures.full().toJson();
    assertThat(json).startsWith("{\"version\":2,\"config\":");
    assertThat(json.indexOf("\"data_sources\"")).isLessThan(json.indexOf("\"instructions\""));
    assertThat(json.indexOf("\"instructions\"")).isLessThan(json.indexOf("\"benchmarks\""));
    assertThat(json).contains("{\"column_name\":\"store_id\",\"enable_format_assistance\":false,"
        + "\"enable_entity_matching\":false}");
  }

  @Test
  void toPrettyJson_fullFixture_parsesBackEqual() {
    GenieSpace s = Fixtures.full();
    assertThat(GenieSpace.parse(s.toPrettyJson())).isEqualTo(s);
    assertThat(s.toPrettyJson()).contains("\n");
  }

  @Test
  void parse_unknownFieldsAtEveryLevel_keptAndWrittenBackAfterKnownOnes() {
    String json = "{\"version\":2,\"config\":{\"sample_questions\":[{\"id\":\"a\",\"question\":[\"q\"],\"x\":1}],"
        + "\"y\":{\"n\":1.50,\"l\":[true,null,\"s\"]}},\"title\":\"t\"}";
    GenieSpace s = GenieSpace.parse(json);
    assertThat(s.unknown().fields()).containsEntry("title", "t");
    assertThat(s.sampleQuestions().get(0).unknown().fields()).containsEntry("x", 1L);
    Map<?, ?> y = (Map<?, ?>) s.config().unknown().fields().get("y");
    assertThat(y.get("n")).isEqualTo(new BigDecimal("1.50"));
    assertThat(s.toJson()).isEqualTo(json);
  }

  @Test
  void parse_parameterWithOtherDefaultShape_keepsItWhole() {
    String json = "{\"version\":2,\"instructions\":{\"example_question_sqls\":[{\"id\":\"a\",\"parameters\":"
        + "[{\"name\":\"d\",\"default_value\":{\"min\":\"1\",\"max\":\"2\"}}]}]}}";
    GenieSpace s = GenieSpace.parse(json);
    Parameter p = s.exampleQuestionSqls().get(0).parameters().get(0);
    assertThat(p.defaultValues()).isEmpty();
    assertThat(p.unknown().fields()).containsKey("default_value");
    assertThat(s.toJson()).isEqualTo(json);
  }

  @Test
  void parse_stringArrays_keepLineSplittingAndNullElements() {
    String json = "{\"version\":2,\"instructions\":{\"text_instructions\":[{\"id\":\"a\","
        + "\"content\":[\"a\\n\",\"\",null,\"b\"]}]}}";
    GenieSpace s = GenieSpace.parse(json);
    assertThat(s.textInstruction().orElseThrow().content()).containsExactly("a\n", "", null, "b");
    assertThat(s.toJson()).isEqualTo(json);
  }

  @Test
  void parse_missingIds_readAsNull() {
    GenieSpace s = GenieSpace.parse("{\"version\":2,\"config\":{\"sample_questions\":[{\"question\":[\"q\"]}]}}");
    assertThat(s.sampleQuestions().get(0).id()).isNull();
  }

  @Test
  void toJson_emptySectionsAndLists_writtenAsAbsent() {
    GenieSpace s = GenieSpace.parse("{\"version\":2,\"config\":{\"sample_questions\":[]},\"data_sources\":{}}");
    assertThat(s.toJson()).isEqualTo("{\"version\":2}");
    assertThat(GenieSpace.empty().toJson()).isEqualTo("{\"version\":2}");
  }

  @Test
  void parse_bareStringWhereArrayExpected_namesPathWithApiText() {
    List<Violation> v = violationsOf(() -> GenieSpace.parse(
        "{\"version\":2,\"config\":{\"sample_questions\":[{\"id\":\"a\",\"question\":\"How many?\"}]}}"));
    assertThat(v).containsExactly(new Violation("$.config.sample_questions[0].question", "json-type",
        "Expected an array for question but found \"How many?\""));
  }

  @Test
  void parse_objectWhereListExpected_namesPath() {
    List<Violation> v = violationsOf(() -> GenieSpace.parse("{\"version\":2,\"data_sources\":{\"tables\":{}}}"));
    assertThat(v).extracting(Violation::path, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.data_sources.tables", "json-type"));
  }

  @Test
  void parse_nonIntegerVersion_namesVersion() {
    List<Violation> v = violationsOf(() -> GenieSpace.parse("{\"version\":\"2\"}"));
    assertThat(v).containsExactly(new Violation("$.version", "json-type",
        "Expected an integer for version but found \"2\""));
  }

  @Test
  void parse_missingVersion_isRequired() {
    assertThat(violationsOf(() -> GenieSpace.parse("{}"))).extracting(Violation::rule)
        .containsExactly("required-field");
  }

  @Test
  void parse_wrongScalarTypes_reportsEveryOne() {
    List<Violation> v = violationsOf(() -> GenieSpace.parse("{\"version\":2,\"data_sources\":{\"tables\":["
        + "{\"identifier\":1,\"column_configs\":[{\"column_name\":\"c\",\"exclude\":\"yes\"}]}, 3]}}"));
    assertThat(v).extracting(Violation::path).containsExactly("$.data_sources.tables[0].identifier",
        "$.data_sources.tables[0].column_configs[0].exclude", "$.data_sources.tables[1]");
  }

  @Test
  void parse_malformedJson_isSyntaxViolationAtRoot() {
    List<Violation> v = violationsOf(() -> GenieSpace.parse("{\"version\": 2,"));
    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.path()).isEqualTo("$");
      assertThat(x.rule()).isEqualTo("json-syntax");
      assertThat(x.message()).contains("line 1");
    });
  }

  @Test
  void parse_duplicateKey_isSyntaxViolation() {
    assertThat(violationsOf(() -> GenieSpace.parse("{\"version\":2,\"version\":1}"))).extracting(Violation::rule)
        .containsExactly("json-syntax");
  }

  @Test
  void parse_trailingGarbage_isSyntaxViolation() {
    assertThat(violationsOf(() -> GenieSpace.parse("{\"version\":2} x"))).extracting(Violation::rule)
        .containsExactly("json-syntax");
  }

  @Test
  void parse_notAnObject_isTypeViolation() {
    assertThat(violationsOf(() -> GenieSpace.parse("[1]"))).extracting(Violation::path, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$", "json-type"));
  }

  @Test
  void envelope_parse_readsMetadataAndStringExport() {
    String inner = "{\"version\":2,\"config\":{\"sample_questions\":[{\"id\":\"a\",\"question\":[\"q\"]}]}}";
    String body = "{\"space_id\":\"s1\",\"title\":\"T\",\"description\":\"D\",\"warehouse_id\":\"w\","
        + "\"parent_path\":\"/Users/x\",\"etag\":\"e1\",\"create_time\":\"2026-01-01\",\"serialized_space\":"
        + quote(inner) + "}";
    SpaceEnvelope e = SpaceEnvelope.parse(body);
    assertThat(e).extracting(SpaceEnvelope::spaceId, SpaceEnvelope::title, SpaceEnvelope::description,
        SpaceEnvelope::warehouseId, SpaceEnvelope::parentPath, SpaceEnvelope::etag)
        .containsExactly("s1", "T", "D", "w", "/Users/x", "e1");
    assertThat(e.unknown().fields()).containsEntry("create_time", "2026-01-01");
    assertThat(e.space()).get().extracting(GenieSpace::toJson).isEqualTo(inner);
  }

  @Test
  void envelope_withoutExport_hasNoSpace() {
    assertThat(SpaceEnvelope.parse("{\"space_id\":\"s1\"}").space()).isEmpty();
  }

  @Test
  void envelope_exportAsObject_readsTheSame() {
    SpaceEnvelope e = SpaceEnvelope.parse("{\"space_id\":\"s\",\"serialized_space\":{\"version\":2}}");
    assertThat(e.space()).contains(GenieSpace.empty());
  }

  @Test
  void envelope_nestedError_pathPrefixedWithSerializedSpace() {
    SpaceEnvelope e = SpaceEnvelope.parse("{\"serialized_space\":" + quote(
        "{\"version\":2,\"config\":{\"sample_questions\":[{\"id\":\"a\",\"question\":\"q\"}]}}") + "}");
    assertThat(violationsOf(e::space)).extracting(Violation::path)
        .containsExactly("$.serialized_space.config.sample_questions[0].question");
  }

  @Test
  void envelope_nestedMalformed_pathIsSerializedSpace() {
    SpaceEnvelope e = SpaceEnvelope.parse("{\"serialized_space\":\"{not json\"}");
    assertThat(violationsOf(e::space)).extracting(Violation::path, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.serialized_space", "json-syntax"));
  }

  @Test
  void envelope_wrongTypes_namePath() {
    assertThat(violationsOf(() -> SpaceEnvelope.parse("{\"etag\":5,\"serialized_space\":[1]}")))
        .extracting(Violation::path).containsExactlyInAnyOrder("$.etag", "$.serialized_space");
  }

  @Test
  void envelope_realGetResponse_parses() {
    SpaceEnvelope e = SpaceEnvelope.parse(RealExports.read(RealExports.ENVELOPE));
    assertThat(e.spaceId()).isNotBlank();
    assertThat(e.space()).get().extracting(GenieSpace::version).isEqualTo(1);
  }

  private static String quote(String s) {
    return new com.fasterxml.jackson.databind.node.TextNode(s).toString();
  }
}
