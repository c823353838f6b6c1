package dev.genieheal.score;

/**
 * Decides whether the space scored by {@code candidate} replaces the best space so far; when it does not, the loop
 * rolls back to the best space.
 *
 * <p>Built-ins: {@link #higherScore()} (the default) and {@link #signTest(double)}. Implementations must be
 * thread-safe and should be pure.
 */
@FunctionalInterface
public interface AcceptanceRule {

  /** Whether {@code candidate} (the tuning card of the changed space) beats {@code best}. */
  boolean accepts(ScoreCard candidate, ScoreCard best);

  /** Accepts a strictly higher tuning score: an equal score is rolled back, since the change bought nothing. */
  static AcceptanceRule higherScore() {
    return AcceptanceRules.HigherScore.INSTANCE;
  }

  /**
   * Accepts only an improvement beyond noise: the paired {@link SignTest} p-value is at most {@code alpha}. With
   * few questions this is strict (at {@code alpha = 0.05}, at least 5 questions must improve and none worsen);
   * pair it with {@code attempts > 1} on the scorer for a meaningful pass rate per question.
   *
   * @throws IllegalArgumentException when {@code alpha} is not within (0, 1)
   */
  static AcceptanceRule signTest(double alpha) {
    return new AcceptanceRules.SignTestRule(alpha);
  }
}
