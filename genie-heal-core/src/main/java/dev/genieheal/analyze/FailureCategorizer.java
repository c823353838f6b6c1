package dev.genieheal.analyze;

import dev.genieheal.score.QuestionResult;

/**
 * Puts a failed question into one of the {@link FailureCategory categories}, from the structural difference
 * between the expected and the generated SQL plus the comparison's reasons. Never throws: SQL it cannot parse
 * yields {@link FailureCategory#UNKNOWN} (or {@code SQL_SYNTAX_ERROR} for Genie's own SQL). Thread-safe.
 */
public final class FailureCategorizer {

  /** A categorizer. */
  public static FailureCategorizer create() {
    return new FailureCategorizer();
  }

  /** The category of a failed question with its evidence. */
  public Categorization categorize(QuestionResult result) {
    // TODO(issue 3)
    return new Categorization(FailureCategory.UNKNOWN, java.util.List.of());
  }
}
