package dev.genieheal.sql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.SqlExecutionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReadOnlySqlGuardTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      plain select      | SELECT region, SUM(amount) FROM shop.sales.orders GROUP BY region
      trailing ;        | SELECT 1;
      cte               | WITH x AS (SELECT a FROM t) SELECT * FROM x
      union             | SELECT a FROM t UNION ALL SELECT a FROM u
      parenthesised     | (SELECT a FROM t)
      backticks         | SELECT `c`.`region` FROM `shop`.`sales`.`customers` `c`
      date literal      | SELECT * FROM t WHERE d >= DATE '2024-01-01'
      interval          | SELECT * FROM t WHERE d >= current_date() - INTERVAL 30 DAYS
      qualify           | SELECT a, ROW_NUMBER() OVER (PARTITION BY b ORDER BY c) rn FROM t QUALIFY rn = 1
      parameter         | SELECT * FROM t WHERE region = :region
      measure           | SELECT MEASURE(total_revenue) FROM cat.sch.mv GROUP BY ALL
      keyword in string | SELECT * FROM t WHERE note = 'please DROP TABLE t; DELETE'
      keyword in comment| SELECT a FROM t -- we never UPDATE here
      column named set  | SELECT `set`, `update` FROM t
      tablesample       | SELECT * FROM shop.sales.orders TABLESAMPLE (10 PERCENT)
      tablesample cte   | WITH s AS (SELECT * FROM t TABLESAMPLE (5 ROWS)) SELECT count(*) FROM s
      """)
  void violation_readOnlyQuery_isAccepted(String name, String sql) {
    assertThat(ReadOnlySqlGuard.violation(sql)).isEmpty();
    assertThat(ReadOnlySqlGuard.check(sql)).isEqualTo(sql);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      empty               | ' '                                                             | empty
      insert              | INSERT INTO t VALUES (1)                                        | only a SELECT or WITH query
      update              | UPDATE t SET a = 1                                              | only a SELECT or WITH query
      delete              | DELETE FROM t WHERE a = 1                                       | only a SELECT or WITH query
      merge               | MERGE INTO t USING s ON t.a = s.a WHEN MATCHED THEN DELETE      | only a SELECT or WITH query
      drop                | DROP TABLE t                                                    | only a SELECT or WITH query
      create as select    | CREATE TABLE x AS SELECT * FROM t                               | only a SELECT or WITH query
      alter               | ALTER TABLE t ADD COLUMN c INT                                  | only a SELECT or WITH query
      truncate            | TRUNCATE TABLE t                                                | only a SELECT or WITH query
      grant               | GRANT SELECT ON t TO u                                          | only a SELECT or WITH query
      set                 | SET spark.sql.ansi.enabled = true                               | only a SELECT or WITH query
      use                 | USE shop                                                        | only a SELECT or WITH query
      call                | CALL p()                                                        | only a SELECT or WITH query
      optimize            | OPTIMIZE shop.sales.orders                                      | only a SELECT or WITH query
      vacuum              | VACUUM shop.sales.orders                                        | only a SELECT or WITH query
      describe            | DESCRIBE t                                                      | only a SELECT or WITH query
      show                | SHOW TABLES                                                     | only a SELECT or WITH query
      explain             | EXPLAIN SELECT 1                                                | only a SELECT or WITH query
      values              | VALUES (1)                                                      | only a SELECT or WITH query
      two selects         | SELECT 1; SELECT 2                                              | only one statement
      select then drop    | SELECT 1; DROP TABLE t                                          | only one statement
      hidden after comment| SELECT 1 /* harmless */; DELETE FROM t                          | only one statement
      cte then insert     | WITH x AS (SELECT 1 AS a) INSERT INTO t SELECT a FROM x         | only a SELECT or WITH query
      select into         | SELECT * INTO backup FROM t                                     | INTO
      for update          | SELECT * FROM t FOR UPDATE                                      | locking
      unparseable drop    | SELECT * FROM t TABLESAMPLE (1 ROWS); DROP TABLE t              | only one statement
      unparseable write   | WITH s AS (SELECT * FROM t TABLESAMPLE (1 ROWS)) INSERT INTO u SELECT * FROM s | INSERT
      unparseable garbage | hello world                                                     | does not start with SELECT
      unclosed string     | SELECT * FROM t TABLESAMPLE (1 ROWS) WHERE a = 'x               | unterminated
      """)
  void violation_notOneReadOnlyQuery_isRefusedWithReason(String name, String sql, String reason) {
    assertThat(ReadOnlySqlGuard.violation(sql)).hasValueSatisfying(v -> assertThat(v).containsIgnoringCase(reason));
  }

  @Test
  void check_refusedSql_throwsSqlExecutionExceptionNamingTheReason() {
    assertThatThrownBy(() -> ReadOnlySqlGuard.check("DROP TABLE t"))
        .isInstanceOf(SqlExecutionException.class)
        .hasMessageContaining("read-only guard")
        .hasMessageContaining("only a SELECT or WITH query");
  }

  @Test
  void violation_null_isRefused() {
    assertThat(ReadOnlySqlGuard.violation(null)).contains("SQL is empty");
  }
}
