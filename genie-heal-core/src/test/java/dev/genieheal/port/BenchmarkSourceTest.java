package dev.genieheal.port;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.doubles.ShopWorld;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import dev.genieheal.space.BenchmarkQuestion;
import dev.genieheal.space.Benchmarks;
import dev.genieheal.space.GenieSpace;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchmarkSourceTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws Exception {
    return Files.writeString(dir.resolve(name), content);
  }

  private static Violation onlyViolation(ThrowingCallable load) {
    ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class, load);
    assertThat(e).as("expected a ValidationException").isNotNull();
    assertThat(e.violations()).hasSize(1);
    return e.violations().get(0);
  }

  @Test
  void fromSpace_readsIdQuestionAndSql() {
    assertThat(BenchmarkSource.fromSpace(ShopWorld.space()).load()).isEqualTo(ShopWorld.BENCHMARKS);
  }

  @Test
  void fromSpace_questionWithoutSqlAnswer_namesItsPath() {
    GenieSpace space = GenieSpace.empty().withBenchmarks(new Benchmarks(List.of(
        new BenchmarkQuestion("a1", List.of("how many?"), List.of(), null)), null));
    Violation v = onlyViolation(() -> BenchmarkSource.fromSpace(space).load());
    assertThat(v.path()).isEqualTo("$.benchmarks.questions[0].answer");
    assertThat(v.rule()).isEqualTo("benchmark-missing-field");
  }

  @Test
  void json_array_readsEntriesIgnoringExtraFields() throws Exception {
    Path file = write("b.json", """
        [{"id": "q1", "question": "How many?", "expected_sql": "SELECT 1", "category": "count"},
         {"id": 2, "question": "Top 5", "expected_sql": "SELECT 2"}]""");
    assertThat(BenchmarkSource.json(file).load()).containsExactly(
        new Benchmark("q1", "How many?", "SELECT 1"), new Benchmark("2", "Top 5", "SELECT 2"));
  }

  @Test
  void json_missingField_namesJsonPathAndField() throws Exception {
    Path file = write("b.json", "[{\"id\": \"q1\", \"question\": \"How many?\"}]");
    ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
        () -> BenchmarkSource.json(file).load());
    assertThat(e.getMessage()).contains(file.toString());
    assertThat(e.violations()).singleElement().satisfies(v -> {
      assertThat(v.path()).isEqualTo("$[0].expected_sql");
      assertThat(v.rule()).isEqualTo("benchmark-missing-field");
    });
  }

  @Test
  void json_wrongType_namesJsonPath() throws Exception {
    Path file = write("b.json", "[{\"id\": \"q1\", \"question\": [\"a\"], \"expected_sql\": \"SELECT 1\"}]");
    Violation v = onlyViolation(() -> BenchmarkSource.json(file).load());
    assertThat(v.path()).isEqualTo("$[0].question");
    assertThat(v.rule()).isEqualTo("benchmark-wrong-type");
  }

  @Test
  void json_blankValue_isMissing() throws Exception {
    Path file = write("b.json", "[{\"id\": \"q1\", \"question\": \" \", \"expected_sql\": \"SELECT 1\"}]");
    assertThat(onlyViolation(() -> BenchmarkSource.json(file).load()).path()).isEqualTo("$[0].question");
  }

  @Test
  void json_duplicateId_namesBothEntries() throws Exception {
    Path file = write("b.json", """
        [{"id": "q1", "question": "a", "expected_sql": "SELECT 1"},
         {"id": "q1", "question": "b", "expected_sql": "SELECT 2"}]""");
    Violation v = onlyViolation(() -> BenchmarkSource.json(file).load());
    assertThat(v.path()).isEqualTo("$[1].id");
    assertThat(v.rule()).isEqualTo("benchmark-duplicate-id");
    assertThat(v.message()).contains("$[0]");
  }

  @Test
  void json_malformed_namesLineAndColumn() throws Exception {
    Path file = write("b.json", "[\n{\"id\": \"q1\",, }]");
    Violation v = onlyViolation(() -> BenchmarkSource.json(file).load());
    assertThat(v.rule()).isEqualTo("benchmark-malformed-json");
    assertThat(v.message()).contains("line 2");
  }

  @Test
  void json_notAnArray_isRefused() throws Exception {
    Path file = write("b.json", "{\"id\": \"q1\"}");
    assertThat(onlyViolation(() -> BenchmarkSource.json(file).load()).message()).contains("array");
  }

  @Test
  void json_everyProblemReportedAtOnce() throws Exception {
    Path file = write("b.json", "[{\"id\": \"q1\"}, {\"question\": \"x\", \"expected_sql\": 3}]");
    ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
        () -> BenchmarkSource.json(file).load());
    assertThat(e.violations()).extracting(Violation::path)
        .containsExactly("$[0].question", "$[0].expected_sql", "$[1].id", "$[1].expected_sql");
  }

  @Test
  void jsonLines_readsLinesSkippingBlankOnes() throws Exception {
    Path file = write("b.jsonl", """
        {"id": "q1", "question": "a", "expected_sql": "SELECT 1"}

        {"id": "q2", "question": "b", "expected_sql": "SELECT 2"}
        """);
    assertThat(BenchmarkSource.jsonLines(file).load()).extracting(Benchmark::id).containsExactly("q1", "q2");
  }

  @Test
  void jsonLines_badLine_namesTheLine() throws Exception {
    Path file = write("b.jsonl", "{\"id\": \"q1\", \"question\": \"a\", \"expected_sql\": \"SELECT 1\"}\n"
        + "{\"id\": \"q2\", \"question\": \"b\"}\nnot json\n");
    ValidationException e = org.assertj.core.api.Assertions.catchThrowableOfType(ValidationException.class,
        () -> BenchmarkSource.jsonLines(file).load());
    assertThat(e.violations()).extracting(Violation::path).containsExactly("line 2: $.expected_sql", "line 3");
  }

  @Test
  void csv_rfc4180Quoting_readsQuotesCommasAndLineBreaks() throws Exception {
    Path file = write("b.csv", "\uFEFFquestion,ID,expected_sql,notes\r\n"
        + "\"Revenue, by month\",q1,\"SELECT month,\r\n  sum(amount)\r\nFROM t GROUP BY 1\",x\r\n"
        + "\"Say \"\"hi\"\"\",q2,SELECT 'hi',\r\n");
    assertThat(BenchmarkSource.csv(file).load()).containsExactly(
        new Benchmark("q1", "Revenue, by month", "SELECT month,\r\n  sum(amount)\r\nFROM t GROUP BY 1"),
        new Benchmark("q2", "Say \"hi\"", "SELECT 'hi'"));
  }

  @Test
  void csv_missingHeaderColumn_namesIt() throws Exception {
    Path file = write("b.csv", "id,question,sql\nq1,a,SELECT 1\n");
    Violation v = onlyViolation(() -> BenchmarkSource.csv(file).load());
    assertThat(v.path()).isEqualTo("line 1");
    assertThat(v.message()).contains("expected_sql");
  }

  @Test
  void csv_wrongFieldCount_namesTheLine() throws Exception {
    Path file = write("b.csv", "id,question,expected_sql\nq1,a,SELECT 1\nq2,b\n");
    Violation v = onlyViolation(() -> BenchmarkSource.csv(file).load());
    assertThat(v.path()).isEqualTo("line 3");
    assertThat(v.rule()).isEqualTo("benchmark-malformed-csv");
  }

  @Test
  void csv_unterminatedQuote_namesWhereItStarted() throws Exception {
    Path file = write("b.csv", "id,question,expected_sql\nq1,a,SELECT 1\nq2,\"b,SELECT 2\n");
    Violation v = onlyViolation(() -> BenchmarkSource.csv(file).load());
    assertThat(v.path()).isEqualTo("line 3");
    assertThat(v.message()).contains("never closed");
  }

  @Test
  void csv_quoteInsideUnquotedField_isRefused() throws Exception {
    Path file = write("b.csv", "id,question,expected_sql\nq1,say \"hi\",SELECT 1\n");
    assertThat(onlyViolation(() -> BenchmarkSource.csv(file).load()).message()).contains("quote");
  }

  @Test
  void csv_blankField_namesLineAndColumn() throws Exception {
    Path file = write("b.csv", "id,question,expected_sql\nq1,,SELECT 1\n");
    assertThat(onlyViolation(() -> BenchmarkSource.csv(file).load()).path()).isEqualTo("line 2, column question");
  }

  @Test
  void csv_emptyFile_isRefused() throws Exception {
    Path file = write("b.csv", "");
    assertThat(onlyViolation(() -> BenchmarkSource.csv(file).load()).message()).contains("header");
  }

  @Test
  void file_byExtension_picksTheReader() throws Exception {
    Path json = write("b.JSON", "[{\"id\": \"q1\", \"question\": \"a\", \"expected_sql\": \"SELECT 1\"}]");
    Path jsonl = write("b.ndjson", "{\"id\": \"q1\", \"question\": \"a\", \"expected_sql\": \"SELECT 1\"}");
    Path csv = write("b.csv", "id,question,expected_sql\nq1,a,SELECT 1");
    Benchmark expected = new Benchmark("q1", "a", "SELECT 1");
    assertThat(BenchmarkSource.file(json).load()).containsExactly(expected);
    assertThat(BenchmarkSource.file(jsonl).load()).containsExactly(expected);
    assertThat(BenchmarkSource.file(csv).load()).containsExactly(expected);
  }

  @Test
  void file_unknownExtension_isRefusedNamingThePath() {
    assertThatThrownBy(() -> BenchmarkSource.file(dir.resolve("b.xlsx")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("b.xlsx");
  }

  @Test
  void load_missingFile_isNotFound() {
    assertThatThrownBy(() -> BenchmarkSource.json(dir.resolve("nope.json")).load())
        .isInstanceOf(NotFoundException.class).hasMessageContaining("nope.json");
  }
}
