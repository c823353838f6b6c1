package dev.genieheal.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.SelfHealingLoop;
import dev.genieheal.StopPolicy;
import dev.genieheal.analyze.FailureAnalyzer;
import dev.genieheal.fix.AppliedFix;
import dev.genieheal.fix.ColumnFlagsFix;
import dev.genieheal.fix.ColumnSynonymsFix;
import dev.genieheal.fix.JoinSpecFix;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.GenieSpace;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The healing loop end to end on {@link SimulatedGenie} + {@link LocalWarehouse} over two different schemas: the
 * rule-based analyzer's fixes change Genie's answers until every benchmark passes.
 */
class LoopEndToEndTest {
  /** Genie's SQL per benchmark id, per iteration. */
  private final Map<Integer, Map<String, String>> sqlByIteration = new ConcurrentHashMap<>();

  private LoopResult heal(LocalWarehouse warehouse, GenieSpace space, List<Benchmark> benchmarks) {
    SpaceStore store = SpaceStore.inMemory(new StoredSpace("space-1", "test", null, null, space));
    return SelfHealingLoop.builder()
        .spaceId("space-1")
        .spaceStore(store)
        .genie(SimulatedGenie.builder().spaces(store).warehouse(warehouse).build())
        .sqlExecutor(warehouse)
        .judge(AnswerJudge.hybrid(warehouse))
        .analyzer(FailureAnalyzer.rules())
        .benchmarks(BenchmarkSource.of(benchmarks))
        .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(1.0), StopPolicy.maxIterations(3)))
        .questionsPerMinute(0)
        .settleTime(Duration.ZERO)
        .sink(e -> {
          if (e instanceof LoopEvent.QuestionScored q) {
            sqlByIteration.computeIfAbsent(q.iteration(), i -> new ConcurrentHashMap<>())
                .put(q.result().benchmark().id(), String.valueOf(q.result().representative().answer().sql()));
          }
        })
        .build()
        .run();
  }

  /** One of four passed at first; synonyms, a join spec and entity matching changed the other three answers. */
  private void assertHealedFromOneInFour(LoopResult result, String... changed) {
    assertThat(result.baselineScore()).isEqualTo(0.25);
    assertThat(result.status()).isEqualTo(LoopStatus.TARGET_REACHED);
    assertThat(result.finalScore()).isEqualTo(1.0);
    assertThat(kinds(result)).contains(ColumnSynonymsFix.class, JoinSpecFix.class, ColumnFlagsFix.class);
    assertFixesChangedAnswers(result, changed);
  }

  private void assertFixesChangedAnswers(LoopResult result, String... ids) {
    Map<String, String> before = sqlByIteration.get(0);
    Map<String, String> after = sqlByIteration.get(result.iterations() - 1);
    for (String id : ids) {
      assertThat(after.get(id)).as("Genie's SQL for %s after the fixes", id).isNotEqualTo(before.get(id));
    }
  }

  private static List<Class<?>> kinds(LoopResult result) {
    return result.applied().stream().map(AppliedFix::fix).<Class<?>>map(Object::getClass).distinct().toList();
  }

  @Test
  void run_retailSchema_fixesTurnWrongAnswersRight() {
    try (LocalWarehouse warehouse = SimFixtures.retailWarehouse()) {
      LoopResult result = heal(warehouse, SimFixtures.bareRetail(), List.of(
          new Benchmark("r1", "What is the total revenue?", "SELECT sum(amount) FROM retail.sales.orders"),
          new Benchmark("r2", "Total amount by category", "SELECT p.category, sum(o.amount) FROM retail.sales.orders o"
              + " JOIN retail.sales.products p ON o.product_id = p.product_id GROUP BY p.category"),
          new Benchmark("r3", "How many orders were returned?",
              "SELECT count(*) FROM retail.sales.orders WHERE status = 'returned'"),
          new Benchmark("r4", "How many orders?", "SELECT count(*) FROM retail.sales.orders")));

      assertHealedFromOneInFour(result, "r1", "r2", "r3");
    }
  }

  @Test
  void run_hrSchema_fixesTurnWrongAnswersRight() {
    try (LocalWarehouse warehouse = SimFixtures.hrWarehouse()) {
      LoopResult result = heal(warehouse, SimFixtures.bareHr(), List.of(
          new Benchmark("h1", "What is the average pay?", "SELECT avg(salary) FROM hr.core.employees"),
          new Benchmark("h2", "Total budget by employee city", "SELECT e.city, sum(d.budget) FROM hr.core.employees e"
              + " JOIN hr.core.departments d ON e.department_id = d.department_id GROUP BY e.city"),
          new Benchmark("h3", "How many employees in Paris?",
              "SELECT count(*) FROM hr.core.employees WHERE city = 'Paris'"),
          new Benchmark("h4", "How many employees were hired in 2023?",
              "SELECT count(*) FROM hr.core.employees WHERE year(hire_date) = 2023")));

      assertHealedFromOneInFour(result, "h1", "h2", "h3");
    }
  }
}
