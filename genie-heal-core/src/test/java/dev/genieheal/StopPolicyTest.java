package dev.genieheal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class StopPolicyTest {

  private static LoopStatus status(StopPolicy policy, LoopState state) {
    StopDecision d = policy.decide(state);
    return d instanceof StopDecision.Stop s ? s.status() : null;
  }

  @Test
  void targetScore_atOrAboveTarget_stops() {
    assertThat(status(StopPolicy.targetScore(0.9), LoopStates.of(10, 17))).isNull();
    assertThat(status(StopPolicy.targetScore(0.9), LoopStates.of(10, 18))).isEqualTo(LoopStatus.TARGET_REACHED);
    assertThat(StopPolicy.targetScore(0.9).target()).isEqualTo(OptionalDouble.of(0.9));
  }

  @Test
  void maxIterations_whenIterationReached_stops() {
    assertThat(status(StopPolicy.maxIterations(2), LoopStates.of(1, 2))).isNull();
    assertThat(status(StopPolicy.maxIterations(2), LoopStates.of(1, 2, 3))).isEqualTo(LoopStatus.MAX_ITERATIONS);
    assertThat(status(StopPolicy.maxIterations(0), LoopStates.of(1))).isEqualTo(LoopStatus.MAX_ITERATIONS);
  }

  @Test
  void plateau_smallImprovementsForNIterations_stops() {
    StopPolicy plateau = StopPolicy.plateau(0.05, 3);
    // +1 question = +0.05: enough to reset the count.
    assertThat(status(plateau, LoopStates.of(10, 10, 10))).isNull();
    assertThat(status(plateau, LoopStates.of(10, 10, 10, 11))).isNull();
    assertThat(status(plateau, LoopStates.of(10, 10, 10, 10))).isEqualTo(LoopStatus.PLATEAU);
    assertThat(status(plateau, LoopStates.of(10, 12, 9, 11, 12))).isEqualTo(LoopStatus.PLATEAU);
  }

  @Test
  void degradation_consecutiveDropsBelowBest_stops() {
    StopPolicy degradation = StopPolicy.degradation(2);
    assertThat(status(degradation, LoopStates.of(10, 9))).isNull();
    assertThat(status(degradation, LoopStates.of(10, 9, 8))).isEqualTo(LoopStatus.DEGRADED);
    assertThat(status(degradation, LoopStates.of(10, 9, 10))).isNull();
    assertThat(status(degradation, LoopStates.of(10, 12, 9, 11))).isEqualTo(LoopStatus.DEGRADED);
  }

  @Test
  void deadline_elapsedReachesLimit_stops() {
    StopPolicy deadline = StopPolicy.deadline(Duration.ofHours(1));
    assertThat(status(deadline, LoopStates.of(Duration.ofMinutes(59), 0, 0, 1))).isNull();
    assertThat(status(deadline, LoopStates.of(Duration.ofHours(1), 0, 0, 1))).isEqualTo(LoopStatus.DEADLINE);
  }

  @Test
  void questionBudget_anotherIterationWouldNotFit_stops() {
    StopPolicy budget = StopPolicy.questionBudget(60);
    assertThat(status(budget, LoopStates.of(Duration.ZERO, 40, 0, 1, 1))).isNull();
    assertThat(status(budget, LoopStates.of(Duration.ZERO, 41, 0, 1, 1)))
        .isEqualTo(LoopStatus.BUDGET_EXHAUSTED);
  }

  @Test
  void tokenBudget_spent_stops() {
    assertThat(status(StopPolicy.tokenBudget(1000), LoopStates.of(Duration.ZERO, 0, 999, 1))).isNull();
    assertThat(status(StopPolicy.tokenBudget(1000), LoopStates.of(Duration.ZERO, 0, 1000, 1)))
        .isEqualTo(LoopStatus.BUDGET_EXHAUSTED);
  }

  @Test
  void anyOf_firstStopInOrderWins() {
    StopPolicy p = StopPolicy.anyOf(StopPolicy.maxIterations(1), StopPolicy.targetScore(0.5));
    assertThat(status(p, LoopStates.of(5, 15))).isEqualTo(LoopStatus.MAX_ITERATIONS);
    assertThat(status(StopPolicy.anyOf(StopPolicy.targetScore(0.5), StopPolicy.maxIterations(1)),
        LoopStates.of(5, 15))).isEqualTo(LoopStatus.TARGET_REACHED);
    assertThat(p.target()).isEqualTo(OptionalDouble.of(0.5));
  }

  @Test
  void allOf_stopsOnlyWhenEveryPolicyStops_joiningReasons() {
    StopPolicy p = StopPolicy.allOf(StopPolicy.maxIterations(1), StopPolicy.targetScore(0.5));
    assertThat(status(p, LoopStates.of(5, 5))).isNull();
    StopDecision d = p.decide(LoopStates.of(5, 15));
    assertThat(d).isInstanceOfSatisfying(StopDecision.Stop.class, s -> {
      assertThat(s.status()).isEqualTo(LoopStatus.MAX_ITERATIONS);
      assertThat(s.reason()).contains("; ");
    });
  }

  @Test
  void policies_areValues() {
    assertThat(StopPolicy.plateau(0.05, 3)).isEqualTo(StopPolicy.plateau(0.05, 3)).hasToString("plateau(0.05, 3)");
    assertThat(StopPolicy.anyOf(StopPolicy.targetScore(0.9), StopPolicy.deadline(Duration.ofHours(1))))
        .isEqualTo(StopPolicy.anyOf(StopPolicy.targetScore(0.9), StopPolicy.deadline(Duration.ofHours(1))))
        .hasToString("anyOf(targetScore(0.9), deadline(PT1H))");
    assertThat(SelfHealingLoop.DEFAULT_STOP_POLICY).hasToString(
        "anyOf(targetScore(0.9), maxIterations(10), plateau(0.05, 3), degradation(2))");
  }

  @Test
  void factories_badArguments_areRefusedNamingThem() {
    assertThatThrownBy(() -> StopPolicy.targetScore(1.5)).hasMessageContaining("target");
    assertThatThrownBy(() -> StopPolicy.maxIterations(-1)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> StopPolicy.plateau(-0.1, 3)).hasMessageContaining("minImprovement");
    assertThatThrownBy(() -> StopPolicy.plateau(0.05, 0)).hasMessageContaining("iterations");
    assertThatThrownBy(() -> StopPolicy.degradation(0)).hasMessageContaining("consecutiveDrops");
    assertThatThrownBy(() -> StopPolicy.deadline(Duration.ZERO)).hasMessageContaining("limit");
    assertThatThrownBy(() -> StopPolicy.questionBudget(0)).hasMessageContaining("maxQuestions");
    assertThatThrownBy(() -> StopPolicy.tokenBudget(0)).hasMessageContaining("maxTokens");
    assertThatThrownBy(StopPolicy::anyOf).hasMessageContaining("at least one policy");
    assertThatThrownBy(() -> StopPolicy.allOf((StopPolicy) null)).isInstanceOf(NullPointerException.class);
  }
}
