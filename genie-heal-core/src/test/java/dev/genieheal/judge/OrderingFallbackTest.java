package dev.genieheal.judge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OrderingFallbackTest {

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(delimiter = '|', value = {
      "SELECT a FROM t ORDER BY a | true",
      "SELECT a FROM t ORDER BY a DESC LIMIT 10 | true",
      "select a from t order by a nulls last limit 5 offset 2 | true",
      "SELECT a FROM t | false",
      "SELECT a FROM t LIMIT 10 | false",
      "SELECT * FROM (SELECT a FROM t ORDER BY a) | false",
      "WITH x AS (SELECT a FROM t ORDER BY a) SELECT a FROM x | false",
      "SELECT ROW_NUMBER() OVER (ORDER BY a) FROM t | false",
      "SELECT 'ORDER BY a' FROM t | false",
      "SELECT a FROM t -- ORDER BY a | false",
      "SELECT a FROM t /* ORDER BY a */ | false",
      "SELECT `order by` FROM t | false",
      "SELECT a FROM t UNION ALL SELECT b FROM u ORDER BY 1 | true",
      "SELECT a FROM t ORDER BY a) x WHERE (( | false",
      "SELECT a FROM t TABLESAMPLE (10 PERCENT) ORDER BY a | true",
  })
  void endsWithTopLevelOrderBy_sql_matchesExpectation(String sql, boolean ordered) {
    assertThat(OrderingFallback.endsWithTopLevelOrderBy(sql)).isEqualTo(ordered);
  }
}
