package dev.genieheal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.SelfHealingLoop;
import dev.genieheal.StopPolicy;
import dev.genieheal.analyze.LlmFailureAnalyzer;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.GenieSpace;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An A/B comparison of two prompt versions: the same space, benchmark, Genie and model, only the prompt version
 * differs. The scripted model answers what a model would after reading each version (v2 teaches join specs for
 * "per region" questions, v1 does not), so the two runs end differently and both outcomes are reported.
 */
class PromptVersionAbTest {
  static final String SPACE = """
      {"version": 2, "data_sources": {"tables": [
        {"identifier": "shop.sales.customers", "column_configs": [{"column_name": "region"}]},
        {"identifier": "shop.sales.orders", "column_configs": [{"column_name": "amount"}]}]}}""";
  static final Benchmark REVENUE = new Benchmark("b1", "What is the total revenue?",
      "SELECT SUM(amount) FROM shop.sales.orders");
  static final Benchmark BY_REGION = new Benchmark("b2", "How many orders per region?",
      "SELECT c.region, COUNT(*) FROM shop.sales.orders o JOIN shop.sales.customers c "
          + "ON o.customer_id = c.customer_id GROUP BY c.region");
  static final String SYNONYM = """
      {"type": "column_synonyms", "table": "shop.sales.orders", "column": "amount", "synonyms": ["revenue"],
       "reason": "questions say revenue for amount", "benchmark_ids": ["b1"]}""";
  static final String JOIN = """
      {"type": "join_spec", "left_table": "shop.sales.orders", "left_column": "customer_id",
       "right_table": "shop.sales.customers", "right_column": "customer_id", "relationship": "MANY_TO_ONE",
       "comment": "each order has one customer", "reason": "per-region questions need orders joined to customers",
       "benchmark_ids": ["b2"]}""";

  static LocalWarehouse warehouse;

  @BeforeAll
  static void warehouse() {
    warehouse = LocalWarehouse.builder()
        .script("""
            CREATE TABLE shop.sales.customers (customer_id INT, region VARCHAR);
            CREATE TABLE shop.sales.orders (order_id INT, customer_id INT, amount DECIMAL(10,2));
            INSERT INTO shop.sales.customers VALUES (1, 'West'), (2, 'East');
            INSERT INTO shop.sales.orders VALUES (1, 1, 10.00), (2, 1, 5.50), (3, 2, 7.25);""")
        .build();
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  @Test
  void loop_twoPromptVersions_sameBenchmark_reportBothOutcomes() {
    LoopResult a = run("v1");
    LoopResult b = run("v2");

    System.out.printf("A/B prompt versions on the same benchmark: v1 %.2f -> %.2f (%s, %d iterations); "
            + "v2 %.2f -> %.2f (%s, %d iterations)%n",
        a.baselineScore(), a.finalScore(), a.status(), a.iterations(),
        b.baselineScore(), b.finalScore(), b.status(), b.iterations());
    assertThat(a.baselineScore()).isEqualTo(b.baselineScore()).isEqualTo(0.0);
    assertThat(a.finalScore()).isEqualTo(0.5);
    assertThat(b.finalScore()).isEqualTo(1.0);
    assertThat(b.status()).isEqualTo(LoopStatus.TARGET_REACHED);
  }

  private static LoopResult run(String promptVersion) {
    SpaceStore store = SpaceStore.inMemory(new StoredSpace("space-1", "shop", null, null, GenieSpace.parse(SPACE)));
    ScriptedGenie genie = ScriptedGenie.builder()
        .on(REVENUE.question(), ScriptedAnswer.sql("SELECT SUM(order_id) FROM shop.sales.orders"))
        .when(REVENUE.question(), s -> s.dataObject("shop.sales.orders")
                .flatMap(t -> t.column("amount")).map(c -> c.synonyms().contains("revenue")).orElse(false),
            ScriptedAnswer.sql(REVENUE.expectedSql()))
        .on(BY_REGION.question(), ScriptedAnswer.sql("SELECT COUNT(*) FROM shop.sales.orders"))
        .when(BY_REGION.question(), s -> !s.joinSpecs().isEmpty(), ScriptedAnswer.sql(BY_REGION.expectedSql()))
        .spaces(store)
        .warehouse(warehouse)
        .build();
    ScriptedLlm model = ScriptedLlm.answering(request -> {
      String prompt = request.messages().get(0).content();
      boolean v2 = prompt.contains("prompt version v2");
      StringBuilder fixes = new StringBuilder();
      if (prompt.contains("benchmark_id: b1")) {
        fixes.append(SYNONYM);
      }
      if (v2 && prompt.contains("benchmark_id: b2")) {
        fixes.append(fixes.length() > 0 ? "," : "").append(JOIN);
      }
      return "{\"root_cause\": \"missing metadata\", \"fixes\": [" + fixes + "]}";
    });
    return SelfHealingLoop.builder()
        .spaceId("space-1")
        .spaceStore(store)
        .genie(genie)
        .sqlExecutor(warehouse)
        .judge(AnswerJudge.hybrid(warehouse))
        .benchmarks(BenchmarkSource.of(List.of(REVENUE, BY_REGION)))
        .analyzer(LlmFailureAnalyzer.builder().llm(model).promptVersion(promptVersion)
            .retries(1, Duration.ZERO).build())
        .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(1.0), StopPolicy.maxIterations(3)))
        .settleTime(Duration.ZERO)
        .questionsPerMinute(6_000)
        .sleeper(d -> { })
        .build()
        .run();
  }
}
