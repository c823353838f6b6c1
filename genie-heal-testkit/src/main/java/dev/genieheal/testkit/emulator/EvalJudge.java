package dev.genieheal.testkit.emulator;

/**
 * Decides the assessment of one benchmark answer in an emulated eval run. Built-in:
 * {@link #resultComparison()}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface EvalJudge {

  /** Judges one case; must not return null. */
  EvalAssessment assess(EvalCase evalCase);

  /**
   * Compares result sets the way the service's deterministic judge does: same columns (by position) and the same
   * multiset of rows (order ignored, numbers compared by value) is GOOD; otherwise BAD with reasons
   * ({@code EMPTY_RESULT}, {@code RESULT_MISSING_COLUMNS}, {@code RESULT_EXTRA_COLUMNS}, {@code RESULT_MISSING_ROWS},
   * {@code RESULT_EXTRA_ROWS}, {@code SINGLE_CELL_DIFFERENCE}); NEEDS_REVIEW when the ground truth could not be run.
   */
  static EvalJudge resultComparison() {
    return new ResultComparisonJudge();
  }
}
