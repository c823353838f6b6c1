package dev.genieheal.testkit.emulator;

import java.util.List;
import java.util.Objects;

/**
 * How an eval run judged one answer.
 *
 * @param assessment GOOD, BAD or NEEDS_REVIEW
 * @param reasons the {@code assessment_reasons} (e.g. {@code RESULT_MISSING_ROWS}), empty for GOOD
 */
public record EvalAssessment(Assessment assessment, List<String> reasons) {

  /** The wire values of {@code assessment}. */
  public enum Assessment {
    /** Correct. */
    GOOD,
    /** Wrong. */
    BAD,
    /** Could not be decided automatically. */
    NEEDS_REVIEW
  }

  /** Validates and copies. */
  public EvalAssessment {
    Objects.requireNonNull(assessment, "assessment");
    reasons = List.copyOf(reasons);
  }

  /** A GOOD assessment. */
  public static EvalAssessment good() {
    return new EvalAssessment(Assessment.GOOD, List.of());
  }

  /** A BAD assessment with reasons. */
  public static EvalAssessment bad(String... reasons) {
    return new EvalAssessment(Assessment.BAD, List.of(reasons));
  }

  /** A NEEDS_REVIEW assessment with reasons. */
  public static EvalAssessment needsReview(String... reasons) {
    return new EvalAssessment(Assessment.NEEDS_REVIEW, List.of(reasons));
  }
}
