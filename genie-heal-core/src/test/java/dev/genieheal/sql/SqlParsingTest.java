package dev.genieheal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class SqlParsingTest {

  @Test
  void statements_ordinaryQuery_parsesOnCallingThread() {
    assertThat(SqlParsing.single("SELECT region, SUM(amount) FROM orders GROUP BY region")).isPresent();
  }

  @Test
  void statements_nestingBeyondInlineLimit_stillParsesOnExecutor() {
    String sql = "SELECT " + "(".repeat(12) + "a" + ")".repeat(12) + " FROM t";

    assertThat(SqlParsing.single(sql)).isPresent();
  }

  @Test
  void statements_textBeyondInlineLimit_stillParsesOnExecutor() {
    String columns = IntStream.range(0, 1_000).mapToObj(i -> "column_" + i).collect(Collectors.joining(", "));
    String sql = "SELECT " + columns + " FROM t";
    assertThat(sql.length()).isGreaterThan(SqlParsing.INLINE_MAX_CHARS);

    assertThat(SqlParsing.single(sql)).isPresent();
  }

  @Test
  void statements_unparseable_isEmptyAndRemembered() {
    String sql = "SELECT * FROM orders TABLESAMPLE (3 PERCENT)";

    assertThat(SqlParsing.statements(sql)).isEmpty();
    assertThat((Boolean) DerivedCache.SHARED.peek(sql, DerivedCache.Kind.PARSEABLE)).isFalse();
    assertThat(SqlParsing.statements(sql)).isEmpty();
  }

  @Test
  void statements_twoStatements_returnsBoth() {
    assertThat(SqlParsing.statements("SELECT 1; SELECT 2")).hasValueSatisfying(list -> assertThat(list).hasSize(2));
    assertThat(SqlParsing.single("SELECT 1; SELECT 2")).isEmpty();
  }
}
