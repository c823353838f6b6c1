package dev.genieheal.databricks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.Benchmark;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.score.ScoreCard;
import dev.genieheal.score.ScoringRequest;
import dev.genieheal.testkit.emulator.EmulatorResponse;
import dev.genieheal.testkit.emulator.EmulatorRoute;
import dev.genieheal.testkit.emulator.Fault;
import dev.genieheal.testkit.emulator.RequestMatcher;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenieEvalRunScorerTest extends EmulatorTestSupport {
  private static final List<Benchmark> BENCHMARKS = List.of(
      new Benchmark(Emulated.BENCH_SALES, "Sales by country", Emulated.SALES_SQL),
      new Benchmark(Emulated.BENCH_COUNT, "How many sales?", Emulated.COUNT_SQL));

  private GenieEvalRunScorer scorer() {
    db = Emulated.emulator().start();
    return GenieEvalRunScorer.builder(Emulated.workspace(db, clock, sleeper)).build();
  }

  @Test
  void score_goodAndBad_mapToVerdictsWithGenieEvalMethodAndReasons() {
    List<QuestionResult> seen = new ArrayList<>();

    ScoreCard card = scorer().score(new ScoringRequest(Emulated.SPACE_ID, BENCHMARKS, "run-1", seen::add));

    assertThat(card.results()).hasSize(2);
    QuestionResult good = card.results().get(0);
    QuestionResult bad = card.results().get(1);
    assertThat(good.passed()).isTrue();
    assertThat(good.representative().verdict().method()).isEqualTo(JudgeMethod.GENIE_EVAL);
    assertThat(good.representative().answer().sql()).isEqualTo(Emulated.SALES_SQL);
    assertThat(bad.passed()).isFalse();
    assertThat(bad.representative().verdict().reasons()).isNotEmpty().doesNotContain(ReasonCode.OTHER);
    assertThat(bad.representative().verdict().explanation()).contains("BAD");
    assertThat(seen).hasSize(2);
    assertThat(card.score()).isEqualTo(0.5);
  }

  @Test
  void score_selectedBenchmarks_sendsOnlyTheirIds() {
    GenieEvalRunScorer scorer = scorer();

    scorer.score(new ScoringRequest(Emulated.SPACE_ID, BENCHMARKS.subList(0, 1), "run-1", null));

    assertThat(db.requests()).filteredOn(r -> r.route().orElse(null) == EmulatorRoute.CREATE_EVAL_RUN)
        .singleElement().satisfies(r -> assertThat(r.body()).contains(Emulated.BENCH_SALES)
            .doesNotContain(Emulated.BENCH_COUNT));
  }

  @Test
  void score_runFailed_failsEveryQuestionWithoutThrowing() {
    GenieEvalRunScorer scorer = scorer();
    db.addFaultRule(dev.genieheal.testkit.emulator.FaultRule.always(
        RequestMatcher.route(EmulatorRoute.GET_EVAL_RUN), Fault.respond(EmulatorResponse.json(200,
            "{\"eval_run_id\":\"r\",\"eval_run_status\":\"EVALUATION_FAILED\"}"))));
    db.addFaultRule(dev.genieheal.testkit.emulator.FaultRule.always(
        RequestMatcher.route(EmulatorRoute.LIST_EVAL_RESULTS), Fault.respond(EmulatorResponse.json(200, "{}"))));

    ScoreCard card = scorer.score(new ScoringRequest(Emulated.SPACE_ID, BENCHMARKS, "run-1", null));

    assertThat(card.passedCount()).isZero();
    assertThat(card.results()).allSatisfy(r -> {
      assertThat(r.representative().answer().status()).isEqualTo(AnswerStatus.FAILED);
      assertThat(r.representative().verdict().explanation()).contains("EVALUATION_FAILED");
    });
  }

  @Test
  void reason_mapsGenieReasonsToOurCodes() {
    assertThat(GenieEvalRunScorer.reason("RESULT_MISSING_ROWS")).isEqualTo(ReasonCode.RESULT_MISSING_ROWS);
    assertThat(GenieEvalRunScorer.reason("LLM_JUDGE_MISSING_OR_INCORRECT_FILTER"))
        .isEqualTo(ReasonCode.LLM_JUDGE_NOT_EQUIVALENT);
    assertThat(GenieEvalRunScorer.reason("SOMETHING_NEW")).isEqualTo(ReasonCode.OTHER);
  }
}
