package dev.genieheal;

import java.time.Duration;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Decides after each scored iteration whether the loop stops.
 *
 * <p>Built-ins, each a value with {@code equals} and {@code toString}: {@link #targetScore}, {@link #maxIterations},
 * {@link #plateau}, {@link #degradation}, {@link #deadline}, {@link #questionBudget}, {@link #tokenBudget}, and the
 * combinators {@link #anyOf} and {@link #allOf}. The loop's default is
 * {@code anyOf(targetScore(0.9), maxIterations(10), plateau(0.05, 3), degradation(2))}.
 *
 * <p>Pure policies (a function of the {@link LoopState} only, like every built-in) are values; combine them freely.
 * Implementations must be thread-safe.
 */
@FunctionalInterface
public interface StopPolicy {

  /** Decides for the given state (its history is never empty). */
  StopDecision decide(LoopState state);

  /**
   * The tuning score this policy aims for, when it has one; the loop uses it to estimate the time to target.
   * Empty by default; combinators report the first target among their policies.
   */
  default OptionalDouble target() {
    return OptionalDouble.empty();
  }

  /**
   * Stops with {@link LoopStatus#TARGET_REACHED} once the latest tuning score is at least {@code target}.
   *
   * @throws IllegalArgumentException when {@code target} is not within [0, 1]
   */
  static StopPolicy targetScore(double target) {
    return new StopPolicies.TargetScore(target);
  }

  /**
   * Stops with {@link LoopStatus#MAX_ITERATIONS} once iteration {@code iterations} has been scored (iteration 0 is
   * the baseline, so {@code maxIterations(10)} allows 10 rounds of fixes; 0 only scores the baseline).
   *
   * @throws IllegalArgumentException when {@code iterations} is negative
   */
  static StopPolicy maxIterations(int iterations) {
    return new StopPolicies.MaxIterations(iterations);
  }

  /**
   * Stops with {@link LoopStatus#PLATEAU} when each of the last {@code iterations} iterations improved the best
   * earlier tuning score by less than {@code minImprovement} (absolute, e.g. 0.05 = 5 points; the seed's "less than
   * 5 % improvement for 3 iterations" is {@code plateau(0.05, 3)}). The baseline never counts as an iteration.
   *
   * @throws IllegalArgumentException when {@code minImprovement} is not within [0, 1] or {@code iterations < 1}
   */
  static StopPolicy plateau(double minImprovement, int iterations) {
    return new StopPolicies.Plateau(minImprovement, iterations);
  }

  /**
   * Stops with {@link LoopStatus#DEGRADED} when each of the last {@code consecutiveDrops} iterations scored below
   * the best earlier tuning score (each of them was rolled back).
   *
   * @throws IllegalArgumentException when {@code consecutiveDrops < 1}
   */
  static StopPolicy degradation(int consecutiveDrops) {
    return new StopPolicies.Degradation(consecutiveDrops);
  }

  /**
   * Stops with {@link LoopStatus#DEADLINE} once {@code limit} has passed since the run started (by the loop's
   * clock). Checked after each iteration, so a run may overrun by up to one iteration.
   *
   * @throws IllegalArgumentException when {@code limit} is not positive
   */
  static StopPolicy deadline(Duration limit) {
    return new StopPolicies.Deadline(limit);
  }

  /**
   * Stops with {@link LoopStatus#BUDGET_EXHAUSTED} when another iteration as large as the latest one would ask
   * Genie more than {@code maxQuestions} questions in total (all attempts, both sets), so the budget is never
   * exceeded by the loop's own scoring.
   *
   * @throws IllegalArgumentException when {@code maxQuestions} is not positive
   */
  static StopPolicy questionBudget(long maxQuestions) {
    return new StopPolicies.QuestionBudget(maxQuestions);
  }

  /**
   * Stops with {@link LoopStatus#BUDGET_EXHAUSTED} once the analyzers have spent at least {@code maxTokens} LLM
   * tokens.
   *
   * @throws IllegalArgumentException when {@code maxTokens} is not positive
   */
  static StopPolicy tokenBudget(long maxTokens) {
    return new StopPolicies.TokenBudget(maxTokens);
  }

  /**
   * Stops when any policy stops. Policies are asked in the given order and the first stop wins (its status and
   * reason); later policies are not asked. For pure policies whether the result stops does not depend on the order.
   *
   * @throws IllegalArgumentException when no policy is given
   * @throws NullPointerException when a policy is null
   */
  static StopPolicy anyOf(StopPolicy... policies) {
    return new StopPolicies.AnyOf(List.of(policies));
  }

  /**
   * Stops only when every policy stops. Every policy is asked, in the given order; the status is the first
   * policy's and the reasons are joined with {@code "; "}. For pure policies whether the result stops does not
   * depend on the order.
   *
   * @throws IllegalArgumentException when no policy is given
   * @throws NullPointerException when a policy is null
   */
  static StopPolicy allOf(StopPolicy... policies) {
    return new StopPolicies.AllOf(List.of(policies));
  }
}
