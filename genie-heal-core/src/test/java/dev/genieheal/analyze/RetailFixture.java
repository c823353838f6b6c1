package dev.genieheal.analyze;

import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.TableSchema;
import dev.genieheal.space.TableSchema.ColumnSchema;
import java.time.Duration;
import java.util.List;

/** A small retail space and catalog, and builders for failed question results. */
final class RetailFixture {
  static final String ORDERS = "shop.sales.orders";
  static final String CUSTOMERS = "shop.sales.customers";
  static final String STORES = "shop.sales.stores";

  static final Catalog CATALOG = Catalog.of(List.of(
      new TableSchema(ORDERS, List.of(col("order_id", "BIGINT"), col("customer_id", "BIGINT"),
          col("store_id", "BIGINT"), col("order_date", "DATE"), col("amount", "DECIMAL(18,2)"),
          col("quantity", "INT"), col("unit_price", "DECIMAL(18,2)"), col("status", "STRING"))),
      new TableSchema(CUSTOMERS, List.of(col("customer_id", "BIGINT"), col("name", "STRING"),
          col("region", "STRING"), col("segment", "STRING"))),
      new TableSchema(STORES, List.of(col("store_id", "BIGINT"), col("city", "STRING"), col("state", "STRING")))));

  static final GenieSpace SPACE = GenieSpace.empty()
      .withTables(new java.util.ArrayList<>(List.of(DataObject.of(CUSTOMERS), DataObject.of(ORDERS),
          DataObject.of(STORES))));

  private RetailFixture() {}

  private static ColumnSchema col(String name, String type) {
    return new ColumnSchema(name, type);
  }

  static QuestionResult wrongResult(String id, String question, String expectedSql, String genieSql) {
    return QuestionResult.of(new Benchmark(id, question, expectedSql), new Attempt(
        GenieAnswer.sql(genieSql, null, Duration.ZERO),
        Verdict.fail(JudgeMethod.RESULT_COMPARISON, List.of(ReasonCode.RESULT_MISSING_ROWS), "row 1 differs")));
  }

  static QuestionResult result(String id, String question, String expectedSql, GenieAnswer answer,
      ReasonCode reason, String explanation) {
    return QuestionResult.of(new Benchmark(id, question, expectedSql),
        new Attempt(answer, Verdict.fail(JudgeMethod.RESULT_COMPARISON, List.of(reason), explanation)));
  }

  static AnalysisContext context(GenieSpace space, List<QuestionResult> failures) {
    return new AnalysisContext(space, failures, failures.stream().map(QuestionResult::benchmark).toList(),
        List.of(), CATALOG, null, 1);
  }
}
