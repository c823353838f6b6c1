package dev.genieheal.fix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class FixJsonTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static List<Fix> allKinds() {
    return FixSamples.all();
  }

  @ParameterizedTest
  @MethodSource("allKinds")
  void read_writtenFix_returnsEqualFix(Fix fix) {
    assertThat(FixJson.read(FixJson.write(fix))).isEqualTo(fix);
  }

  @Test
  void readAll_writeAllOfEveryKind_returnsSameList() {
    ParsedFixes parsed = FixJson.readAll(FixJson.writeAll(FixSamples.all()));

    assertThat(parsed.isComplete()).isTrue();
    assertThat(parsed.fixes()).isEqualTo(FixSamples.all());
  }

  @Test
  void schema_definesExactlyTheRecordTypes() throws Exception {
    JsonNode schema = MAPPER.readTree(FixJson.schema());
    List<String> defined = new ArrayList<>();
    schema.get("oneOf").forEach(b -> defined.add(b.get("$ref").asText().replace("#/$defs/", "")));

    assertThat(defined).containsExactlyElementsOf(
        FixSamples.all().stream().map(Fix::type).collect(Collectors.toList()));
  }

  @Test
  void schema_everyFixPropertyIsDescribed() throws Exception {
    JsonNode defs = MAPPER.readTree(FixJson.schema()).get("$defs");
    List<String> undescribed = new ArrayList<>();
    for (Fix fix : FixSamples.all()) {
      JsonNode def = defs.get(fix.type());
      assertThat(def.has("description")).as(fix.type()).isTrue();
      def.get("properties").properties().forEach(e -> {
        JsonNode p = e.getValue();
        boolean described = p.has("description") || e.getKey().equals("type")
            || (p.has("$ref") && defs.get(p.get("$ref").asText().replace("#/$defs/", "")).has("description"));
        if (!described) {
          undescribed.add(fix.type() + "." + e.getKey());
        }
      });
    }
    assertThat(undescribed).isEmpty();
  }

  @Test
  void write_joinSpec_usesEnumNameAndSnakeCase() throws Exception {
    JsonNode node = MAPPER.readTree(FixJson.write(FixSamples.joinSpec()));

    assertThat(node.get("type").asText()).isEqualTo("join_spec");
    assertThat(node.get("relationship").asText()).isEqualTo("MANY_TO_ONE");
    assertThat(node.get("left_table").asText()).isEqualTo(FixSamples.ORDERS);
    assertThat(node.has("replaces_id")).isFalse();
    assertThat(node.get("benchmark_ids").get(0).asText()).isEqualTo("b5");
  }

  @Test
  void write_exampleSqlParameters_useSpaceExportShape() throws Exception {
    JsonNode param = MAPPER.readTree(FixJson.write(FixSamples.exampleSql())).get("parameters").get(0);

    assertThat(param.get("name").asText()).isEqualTo("region");
    assertThat(param.get("type_hint").asText()).isEqualTo("STRING");
    assertThat(param.get("description").get(0).asText()).isEqualTo("Customer region");
    assertThat(param.get("default_value").get("values").get(0).asText()).isEqualTo("EMEA");
  }

  @Test
  void read_optionalFieldsNullOrAbsent_defaults() {
    Fix fix = FixJson.read("{\"type\":\"join_spec\",\"left_table\":\"a.b.c\",\"left_column\":\"x\","
        + "\"right_table\":\"a.b.d\",\"right_column\":\"y\",\"relationship\":\"ONE_TO_ONE\",\"replaces_id\":null,"
        + "\"reason\":\"r\"}");

    assertThat(fix).isInstanceOfSatisfying(JoinSpecFix.class, j -> {
      assertThat(j.replacesId()).isNull();
      assertThat(j.comment()).isEmpty();
      assertThat(j.benchmarkIds()).isEmpty();
    });
  }

  @Test
  void read_malformedJson_namesSyntaxError() {
    assertThat(violations(() -> FixJson.read("{\"type\": "))).singleElement()
        .satisfies(v -> {
          assertThat(v.path()).isEqualTo("$");
          assertThat(v.rule()).isEqualTo("json-syntax");
        });
  }

  @Test
  void read_emptyText_namesSyntaxError() {
    assertThat(violations(() -> FixJson.read("  "))).extracting(Violation::rule).containsExactly("json-syntax");
  }

  @Test
  void read_trailingGarbage_namesSyntaxError() {
    String json = FixJson.write(FixSamples.sampleQuestion()) + " extra";
    assertThat(violations(() -> FixJson.read(json))).extracting(Violation::rule).containsExactly("json-syntax");
  }

  @Test
  void read_duplicateKey_namesSyntaxError() {
    String json = "{\"type\":\"sample_question\",\"question\":\"a\",\"question\":\"b\",\"reason\":\"\"}";
    assertThat(violations(() -> FixJson.read(json))).extracting(Violation::rule).containsExactly("json-syntax");
  }

  @Test
  void read_notAnObject_namesType() {
    assertThat(violations(() -> FixJson.read("[1]"))).singleElement()
        .isEqualTo(new Violation("$", "type", "expected a fix object but found array"));
  }

  @Test
  void read_unknownType_listsKnownTypes() {
    assertThat(violations(() -> FixJson.read("{\"type\":\"drop_table\",\"reason\":\"x\"}"))).singleElement()
        .satisfies(v -> {
          assertThat(v.path()).isEqualTo("$.type");
          assertThat(v.rule()).isEqualTo("enum");
          assertThat(v.message()).contains("drop_table").contains("column_synonyms");
        });
  }

  static Stream<Arguments> badElements() {
    String join = "{\"type\":\"join_spec\",\"left_table\":\"a.b.c\",\"left_column\":\"x\",\"right_table\":\"a.b.d\","
        + "\"right_column\":\"y\",";
    return Stream.of(
        Arguments.of("missing type", "{\"reason\":\"x\"}", "$.type", "required"),
        Arguments.of("missing field", "{\"type\":\"column_synonyms\",\"table\":\"a.b.c\",\"synonyms\":[\"x\"],"
            + "\"reason\":\"r\"}", "$.column", "required"),
        Arguments.of("unknown field", "{\"type\":\"sample_question\",\"question\":\"q\",\"reason\":\"r\","
            + "\"title\":\"t\"}", "$.title", "additionalProperties"),
        Arguments.of("bare string for a list", "{\"type\":\"column_synonyms\",\"table\":\"a.b.c\","
            + "\"column\":\"c\",\"synonyms\":\"revenue\",\"reason\":\"r\"}", "$.synonyms", "type"),
        Arguments.of("unknown enum value", join + "\"relationship\":\"SOME\",\"reason\":\"r\"}",
            "$.relationship", "enum"),
        Arguments.of("two-part table", "{\"type\":\"table_description\",\"table\":\"sales.orders\","
            + "\"description\":\"d\",\"reason\":\"r\"}", "$.table", "pattern"),
        Arguments.of("oversize text", "{\"type\":\"text_instruction\",\"rule\":\"" + "x".repeat(25_001)
            + "\",\"reason\":\"r\"}", "$.rule", "maxLength"),
        Arguments.of("friendly id", join + "\"relationship\":\"ONE_TO_ONE\",\"replaces_id\":\"j1\","
            + "\"reason\":\"r\"}", "$.replaces_id", "pattern"),
        Arguments.of("nested wrong type", "{\"type\":\"example_sql\",\"question\":\"q\",\"sql\":\"SELECT 1\","
            + "\"parameters\":[{\"name\":\"p\",\"description\":\"not a list\"}],\"reason\":\"r\"}",
            "$.parameters[0].description", "type"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badElements")
  void read_badElement_namesPathAndRule(String name, String json, String path, String rule) {
    assertThat(violations(() -> FixJson.read(json)))
        .extracting(Violation::path, Violation::rule)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(path, rule));
  }

  @Test
  void read_blankText_namesField() {
    assertThat(violations(() -> FixJson.read("{\"type\":\"text_instruction\",\"rule\":\"   \",\"reason\":\"r\"}")))
        .extracting(Violation::path).containsOnly("$.rule");
  }

  @Test
  void read_columnFlagsWithoutAnyFlag_isRejected() {
    assertThat(violations(() -> FixJson.read("{\"type\":\"column_flags\",\"table\":\"a.b.c\",\"column\":\"c\","
        + "\"exclude\":null,\"reason\":\"r\"}")))
        .isNotEmpty()
        .allSatisfy(v -> assertThat(v.path()).startsWith("$"));
  }

  @Test
  void readAll_oneBadElement_keepsTheOthersAndNamesIndex() {
    String json = "[" + FixJson.write(FixSamples.sampleQuestion()) + ","
        + "{\"type\":\"column_synonyms\",\"column\":\"c\",\"synonyms\":[\"x\"],\"reason\":\"r\"},"
        + "42,"
        + FixJson.write(FixSamples.textInstruction()) + "]";

    ParsedFixes parsed = FixJson.readAll(json);

    assertThat(parsed.fixes()).containsExactly(FixSamples.sampleQuestion(), FixSamples.textInstruction());
    assertThat(parsed.violations()).extracting(Violation::path).containsExactly("$[1].table", "$[2]");
    assertThat(parsed.unreadable()).hasSize(2).allSatisfy(r -> assertThat(r.fix()).isNull());
    assertThat(parsed.unreadable().get(1).proposal()).isEqualTo("42");
    assertThat(parsed.isComplete()).isFalse();
    assertThatThrownBy(parsed::requireAll).isInstanceOf(ValidationException.class).hasMessageContaining("$[1].table");
  }

  @Test
  void readAll_notAnArray_throws() {
    assertThat(violations(() -> FixJson.readAll(FixJson.write(FixSamples.sampleQuestion()))))
        .singleElement().satisfies(v -> assertThat(v.message()).contains("array"));
  }

  @Test
  void readAll_emptyArray_isComplete() {
    ParsedFixes parsed = FixJson.readAll("[]");
    assertThat(parsed.fixes()).isEmpty();
    assertThat(parsed.requireAll()).isEmpty();
  }

  private static List<Violation> violations(Runnable call) {
    try {
      call.run();
    } catch (ValidationException e) {
      return e.violations();
    }
    throw new AssertionError("expected a ValidationException");
  }
}
