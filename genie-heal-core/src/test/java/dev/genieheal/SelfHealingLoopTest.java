package dev.genieheal;

import static dev.genieheal.doubles.ShopWorld.SPACE_ID;
import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.analyze.Analysis;
import dev.genieheal.analyze.AnalysisContext;
import dev.genieheal.doubles.ExactSqlJudge;
import dev.genieheal.doubles.FakeSleeper;
import dev.genieheal.doubles.ManualClock;
import dev.genieheal.doubles.RecordingSink;
import dev.genieheal.doubles.ScriptedAnalyzer;
import dev.genieheal.doubles.ShopWorld;
import dev.genieheal.doubles.SynonymApplier;
import dev.genieheal.doubles.SynonymGenie;
import dev.genieheal.error.AuthenticationException;
import dev.genieheal.fix.AppliedFix;
import dev.genieheal.fix.ColumnSynonymsFix;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.port.BenchmarkSource;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.StoredSpace;
import dev.genieheal.port.TokenUsage;
import dev.genieheal.score.AcceptanceRule;
import dev.genieheal.space.GenieSpace;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SelfHealingLoopTest {
  private final SpaceStore store = ShopWorld.store();
  private final SynonymGenie genie = new SynonymGenie(store,
      java.util.stream.Stream.concat(ShopWorld.BENCHMARKS.stream(), ShopWorld.HELD_OUT.stream()).toList());
  private final ScriptedAnalyzer analyzer = new ScriptedAnalyzer();
  private final RecordingSink sink = new RecordingSink();
  private final ManualClock clock = new ManualClock();
  private final FakeSleeper sleeper = new FakeSleeper(clock);

  private SelfHealingLoop.Builder loop() {
    return SelfHealingLoop.builder()
        .spaceId(SPACE_ID)
        .spaceStore(store)
        .genie(genie)
        .judge(new ExactSqlJudge())
        .analyzer(analyzer)
        .fixApplier(new SynonymApplier())
        .sink(sink)
        .clock(clock)
        .sleeper(sleeper)
        .questionsPerMinute(0)
        .runId(() -> "run-1");
  }

  private GenieSpace stored() {
    return store.load(SPACE_ID).space();
  }

  private static List<Fix> fixes(List<AppliedFix> applied) {
    return applied.stream().map(AppliedFix::fix).toList();
  }

  /** Events follow LoopEvent's documented order, iterations count up, and each question has its event. */
  private void assertEventOrder(LoopResult result) {
    List<LoopEvent> events = sink.events();
    String shape = events.stream().map(e -> e instanceof LoopEvent.Started ? "S"
        : e instanceof LoopEvent.QuestionScored ? "Q" : e instanceof LoopEvent.RolledBack ? "R"
        : e instanceof LoopEvent.FixesRejected ? "X" : e instanceof LoopEvent.IterationFinished ? "I" : "F")
        .collect(Collectors.joining());
    assertThat(shape).matches("S(Q*R?X?I)*F");
    assertThat(sink.of(LoopEvent.IterationFinished.class)).extracting(f -> f.record().iteration())
        .isEqualTo(java.util.stream.IntStream.range(0, result.iterations()).boxed().toList());
    assertThat(sink.of(LoopEvent.Finished.class)).singleElement()
        .satisfies(f -> assertThat(f.result()).isEqualTo(result));
    int questionsPerIteration = ShopWorld.BENCHMARKS.size();
    assertThat(sink.of(LoopEvent.QuestionScored.class)).hasSizeGreaterThanOrEqualTo(
        questionsPerIteration * result.iterations());
  }

  @Test
  void run_fixesHelp_reachesTargetAndKeepsFixes() {
    analyzer.then(ShopWorld.revenue()).then(ShopWorld.client());

    LoopResult result = loop().stopPolicy(StopPolicy.targetScore(1.0)).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.TARGET_REACHED);
    assertThat(result.baselineScore()).isEqualTo(0.5);
    assertThat(result.finalScore()).isEqualTo(1.0);
    assertThat(result.bestScore()).isEqualTo(1.0);
    assertThat(result.iterations()).isEqualTo(3);
    assertThat(result.history()).extracting(IterationRecord::score).containsExactly(0.5, 0.75, 1.0);
    assertThat(result.history()).extracting(IterationRecord::delta).containsExactly(0.0, 0.25, 0.25);
    assertThat(fixes(result.applied())).containsExactly(ShopWorld.revenue(), ShopWorld.client());
    assertThat(result.finalSpace()).isEqualTo(stored());
    assertThat(stored().tables().get(0).column("amount").orElseThrow().synonyms()).containsExactly("revenue");
    assertThat(result.runId()).isEqualTo("run-1");
    assertThat(result.dryRun()).isFalse();
    assertThat(result.stopReason()).contains("reached the target");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(30), Duration.ofSeconds(30));
    assertEventOrder(result);
  }

  @Test
  void run_iterationRecords_carryCategoriesChangesAndEta() {
    analyzer.then(ShopWorld.revenue()).then(ShopWorld.client());

    LoopResult result = loop().stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(1.0))).build().run();

    IterationRecord baseline = result.history().get(0);
    assertThat(baseline.failuresByCategory().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(2);
    assertThat(fixes(baseline.applied())).containsExactly(ShopWorld.revenue());
    assertThat(baseline.applied().get(0).after()).contains("revenue");
    assertThat(result.history().get(1).eta()).isPresent();
    assertThat(result.history().get(2).eta()).contains(Duration.ZERO);
    LoopEvent.Started started = sink.of(LoopEvent.Started.class).get(0);
    assertThat(started.tuningQuestions()).isEqualTo(4);
    assertThat(started.settings()).containsKeys("stopPolicy", "acceptance", "dryRun");
  }

  @Test
  void run_worseScore_rollsBackRestoresSpaceAndTellsAnalyzer() {
    analyzer.then(ShopWorld.poison(1)).then(ShopWorld.revenue());

    LoopResult result = loop().stopPolicy(StopPolicy.maxIterations(2)).build().run();

    assertThat(result.history()).extracting(IterationRecord::score).containsExactly(0.5, 0.0, 0.75);
    assertThat(result.history()).extracting(IterationRecord::rolledBack).containsExactly(false, true, false);
    LoopEvent.RolledBack rolledBack = sink.of(LoopEvent.RolledBack.class).get(0);
    assertThat(rolledBack.iteration()).isEqualTo(1);
    assertThat(rolledBack.score()).isEqualTo(0.0);
    assertThat(rolledBack.bestScore()).isEqualTo(0.5);
    assertThat(rolledBack.rolledBack()).containsExactly(ShopWorld.poison(1));
    List<AnalysisContext> contexts = analyzer.contexts();
    assertThat(contexts.get(0).rolledBack()).isEmpty();
    assertThat(contexts.get(1).rolledBack()).containsExactly(ShopWorld.poison(1));
    assertThat(contexts.get(1).space()).isEqualTo(ShopWorld.space());
    assertThat(fixes(result.applied())).containsExactly(ShopWorld.revenue());
    assertThat(result.rejected()).extracting(RejectedFix::fix).contains(ShopWorld.poison(1));
    assertThat(stored().tables().get(0).column("amount").orElseThrow().synonyms()).containsExactly("revenue");
    assertThat(result.status()).isEqualTo(LoopStatus.MAX_ITERATIONS);
    assertThat(result.finalScore()).isEqualTo(0.75);
    assertEventOrder(result);
  }

  @Test
  void run_standardApplier_savesSynonymsAndReachesTarget() {
    analyzer.then(ShopWorld.revenue(), ShopWorld.client());

    LoopResult result = loop().fixApplier(dev.genieheal.fix.FixApplier.standard())
        .stopPolicy(StopPolicy.targetScore(1.0)).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.TARGET_REACHED);
    assertThat(result.history()).extracting(IterationRecord::score).containsExactly(0.5, 1.0);
    assertThat(result.applied()).hasSize(2).allSatisfy(a -> assertThat(a.after()).isNotBlank());
    assertThat(stored().tables().get(0).column("customer_id").orElseThrow().synonyms()).contains("client");
    assertEventOrder(result);
  }

  @Test
  void run_applierReturnsAnInvalidSpace_failsWithoutSaving() {
    analyzer.then(ShopWorld.revenue());
    SynonymApplier real = new SynonymApplier();
    dev.genieheal.fix.FixApplier unsorting = request -> {
      dev.genieheal.fix.FixResult r = real.apply(request);
      var table = r.space().tables().get(0);
      List<dev.genieheal.space.ColumnConfig> reversed = new java.util.ArrayList<>(table.columnConfigs());
      java.util.Collections.reverse(reversed);
      return new dev.genieheal.fix.FixResult(r.space().withTables(List.of(table.withColumnConfigs(reversed))),
          r.applied(), r.rejected());
    };

    LoopResult result = loop().fixApplier(unsorting).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.FAILED);
    assertThat(result.stopReason()).contains("invalid space").contains("sort-order").contains("nothing was saved");
    assertThat(stored()).isEqualTo(ShopWorld.space());
    assertThat(result.applied()).isEmpty();
    assertEventOrder(result);
  }

  @Test
  void run_rolledBackFixProposedAgain_isRejected() {
    analyzer.then(ShopWorld.poison(1)).then(ShopWorld.poison(1));

    LoopResult result = loop().stopPolicy(StopPolicy.maxIterations(5)).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.NO_FIXES);
    assertThat(result.history().get(1).rejected()).singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("rolled back earlier"));
    assertThat(stored()).isEqualTo(ShopWorld.space());
  }

  @Test
  void run_rolledBackFixProposedAgainWithAnotherReason_isStillRejected() {
    ColumnSynonymsFix first = ShopWorld.poison(1);
    analyzer.then(first).then(new ColumnSynonymsFix(first.table(), first.column(), first.synonyms(),
        "a different reason this time", List.of("other-benchmark")));

    LoopResult result = loop().stopPolicy(StopPolicy.maxIterations(5)).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.NO_FIXES);
    assertThat(result.history().get(1).rejected()).singleElement()
        .satisfies(r -> assertThat(r.reason()).contains("rolled back earlier"));
    assertThat(stored()).isEqualTo(ShopWorld.space());
  }

  @Test
  void run_targetPolicy_stopsAtTarget() {
    analyzer.then(ShopWorld.revenue()).then(ShopWorld.client());

    LoopResult result = loop().stopPolicy(StopPolicy.targetScore(0.7)).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.TARGET_REACHED);
    assertThat(result.iterations()).isEqualTo(2);
  }

  @Test
  void run_maxIterationsPolicy_stopsAfterLimit() {
    analyzer.then(ShopWorld.useless(1)).then(ShopWorld.useless(2)).then(ShopWorld.useless(3));

    LoopResult result = loop().stopPolicy(StopPolicy.maxIterations(2)).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.MAX_ITERATIONS);
    assertThat(result.iterations()).isEqualTo(3);
    assertThat(analyzer.contexts()).hasSize(2);
  }

  @Test
  void run_plateauPolicy_stopsWhenNotImproving() {
    analyzer.then(ShopWorld.useless(1)).then(ShopWorld.useless(2)).then(ShopWorld.useless(3));

    LoopResult result = loop().stopPolicy(StopPolicy.anyOf(StopPolicy.plateau(0.05, 2),
        StopPolicy.maxIterations(10))).build().run();

    assertThat(result.status()).as(result.stopReason()).isEqualTo(LoopStatus.PLATEAU);
    assertThat(result.iterations()).isEqualTo(3);
  }

  @Test
  void run_degradationPolicy_stopsAfterConsecutiveDrops() {
    analyzer.then(ShopWorld.poison(1)).then(ShopWorld.poison(2)).then(ShopWorld.poison(3));

    LoopResult result = loop().stopPolicy(StopPolicy.anyOf(StopPolicy.degradation(2),
        StopPolicy.maxIterations(10))).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.DEGRADED);
    assertThat(result.iterations()).isEqualTo(3);
    assertThat(sink.of(LoopEvent.RolledBack.class)).hasSize(2);
    assertThat(stored()).isEqualTo(ShopWorld.space());
    assertThat(result.finalScore()).isEqualTo(0.5);
  }

  @Test
  void run_deadlinePolicy_stopsOnManualClock() {
    genie.onAsk(q -> clock.advance(Duration.ofMinutes(1)));
    analyzer.then(ShopWorld.useless(1)).then(ShopWorld.useless(2)).then(ShopWorld.useless(3));

    LoopResult result = loop().settleTime(Duration.ZERO).concurrency(1)
        .stopPolicy(StopPolicy.anyOf(StopPolicy.deadline(Duration.ofMinutes(6)), StopPolicy.maxIterations(10)))
        .build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.DEADLINE);
    assertThat(result.iterations()).isEqualTo(2);
    assertThat(result.duration()).isEqualTo(Duration.ofMinutes(8));
  }

  @Test
  void run_questionBudget_neverExceedsBudget() {
    analyzer.then(ShopWorld.useless(1)).then(ShopWorld.useless(2)).then(ShopWorld.useless(3));

    LoopResult result = loop().stopPolicy(StopPolicy.anyOf(StopPolicy.questionBudget(10),
        StopPolicy.maxIterations(10))).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.BUDGET_EXHAUSTED);
    assertThat(genie.asked()).isEqualTo(8);
  }

  @Test
  void run_tokenBudget_stopsWhenAnalyzersSpentIt() {
    for (int i = 1; i <= 5; i++) {
      analyzer.then(new Analysis(List.of(ShopWorld.useless(i)), List.of(), new TokenUsage(40, 20)));
    }

    LoopResult result = loop().stopPolicy(StopPolicy.anyOf(StopPolicy.tokenBudget(100),
        StopPolicy.maxIterations(10))).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.BUDGET_EXHAUSTED);
    assertThat(result.iterations()).isEqualTo(3);
    assertThat(result.stopReason()).contains("120 of 100 LLM tokens");
  }

  @Test
  void run_nothingProposed_endsWithNoFixes() {
    LoopResult result = loop().build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.NO_FIXES);
    assertThat(result.iterations()).isEqualTo(1);
    assertThat(result.finalScore()).isEqualTo(0.5);
    assertEventOrder(result);
  }

  @Test
  void run_applierRejectsEverything_reportsRejectionsAndEndsWithNoFixes() {
    analyzer.then(new ColumnSynonymsFix("shop.sales.nope", "amount", List.of("x"), "why", List.of()));

    LoopResult result = loop().build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.NO_FIXES);
    assertThat(sink.of(LoopEvent.FixesRejected.class)).singleElement()
        .satisfies(r -> assertThat(r.rejected().get(0).reason()).contains("unknown table"));
    assertThat(result.rejected()).hasSize(1);
    assertEventOrder(result);
  }

  @Test
  void run_dryRun_proposesButNeverSaves() {
    AtomicInteger saves = new AtomicInteger();
    SpaceStore counting = new SpaceStore() {
      @Override
      public StoredSpace load(String spaceId) {
        return store.load(spaceId);
      }

      @Override
      public StoredSpace save(String spaceId, GenieSpace space, String etag) {
        saves.incrementAndGet();
        return store.save(spaceId, space, etag);
      }
    };
    analyzer.then(ShopWorld.revenue()).then(ShopWorld.client());

    LoopResult result = loop().spaceStore(counting).dryRun(true).build().run();

    assertThat(saves).hasValue(0);
    assertThat(result.status()).isEqualTo(LoopStatus.DRY_RUN);
    assertThat(result.dryRun()).isTrue();
    assertThat(result.iterations()).isEqualTo(1);
    assertThat(fixes(result.history().get(0).applied())).containsExactly(ShopWorld.revenue());
    assertThat(result.applied()).isEmpty();
    assertThat(result.finalSpace()).isEqualTo(ShopWorld.space());
    assertThat(stored()).isEqualTo(ShopWorld.space());
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void run_etagConflict_failsWithoutOverwriting() {
    GenieSpace theirs = ShopWorld.space().withTables(List.of());
    analyzer.onAnalyze(c -> store.save(SPACE_ID, theirs, store.load(SPACE_ID).etag())).then(ShopWorld.revenue());

    LoopResult result = loop().build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.FAILED);
    assertThat(result.stopReason()).contains("etag conflict").contains("nothing was overwritten");
    assertThat(stored()).isEqualTo(theirs);
    assertThat(result.applied()).isEmpty();
    assertThat(result.rejected()).singleElement().satisfies(r -> assertThat(r.reason()).startsWith("not saved"));
    assertEventOrder(result);
  }

  @Test
  void run_sinkThrows_isSkippedAndOthersGetEveryEvent() {
    analyzer.then(ShopWorld.revenue());
    RecordingSink other = new RecordingSink();

    LoopResult result = loop().sinks(List.of(e -> {
      throw new IllegalStateException("broken sink");
    }, sink, other)).stopPolicy(StopPolicy.maxIterations(1)).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.MAX_ITERATIONS);
    assertThat(other.events()).isEqualTo(sink.events());
    assertEventOrder(result);
  }

  @Test
  void run_heldOutSet_isScoredButNeverShownToTheAnalyzer() {
    analyzer.then(ShopWorld.revenue());

    LoopResult result = loop().heldOut(BenchmarkSource.of(ShopWorld.HELD_OUT))
        .stopPolicy(StopPolicy.maxIterations(1)).build().run();

    assertThat(result.history()).extracting(r -> r.heldOutScore().orElseThrow()).containsExactly(0.5, 1.0);
    assertThat(analyzer.contexts().get(0).failures()).extracting(f -> f.benchmark().id())
        .allMatch(id -> id.startsWith("a"));
    assertThat(analyzer.contexts().get(0).benchmarks()).hasSize(4);
    assertThat(sink.of(LoopEvent.QuestionScored.class)).filteredOn(q -> q.set() == BenchmarkSet.HELD_OUT)
        .hasSize(4);
  }

  @Test
  void run_genieRefusesCredentialsAfterASave_failsAndRestoresTheBestSpace() {
    AtomicInteger asked = new AtomicInteger();
    genie.onAsk(q -> {
      if (asked.incrementAndGet() > 4) {
        throw new AuthenticationException("token expired");
      }
    });
    analyzer.then(ShopWorld.revenue());

    LoopResult result = loop().build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.FAILED);
    assertThat(result.stopReason()).contains("AuthenticationException").contains("rolled back");
    assertThat(stored()).isEqualTo(ShopWorld.space());
    assertThat(result.applied()).isEmpty();
    assertThat(sink.of(LoopEvent.Finished.class)).hasSize(1);
  }

  @Test
  void run_signTestAcceptance_rollsBackAnImprovementWithinNoise() {
    analyzer.then(ShopWorld.revenue());

    LoopResult result = loop().acceptance(AcceptanceRule.signTest(0.05))
        .stopPolicy(StopPolicy.maxIterations(1)).build().run();

    assertThat(result.history().get(1).score()).isEqualTo(0.75);
    assertThat(result.history().get(1).rolledBack()).isTrue();
    assertThat(result.finalScore()).isEqualTo(0.5);
    assertThat(result.bestScore()).isEqualTo(0.75);
    assertThat(stored()).isEqualTo(ShopWorld.space());
  }

  @Test
  void run_attempts_asksEachQuestionKTimes() {
    LoopResult result = loop().attempts(3).build().run();

    assertThat(genie.asked()).isEqualTo(12);
    assertThat(result.history().get(0).tuning().questionsAsked()).isEqualTo(12);
  }

  @Test
  void run_noBenchmarks_throwsNamingTheSpace() {
    SelfHealingLoop loop = loop().benchmarks(BenchmarkSource.of(List.of())).build();

    org.assertj.core.api.Assertions.assertThatThrownBy(loop::run)
        .isInstanceOf(dev.genieheal.error.ValidationException.class).hasMessageContaining(SPACE_ID);
  }

  @Test
  void toBuilder_copiesSettings_andBuildsAnIndependentLoop() {
    SelfHealingLoop original = loop().stopPolicy(StopPolicy.maxIterations(0)).build();

    LoopResult result = original.toBuilder().dryRun(true).build().run();

    assertThat(result.status()).isEqualTo(LoopStatus.MAX_ITERATIONS);
    assertThat(result.dryRun()).isTrue();
    assertThat(original.toString()).contains("dryRun=false");
  }
}
