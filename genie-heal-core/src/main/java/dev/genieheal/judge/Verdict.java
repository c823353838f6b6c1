package dev.genieheal.judge;

import java.util.List;
import java.util.Objects;

/**
 * The judgement of one answer.
 *
 * @param passed whether the answer is right
 * @param method which judging step decided
 * @param reasons why it failed (may also hold informational codes on a pass, e.g. {@code RESULT_EXTRA_COLUMNS})
 * @param explanation a short human explanation (the first differing row or cell, the model's reasoning)
 */
public record Verdict(boolean passed, JudgeMethod method, List<ReasonCode> reasons, String explanation) {
  /** Validates and copies. */
  public Verdict {
    Objects.requireNonNull(method, "method");
    reasons = List.copyOf(reasons);
    explanation = explanation == null ? "" : explanation;
  }

  /** A pass. */
  public static Verdict pass(JudgeMethod method, String explanation) {
    return new Verdict(true, method, List.of(), explanation);
  }

  /** A failure with its reasons. */
  public static Verdict fail(JudgeMethod method, List<ReasonCode> reasons, String explanation) {
    return new Verdict(false, method, reasons, explanation);
  }
}
