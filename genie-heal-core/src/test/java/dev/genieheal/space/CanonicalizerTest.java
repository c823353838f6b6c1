package dev.genieheal.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CanonicalizerTest {

  private static GenieSpace parse(String body) {
    return GenieSpace.parse(body);
  }

  @Test
  void canonicalize_v1Space_migratesVersionAndFlags() {
    GenieSpace s = parse("{\"version\":1,\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.t\",\"column_configs\":"
        + "[{\"column_name\":\"a\",\"get_example_values\":true,\"build_value_dictionary\":false}]}]}}")
        .canonicalize();
    assertThat(s.version()).isEqualTo(2);
    ColumnConfig c = s.tables().get(0).columnConfigs().get(0);
    assertThat(c).isEqualTo(new ColumnConfig("a", null, null, null, true, false, null, null, null));
  }

  @Test
  void canonicalize_v1AndV2FlagsBothSet_keepsTheV2Value() {
    GenieSpace s = parse("{\"version\":2,\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.t\",\"column_configs\":"
        + "[{\"column_name\":\"a\",\"enable_format_assistance\":false,\"get_example_values\":true}]}]}}")
        .canonicalize();
    ColumnConfig c = s.tables().get(0).columnConfigs().get(0);
    assertThat(c.enableFormatAssistance()).isFalse();
    assertThat(c.getExampleValues()).isNull();
  }

  @Test
  void canonicalize_unsortedLists_sortsByApiKey() {
    GenieSpace s = parse("{\"version\":2,\"config\":{\"sample_questions\":[{\"id\":\"b\",\"question\":[\"q\"]},"
        + "{\"id\":\"a\",\"question\":[\"q\"]}]},\"data_sources\":{\"tables\":[{\"identifier\":\"c.s.z\","
        + "\"column_configs\":[{\"column_name\":\"y\"},{\"column_name\":\"X\"}]},{\"identifier\":\"c.s.a\"}]},"
        + "\"instructions\":{\"sql_functions\":[{\"id\":\"2\",\"identifier\":\"c.s.f\"},{\"id\":\"1\","
        + "\"identifier\":\"c.s.g\"}],\"example_question_sqls\":[{\"id\":\"e\",\"parameters\":[{\"name\":\"b\"},"
        + "{\"name\":\"a\"}]}]}}").canonicalize();
    assertThat(s.sampleQuestions()).extracting(SampleQuestion::id).containsExactly("a", "b");
    assertThat(s.tables()).extracting(DataObject::identifier).containsExactly("c.s.a", "c.s.z");
    // Plain string comparison: upper case sorts first.
    assertThat(s.tables().get(1).columnConfigs()).extracting(ColumnConfig::columnName).containsExactly("X", "y");
    assertThat(s.instructions().sqlFunctions()).extracting(SqlFunction::id).containsExactly("1", "2");
    assertThat(s.exampleQuestionSqls().get(0).parameters()).extracting(Parameter::name).containsExactly("a", "b");
  }

  @Test
  void canonicalize_nullsAndEmptyStrings_droppedWithoutChangingText() {
    GenieSpace s = parse("{\"version\":2,\"config\":{\"sample_questions\":[null,{\"id\":\"a\",\"question\":"
        + "[\"How \",\"\",null,\"many?\"]}]}}").canonicalize();
    assertThat(s.sampleQuestions()).singleElement().satisfies(q -> {
      assertThat(q.question()).containsExactly("How ", "many?");
      assertThat(q.text()).isEqualTo("How many?");
    });
  }

  @Test
  void canonicalize_emptyTextInstruction_dropped() {
    GenieSpace s = parse("{\"version\":2,\"instructions\":{\"text_instructions\":[{\"id\":\"a\",\"content\":[\"\"]}]}}")
        .canonicalize();
    assertThat(s.textInstruction()).isEmpty();
    assertThat(s.toJson()).isEqualTo("{\"version\":2}");
  }

  @Test
  void canonicalize_joinSql_keepsPositionsAndEmptyCondition() {
    JoinSpec j = new JoinSpec("a", JoinSide.of("c.s.l"), JoinSide.of("c.s.r"),
        Arrays.asList("", null, RelationshipType.ONE_TO_ONE.marker()), null, null, null);
    GenieSpace s = GenieSpace.empty().withInstructions(Instructions.empty().withJoinSpecs(List.of(j)))
        .canonicalize();
    assertThat(s.joinSpecs().get(0).sql()).containsExactly("", RelationshipType.ONE_TO_ONE.marker());
  }

  @Test
  void canonicalize_keepsUnknownFieldsAndDuplicates() {
    GenieSpace s = parse("{\"version\":2,\"x\":1,\"config\":{\"sample_questions\":[{\"id\":\"a\",\"question\":"
        + "[\"q\"]},{\"id\":\"a\",\"question\":[\"r\"]}]}}").canonicalize();
    assertThat(s.unknown().fields()).containsEntry("x", 1L);
    assertThat(s.sampleQuestions()).extracting(SampleQuestion::text).containsExactly("q", "r");
  }

  @Test
  void canonicalize_vibeCodingExport_sortedAscendingAndMigrated() {
    GenieSpace s = GenieSpace.parse(RealExports.serializedSpace(RealExports.ENVELOPE)).canonicalize();
    assertThat(s.version()).isEqualTo(2);
    assertThat(s.sampleQuestions()).extracting(SampleQuestion::id).isSorted();
    assertThat(s.benchmarkQuestions()).extracting(BenchmarkQuestion::id).isSorted();
    assertThat(s.dataObjects()).flatExtracting(DataObject::columnConfigs)
        .allSatisfy(c -> assertThat(c.getExampleValues()).isNull());
  }
}
