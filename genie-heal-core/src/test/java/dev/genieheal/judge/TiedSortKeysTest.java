package dev.genieheal.judge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.ResultTable.Column;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Regression: the retail demo's "Top 10 products by units sold" passed or failed from run to run. Two products tie
 * on units, the warehouse returns tied rows in either order, and the judge failed the answer with
 * ROW_ORDER_DIFFERENCE although SQL leaves the order of ties open.
 */
class TiedSortKeysTest {
  static final List<Column> COLUMNS = List.of(new Column("product_name", "STRING"), new Column("units", "BIGINT"));
  static final String TOP_N = "SELECT p.product_name, SUM(oi.quantity) AS units FROM order_items oi "
      + "JOIN products p ON oi.product_id = p.product_id GROUP BY p.product_name ORDER BY units DESC LIMIT 4";

  static final ResultTable EXPECTED = ResultTable.of(COLUMNS, List.of(
      List.of("Toys 80", 210L), List.of("Apparel 3", 194L), List.of("Home 57", 194L), List.of("Toys 60", 187L)));
  static final ResultTable TIE_SWAPPED = ResultTable.of(COLUMNS, List.of(
      List.of("Toys 80", 210L), List.of("Home 57", 194L), List.of("Apparel 3", 194L), List.of("Toys 60", 187L)));
  static final ResultTable NON_TIE_SWAPPED = ResultTable.of(COLUMNS, List.of(
      List.of("Apparel 3", 194L), List.of("Toys 80", 210L), List.of("Home 57", 194L), List.of("Toys 60", 187L)));

  private final ResultComparator comparator = ResultComparator.withDefaults();

  @Test
  void compare_orderedTopNWithTiedSortKeysInAnotherOrder_passes() {
    Comparison c = comparator.compare(EXPECTED, TIE_SWAPPED, true, List.of(1));

    assertThat(c.passed()).isTrue();
    assertThat(c.explanation()).contains("sort keys are equal");
  }

  @Test
  void compare_rowsReorderedAcrossDifferentSortKeys_stillFails() {
    Comparison c = comparator.compare(EXPECTED, NON_TIE_SWAPPED, true, List.of(1));

    assertThat(c.passed()).isFalse();
    assertThat(c.reasons()).containsExactly(ReasonCode.ROW_ORDER_DIFFERENCE);
  }

  @Test
  void compare_withoutSortColumns_comparesOrderStrictly() {
    assertThat(comparator.compare(EXPECTED, TIE_SWAPPED, true).passed()).isFalse();
  }

  @Test
  void compare_sortColumnOutsideTheResult_isRejected() {
    assertThatThrownBy(() -> comparator.compare(EXPECTED, TIE_SWAPPED, true, List.of(2)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("sort column 2");
  }

  @Test
  void sortKeys_resolveAliasesPositionsExpressionsAndNames() {
    assertThat(SortKeys.of(TOP_N, EXPECTED)).contains(List.of(1));
    assertThat(SortKeys.of("SELECT product_name, SUM(q) FROM t GROUP BY 1 ORDER BY 2 DESC, 1", EXPECTED))
        .contains(List.of(1, 0));
    assertThat(SortKeys.of("SELECT product_name, SUM(q) FROM t GROUP BY 1 ORDER BY SUM(q) DESC", EXPECTED))
        .contains(List.of(1));
    assertThat(SortKeys.of("SELECT t.product_name, t.units FROM t ORDER BY t.units", EXPECTED)).contains(List.of(1));
  }

  @Test
  void sortKeys_unselectedExpressionOrUnparseableSql_areUnknown() {
    assertThat(SortKeys.of("SELECT product_name, units FROM t ORDER BY price DESC", EXPECTED)).isEmpty();
    assertThat(SortKeys.of("SELECT * FROM t TABLESAMPLE (10 PERCENT) ORDER BY units", EXPECTED)).isEmpty();
    assertThat(SortKeys.of("SELECT product_name, units FROM t", EXPECTED)).isEmpty();
  }

  @Test
  void hybridJudge_topNAnswerWithTiesInAnotherOrder_passes() {
    String genieSql = "SELECT p.product_name, SUM(oi.quantity) AS total FROM order_items oi JOIN products p "
        + "ON oi.product_id = p.product_id GROUP BY 1 ORDER BY 2 DESC LIMIT 4";
    Map<String, ResultTable> results = Map.of(TOP_N, EXPECTED, genieSql, TIE_SWAPPED);
    AnswerJudge judge = AnswerJudge.hybrid(results::get);

    Verdict v = judge.judge(new JudgeContext(new Benchmark("h02", "Top 4 products by units sold", TOP_N),
        GenieAnswer.sql(genieSql, null, Duration.ofMillis(1)), "run-1"));

    assertThat(v.passed()).isTrue();
    assertThat(v.method()).isEqualTo(JudgeMethod.RESULT_COMPARISON);
  }
}
