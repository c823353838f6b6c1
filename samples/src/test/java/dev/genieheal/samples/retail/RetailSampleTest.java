package dev.genieheal.samples.retail;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.IterationRecord;
import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.SelfHealingLoop;
import dev.genieheal.StopPolicy;
import dev.genieheal.analyze.FailureAnalyzer;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.space.ExampleQuestionSql;
import dev.genieheal.space.GenieSpace;
import dev.genieheal.space.SpaceValidator;
import dev.genieheal.space.SnippetKind;
import dev.genieheal.testkit.LocalWarehouse;
import dev.genieheal.testkit.SimulatedGenie;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class RetailSampleTest {
  private static LocalWarehouse warehouse;

  @BeforeAll
  static void load() {
    warehouse = RetailSample.warehouse(RetailDataset.DEFAULT_SEED);
  }

  @AfterAll
  static void close() {
    warehouse.close();
  }

  private static List<Benchmark> all() {
    List<Benchmark> all = new ArrayList<>(RetailSample.tuning());
    all.addAll(RetailSample.heldOut());
    return all;
  }

  @Test
  void benchmarks_atLeastFortyWithUniqueIds_splitIntoTuningAndHeldOut() {
    assertThat(all()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(RetailSample.tuning()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(RetailSample.heldOut()).hasSizeGreaterThanOrEqualTo(20);
    assertThat(all()).extracting(Benchmark::id).doesNotHaveDuplicates();
  }

  @Test
  void benchmarks_expectedSqlRunsOnTheWarehouseAndReturnsData() {
    for (Benchmark b : all()) {
      assertThat(warehouse.execute(b.expectedSql()).rows()).as(b.id() + ": " + b.question()).isNotEmpty();
    }
  }

  @Test
  void space_isValidAgainstTheWarehouseCatalog() {
    assertThat(SpaceValidator.withCatalog(warehouse.catalog().orElseThrow()).validate(RetailSample.space()))
        .isEmpty();
  }

  @Test
  void space_isUnderSpecifiedAsTeamsStart() {
    GenieSpace space = RetailSample.space();
    assertThat(space.tables()).allSatisfy(t -> assertThat(t.columnConfigs()).isEmpty());
    for (SnippetKind kind : SnippetKind.values()) {
      assertThat(space.sqlSnippets().of(kind)).isEmpty();
    }
    assertThat(space.exampleQuestionSqls()).hasSize(1);
    assertThat(space.joinSpecs()).noneMatch(j -> j.left().identifier().endsWith("order_items")
        && j.right().identifier().endsWith("products"));
  }

  @Test
  void space_copiesNoBenchmarkIntoAnExample() {
    Set<String> questions = new HashSet<>();
    Set<String> sqls = new HashSet<>();
    for (Benchmark b : all()) {
      questions.add(squash(b.question()));
      sqls.add(squash(b.expectedSql()));
    }
    for (ExampleQuestionSql e : RetailSample.space().exampleQuestionSqls()) {
      assertThat(questions).doesNotContain(squash(e.questionText()));
      assertThat(sqls).doesNotContain(squash(e.sqlText()));
    }
  }

  @Test
  void loop_liftsTuningToNinetyWithinThreeIterationsAndHeldOutByTwentyPoints() {
    SpaceStore store = SpaceStore.inMemory(new StoredSpace(RetailSample.SPACE_ID, RetailSample.TITLE, null, null,
        RetailSample.space()));
    LoopResult result = SelfHealingLoop.builder()
        .spaceId(RetailSample.SPACE_ID)
        .spaceStore(store)
        .genie(SimulatedGenie.builder().spaces(store).warehouse(warehouse).build())
        .sqlExecutor(warehouse)
        .judge(AnswerJudge.hybrid(warehouse))
        .analyzer(FailureAnalyzer.rules())
        .benchmarks(BenchmarkSource.of(RetailSample.tuning()))
        .heldOut(BenchmarkSource.of(RetailSample.heldOut()))
        .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(0.9), StopPolicy.maxIterations(3)))
        .questionsPerMinute(0)
        .settleTime(Duration.ZERO)
        .build()
        .run();

    IterationRecord baseline = result.history().get(0);
    IterationRecord last = result.history().get(result.history().size() - 1);
    assertThat(baseline.score()).isLessThanOrEqualTo(0.6);
    assertThat(result.status()).isEqualTo(LoopStatus.TARGET_REACHED);
    assertThat(last.iteration()).isLessThanOrEqualTo(3);
    assertThat(last.score()).isGreaterThanOrEqualTo(0.9);
    assertThat(last.heldOut().score() - baseline.heldOut().score()).isGreaterThanOrEqualTo(0.2);
    // The leakage guard let no example through that copies a benchmark.
    assertThat(result.finalSpace().exampleQuestionSqls()).allSatisfy(e -> assertThat(all())
        .noneMatch(b -> squash(b.question()).equals(squash(e.questionText()))));
  }

  private static String squash(String s) {
    return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").strip();
  }
}
