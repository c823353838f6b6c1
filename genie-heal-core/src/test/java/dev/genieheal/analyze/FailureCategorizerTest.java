package dev.genieheal.analyze;

import static dev.genieheal.analyze.RetailFixture.result;
import static dev.genieheal.analyze.RetailFixture.wrongResult;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.judge.ReasonCode;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class FailureCategorizerTest {
  private final FailureCategorizer categorizer = FailureCategorizer.create();

  @Test
  void categorize_genieUsedAnotherTable_isMissingTable() {
    Categorization c = categorizer.categorize(wrongResult("b1", "How many returns were there?",
        "SELECT COUNT(*) FROM shop.sales.returns",
        "SELECT COUNT(*) FROM shop.sales.orders WHERE status = 'returned'"));
    assertThat(c.category()).isEqualTo(FailureCategory.MISSING_TABLE);
    assertThat(c.evidence()).contains("expected table shop.sales.returns not used",
        "generated SQL used table shop.sales.orders instead");
  }

  @Test
  void categorize_genieSkippedTheDimensionJoin_isMissingJoin() {
    Categorization c = categorizer.categorize(wrongResult("b2", "Total revenue by region",
        "SELECT c.region, SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
            + " ON o.customer_id = c.customer_id GROUP BY c.region",
        "SELECT SUM(amount) FROM shop.sales.orders"));
    assertThat(c.category()).isEqualTo(FailureCategory.MISSING_JOIN);
    assertThat(c.evidence()).anyMatch(e -> e.contains("join shop.sales.customers.customer_id"
        + " = shop.sales.orders.customer_id not performed"));
  }

  @Test
  void categorize_joinOnWrongKey_isWrongJoin() {
    Categorization c = categorizer.categorize(wrongResult("b3", "Revenue per customer name",
        "SELECT c.name, SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
            + " ON o.customer_id = c.customer_id GROUP BY c.name",
        "SELECT c.name, SUM(o.amount) FROM shop.sales.orders o JOIN shop.sales.customers c"
            + " ON o.order_id = c.customer_id GROUP BY c.name"));
    assertThat(c.category()).isEqualTo(FailureCategory.WRONG_JOIN);
    assertThat(c.evidence()).anyMatch(e -> e.startsWith("generated SQL joined on"));
  }

  @Test
  void categorize_wrongMeasureColumn_isMissingColumn() {
    Categorization c = categorizer.categorize(wrongResult("b4", "What is the total revenue?",
        "SELECT SUM(amount) FROM shop.sales.orders", "SELECT SUM(quantity) FROM shop.sales.orders"));
    assertThat(c.category()).isEqualTo(FailureCategory.MISSING_COLUMN);
    assertThat(c.evidence()).contains("expected column shop.sales.orders.amount not used",
        "generated SQL used column shop.sales.orders.quantity");
  }

  @Test
  void categorize_averageInsteadOfSum_isWrongAggregation() {
    Categorization c = categorizer.categorize(wrongResult("b5", "Total sales amount",
        "SELECT SUM(amount) FROM shop.sales.orders", "SELECT AVG(amount) FROM shop.sales.orders"));
    assertThat(c.category()).isEqualTo(FailureCategory.WRONG_AGGREGATION);
    assertThat(c.evidence()).contains("expected aggregate sum(orders.amount) not computed",
        "generated SQL computed avg(orders.amount)");
  }

  @Test
  void categorize_differentGrouping_isWrongAggregation() {
    Categorization c = categorizer.categorize(wrongResult("b6", "Orders per state and city",
        "SELECT state, city, COUNT(*) FROM shop.sales.stores GROUP BY state, city",
        "SELECT state, city, COUNT(*) FROM shop.sales.stores GROUP BY state, city, store_id"));
    assertThat(c.category()).isEqualTo(FailureCategory.WRONG_AGGREGATION);
    assertThat(c.evidence()).anyMatch(e -> e.startsWith("group by differs"));
  }

  @Test
  void categorize_missingStatusFilter_isWrongFilter() {
    Categorization c = categorizer.categorize(wrongResult("b7", "Total revenue of completed orders",
        "SELECT SUM(amount) FROM shop.sales.orders WHERE status = 'COMPLETED'",
        "SELECT SUM(amount) FROM shop.sales.orders"));
    assertThat(c.category()).isEqualTo(FailureCategory.WRONG_FILTER);
    assertThat(c.evidence()).contains("expected filter orders.status = 'COMPLETED' missing");
  }

  @Test
  void categorize_wrongDateRange_isWrongFilter() {
    Categorization c = categorizer.categorize(wrongResult("b8", "Revenue in 2024",
        "SELECT SUM(amount) FROM shop.sales.orders WHERE order_date >= DATE '2024-01-01'"
            + " AND order_date < DATE '2025-01-01'",
        "SELECT SUM(amount) FROM shop.sales.orders WHERE year(order_date) = 2023"));
    assertThat(c.category()).isEqualTo(FailureCategory.WRONG_FILTER);
  }

  @Test
  void categorize_genieSqlDoesNotParseAndFailed_isSqlSyntaxError() {
    Categorization c = categorizer.categorize(result("b9", "Total revenue", "SELECT SUM(amount) FROM shop.sales.orders",
        new GenieAnswer(AnswerStatus.FAILED, "SELEC SUM(amount) FROM", null, null, "SQL_EXECUTION_EXCEPTION",
            "[PARSE_SYNTAX_ERROR] Syntax error at or near 'SELEC'", null, null, Duration.ZERO),
        ReasonCode.EXECUTION_FAILED, "Genie's SQL failed"));
    assertThat(c.category()).isEqualTo(FailureCategory.SQL_SYNTAX_ERROR);
    assertThat(c.evidence()).anyMatch(e -> e.contains("PARSE_SYNTAX_ERROR"));
  }

  @Test
  void categorize_textAnswer_isNoSqlGenerated() {
    Categorization c = categorizer.categorize(result("b10", "Total revenue",
        "SELECT SUM(amount) FROM shop.sales.orders", GenieAnswer.noSql("I could not find revenue", Duration.ZERO),
        ReasonCode.NO_SQL, ""));
    assertThat(c.category()).isEqualTo(FailureCategory.NO_SQL_GENERATED);
    assertThat(c.evidence()).anyMatch(e -> e.contains("I could not find revenue"));
  }

  @Test
  void categorize_timeout_isNoSqlGenerated() {
    Categorization c = categorizer.categorize(result("b11", "Total revenue",
        "SELECT SUM(amount) FROM shop.sales.orders", GenieAnswer.timedOut(Duration.ofMinutes(2)),
        ReasonCode.TIMED_OUT, ""));
    assertThat(c.category()).isEqualTo(FailureCategory.NO_SQL_GENERATED);
  }

  @Test
  void categorize_unresolvedColumnAtRunTime_isExecutionFailed() {
    Categorization c = categorizer.categorize(result("b12", "Total revenue",
        "SELECT SUM(amount) FROM shop.sales.orders",
        new GenieAnswer(AnswerStatus.FAILED, "SELECT SUM(revenue) FROM shop.sales.orders", null, null,
            "SQL_EXECUTION_EXCEPTION", "[UNRESOLVED_COLUMN] revenue cannot be resolved", null, null, Duration.ZERO),
        ReasonCode.EXECUTION_FAILED, ""));
    assertThat(c.category()).isEqualTo(FailureCategory.EXECUTION_FAILED);
    assertThat(c.evidence()).anyMatch(e -> e.contains("UNRESOLVED_COLUMN"));
  }

  @Test
  void categorize_unparseableGenieSqlThatRan_isUnknown() {
    Categorization c = categorizer.categorize(wrongResult("b13", "Sample of orders",
        "SELECT * FROM shop.sales.orders LIMIT 10", "SELECT * FROM shop.sales.orders TABLESAMPLE (10 ROWS)"));
    assertThat(c.category()).isEqualTo(FailureCategory.UNKNOWN);
    assertThat(c.evidence()).anyMatch(e -> e.contains("could not be parsed"));
  }

  @Test
  void categorize_unparseableExpectedSql_isUnknown() {
    Categorization c = categorizer.categorize(wrongResult("b14", "Sample of orders",
        "SELECT * FROM shop.sales.orders TABLESAMPLE (10 ROWS)", "SELECT * FROM shop.sales.orders LIMIT 10"));
    assertThat(c.category()).isEqualTo(FailureCategory.UNKNOWN);
  }

  @Test
  void diff_bothParse_isExposedForPrompts() {
    assertThat(categorizer.diff(wrongResult("b15", "q", "SELECT SUM(amount) FROM shop.sales.orders",
        "SELECT SUM(quantity) FROM shop.sales.orders")))
        .hasValueSatisfying(d -> assertThat(d.describe()).contains("columns missing: shop.sales.orders.amount"));
  }
}
