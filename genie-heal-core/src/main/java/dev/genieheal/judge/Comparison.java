package dev.genieheal.judge;

import java.util.List;
import java.util.Objects;

/**
 * The outcome of comparing Genie's result with the expected result.
 *
 * @param passed whether the results are the same answer
 * @param reasons why they differ; on a pass only informational codes (e.g. {@link ReasonCode#RESULT_EXTRA_COLUMNS})
 * @param explanation a short human explanation naming the first differing row or cell
 * @param mayBeAcceptable whether a failure is of a kind a person might still accept, so a second judge may look:
 *     only missing or extra columns while the matched columns agree, row order only, numeric differences within
 *     the near-miss tolerance, or an empty expected result ({@link ReasonCode#EMPTY_GOOD_SQL}); false on a pass
 * @param columnMapping for each expected column, the index of Genie's column it was matched to, or -1
 * @param missingRows how many expected rows Genie's result lacks
 * @param extraRows how many rows Genie's result has beyond the expected ones
 */
public record Comparison(
    boolean passed,
    List<ReasonCode> reasons,
    String explanation,
    boolean mayBeAcceptable,
    List<Integer> columnMapping,
    int missingRows,
    int extraRows) {

  /** Validates and copies. */
  public Comparison {
    reasons = List.copyOf(reasons);
    Objects.requireNonNull(explanation, "explanation");
    columnMapping = List.copyOf(columnMapping);
    if (passed && mayBeAcceptable) {
      throw new IllegalArgumentException("a passing comparison cannot be 'may be acceptable'");
    }
  }

  /** This outcome as a verdict decided by {@link JudgeMethod#RESULT_COMPARISON}. */
  public Verdict toVerdict() {
    return new Verdict(passed, JudgeMethod.RESULT_COMPARISON, reasons, explanation);
  }
}
