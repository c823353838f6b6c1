package dev.genieheal.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SignTestTest {

  /** A card whose question i passes k of n attempts, with pattern[i] = k. */
  static ScoreCard card(int attempts, int... passes) {
    List<QuestionResult> results = new ArrayList<>();
    for (int i = 0; i < passes.length; i++) {
      Benchmark b = new Benchmark("q" + i, "question " + i, "SELECT " + i);
      List<Attempt> list = new ArrayList<>();
      for (int k = 0; k < attempts; k++) {
        Verdict v = k < passes[i] ? Verdict.pass(JudgeMethod.SQL_MATCH, "")
            : Verdict.fail(JudgeMethod.SQL_MATCH, List.of(ReasonCode.OTHER), "");
        list.add(new Attempt(GenieAnswer.sql("SELECT 1", null, Duration.ZERO), v));
      }
      results.add(new QuestionResult(b, list));
    }
    return new ScoreCard(results);
  }

  @Test
  void upperTail_knownValues_matchTheBinomial() {
    assertThat(SignTest.upperTail(5, 5)).isCloseTo(1.0 / 32, within(1e-12));
    assertThat(SignTest.upperTail(4, 3)).isCloseTo(5.0 / 16, within(1e-12));
    assertThat(SignTest.upperTail(10, 0)).isEqualTo(1.0);
    assertThat(SignTest.upperTail(10, 11)).isEqualTo(0.0);
    assertThat(SignTest.upperTail(0, 0)).isEqualTo(1.0);
  }

  @Test
  void upperTail_largeN_doesNotUnderflow() {
    assertThat(SignTest.upperTail(2000, 1000)).isCloseTo(0.5089, within(1e-3));
    assertThat(SignTest.upperTail(2000, 1200)).isPositive().isLessThan(1e-15);
  }

  @Test
  void compare_sixImprovedNoneWorse_isBetterAtFivePercent() {
    SignTest.Result r = SignTest.compare(card(1, 0, 0, 0, 0, 0, 0, 1), card(1, 1, 1, 1, 1, 1, 1, 1));
    assertThat(r.improved()).isEqualTo(6);
    assertThat(r.worsened()).isZero();
    assertThat(r.ties()).isEqualTo(1);
    assertThat(r.pValue()).isCloseTo(1.0 / 64, within(1e-12));
    assertThat(r.better(SignTest.DEFAULT_ALPHA)).isTrue();
  }

  @Test
  void compare_threeUpOneDown_isWithinNoise() {
    SignTest.Result r = SignTest.compare(card(1, 0, 0, 0, 1), card(1, 1, 1, 1, 0));
    assertThat(r.pValue()).isCloseTo(5.0 / 16, within(1e-12));
    assertThat(r.better(0.05)).isFalse();
  }

  @Test
  void compare_passRatesOverAttempts_pairPerQuestion() {
    SignTest.Result r = SignTest.compare(card(3, 1, 2, 3), card(3, 2, 2, 1));
    assertThat(r.improved()).isEqualTo(1);
    assertThat(r.worsened()).isEqualTo(1);
    assertThat(r.ties()).isEqualTo(1);
  }

  @Test
  void compare_identicalCards_pValueOne() {
    assertThat(SignTest.compare(card(1, 1, 0), card(1, 1, 0)).pValue()).isEqualTo(1.0);
  }

  @Test
  void acceptanceRules_higherScoreAndSignTest_decideAsDocumented() {
    ScoreCard best = card(1, 0, 0, 0, 0, 0, 0);
    ScoreCard slightlyBetter = card(1, 1, 0, 0, 0, 0, 0);
    ScoreCard muchBetter = card(1, 1, 1, 1, 1, 1, 0);
    assertThat(AcceptanceRule.higherScore().accepts(slightlyBetter, best)).isTrue();
    assertThat(AcceptanceRule.higherScore().accepts(best, best)).isFalse();
    assertThat(AcceptanceRule.signTest(0.05).accepts(slightlyBetter, best)).isFalse();
    assertThat(AcceptanceRule.signTest(0.05).accepts(muchBetter, best)).isTrue();
    assertThat(AcceptanceRule.signTest(0.05)).isEqualTo(AcceptanceRule.signTest(0.05))
        .hasToString("signTest(0.05)");
    assertThat(AcceptanceRule.higherScore()).hasToString("higherScore");
  }

  @Test
  void signTestRule_alphaOutOfRange_isRefused() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> AcceptanceRule.signTest(1.0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alpha");
  }
}
