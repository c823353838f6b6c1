package dev.genieheal.sql;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SqlNormalizerTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      case          | SELECT region, SUM(amount) FROM shop.sales.orders GROUP BY region | select REGION, sum(AMOUNT) from SHOP.SALES.ORDERS group by REGION
      whitespace    | SELECT a FROM t WHERE b = 1 | SELECT   a\\n FROM\\tt\\n  WHERE b=1
      semicolon     | SELECT a FROM t | SELECT a FROM t;
      backticks     | SELECT `region` FROM `shop`.`sales`.`orders` | SELECT region FROM shop.sales.orders
      table alias   | SELECT o.region FROM shop.sales.orders o | SELECT x.region FROM shop.sales.orders AS x
      alias vs name | SELECT o.region FROM shop.sales.orders o | SELECT region FROM shop.sales.orders
      join aliases  | SELECT c.name, SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c ON o.customer_id = c.id GROUP BY c.name | SELECT cu.name, SUM(ord.amount) FROM shop.sales.orders AS ord INNER JOIN shop.sales.customers AS cu ON ord.customer_id = cu.id GROUP BY cu.name
      left outer    | SELECT a.x FROM t a LEFT OUTER JOIN u b ON a.id = b.id | SELECT t.x FROM t LEFT JOIN u ON t.id = u.id
      parentheses   | SELECT a FROM t WHERE (b = 1) AND ((c = 2)) | SELECT a FROM t WHERE b = 1 AND c = 2
      root parens   | SELECT a FROM t WHERE (b = 1 OR c = 2) | SELECT a FROM t WHERE b = 1 OR c = 2
      atom parens   | SELECT (a) + (b) FROM t | SELECT a + b FROM t
      column alias  | SELECT SUM(amount) revenue FROM t | SELECT SUM(amount) AS revenue FROM t
      self alias    | SELECT region AS region FROM t | SELECT region FROM t
      cte           | WITH x AS (SELECT a FROM t) SELECT x.a FROM x | with X as (select T.a from T) select a from X
      subquery      | SELECT s.a FROM (SELECT a FROM t) s | SELECT q.a FROM (SELECT t.a FROM t) AS q
      equality sides | SELECT a FROM t WHERE b = c | SELECT a FROM t WHERE c = b
      literal side  | SELECT a FROM t WHERE 'East' = region | SELECT a FROM t WHERE region = 'East'
      on sides      | SELECT o.a FROM o JOIN c ON o.cid = c.id | SELECT o.a FROM o JOIN c ON c.id = o.cid
      not equal     | SELECT a FROM t WHERE b != 1 | SELECT a FROM t WHERE b <> 1
      not equal sides | SELECT a FROM t WHERE b != c | SELECT a FROM t WHERE c <> b
      conjuncts     | SELECT a FROM t WHERE b = 1 AND c > 2 AND d LIKE 'x%' | SELECT a FROM t WHERE d LIKE 'x%' AND b = 1 AND c > 2
      nested and    | SELECT a FROM t WHERE (b = 1 AND c = 2) AND d = 3 | SELECT a FROM t WHERE d = 3 AND (c = 2 AND b = 1)
      or conjunct   | SELECT a FROM t WHERE (b = 1 OR c = 2) AND d = 3 | SELECT a FROM t WHERE d = 3 AND (b = 1 OR c = 2)
      on conjuncts  | SELECT o.a FROM o JOIN c ON o.cid = c.id AND c.kind = 'x' | SELECT o.a FROM o JOIN c ON c.kind = 'x' AND c.id = o.cid
      having        | SELECT a FROM t GROUP BY a HAVING SUM(b) > 1 AND COUNT(*) > 2 | SELECT a FROM t GROUP BY a HAVING COUNT(*) > 2 AND SUM(b) > 1
      qualify       | SELECT a FROM t QUALIFY ROW_NUMBER() OVER (ORDER BY b) = 1 AND a > 0 | SELECT a FROM t QUALIFY a > 0 AND 1 = ROW_NUMBER() OVER (ORDER BY b)
      case equality | SELECT CASE WHEN 1 = a THEN 'x' END FROM t | SELECT CASE WHEN a = 1 THEN 'x' END FROM t
      subquery where | SELECT a FROM (SELECT a FROM t WHERE c = 2 AND b = 1) s | SELECT a FROM (SELECT a FROM t WHERE b = 1 AND c = 2) s
      """)
  void normalize_equivalentSpellings_areEqual(String name, String left, String right) {
    assertThat(SqlNormalizer.normalize(left.replace("\\n", "\n").replace("\\t", "\t")))
        .isPresent()
        .isEqualTo(SqlNormalizer.normalize(right.replace("\\n", "\n").replace("\\t", "\t")));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      literal case   | SELECT a FROM t WHERE r = 'East' | SELECT a FROM t WHERE r = 'east'
      other column   | SELECT a FROM t | SELECT b FROM t
      other table    | SELECT a FROM shop.sales.orders | SELECT a FROM shop.sales.returns
      logic parens   | SELECT a FROM t WHERE (b = 1 OR c = 2) AND d = 3 | SELECT a FROM t WHERE b = 1 OR c = 2 AND d = 3
      arith parens   | SELECT (a + b) * c FROM t | SELECT a + b * c FROM t
      aggregate      | SELECT SUM(x) FROM t | SELECT AVG(x) FROM t
      distinct       | SELECT COUNT(DISTINCT x) FROM t | SELECT COUNT(x) FROM t
      join kind      | SELECT t.a FROM t LEFT JOIN u ON t.id = u.id | SELECT t.a FROM t JOIN u ON t.id = u.id
      join column    | SELECT t.a FROM t JOIN u ON t.id = u.id | SELECT t.a FROM t JOIN u ON t.id = u.tid
      swapped alias  | SELECT a.x FROM t a JOIN u b ON a.id = b.id | SELECT b.x FROM t a JOIN u b ON a.id = b.id
      limit          | SELECT a FROM t LIMIT 10 | SELECT a FROM t LIMIT 5
      order          | SELECT a FROM t ORDER BY a | SELECT a FROM t ORDER BY a DESC
      minus sides    | SELECT a - b FROM t | SELECT b - a FROM t
      less sides     | SELECT a FROM t WHERE a < b | SELECT a FROM t WHERE b < a
      or vs and      | SELECT a FROM t WHERE b = 1 OR c = 2 | SELECT a FROM t WHERE b = 1 AND c = 2
      equal vs not   | SELECT a FROM t WHERE b = c | SELECT a FROM t WHERE b <> c
      or grouping    | SELECT a FROM t WHERE (b = 1 OR c = 2) AND d = 3 | SELECT a FROM t WHERE (b = 1 OR d = 3) AND c = 2
      literal in eq  | SELECT a FROM t WHERE b = 'x != y' | SELECT a FROM t WHERE b = 'x <> y'
      select order   | SELECT a, b FROM t | SELECT b, a FROM t
      group order    | SELECT a FROM t ORDER BY a, b | SELECT a FROM t ORDER BY b, a
      concat sides   | SELECT a || b FROM t | SELECT b || a FROM t
      """)
  void normalize_differentSemantics_differ(String name, String left, String right) {
    assertThat(SqlNormalizer.normalize(left)).isPresent().isNotEqualTo(SqlNormalizer.normalize(right));
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      empty            | ' '
      tablesample      | SELECT * FROM t TABLESAMPLE (10 PERCENT)
      two statements   | SELECT 1; SELECT 2
      not a query      | DROP TABLE t
      garbage          | this is not sql
      """)
  void normalize_unparseableOrNotAQuery_isEmpty(String name, String sql) {
    assertThat(SqlNormalizer.normalize(sql)).isEmpty();
    assertThat(SqlNormalizer.ordersResult(sql)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      plain order        | SELECT a FROM t ORDER BY a                                   | true
      no order           | SELECT a FROM t                                              | false
      order in subquery  | SELECT a FROM (SELECT a FROM t ORDER BY a LIMIT 3) s         | false
      order in cte only  | WITH x AS (SELECT a FROM t ORDER BY a) SELECT a FROM x       | false
      order after cte    | WITH x AS (SELECT a FROM t) SELECT a FROM x ORDER BY a DESC  | true
      union order        | SELECT a FROM t UNION ALL SELECT a FROM u ORDER BY a         | true
      window order only  | SELECT a, ROW_NUMBER() OVER (ORDER BY b) FROM t              | false
      parenthesised      | (SELECT a FROM t ORDER BY a)                                 | true
      """)
  void ordersResult_outermostOrderBy_detected(String name, String sql, boolean expected) {
    assertThat(SqlNormalizer.ordersResult(sql)).contains(expected);
  }
}
