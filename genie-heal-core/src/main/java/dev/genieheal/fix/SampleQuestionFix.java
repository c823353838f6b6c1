package dev.genieheal.fix;

import java.util.List;

/**
 * Adds a starter question shown in the Genie UI.
 *
 * @param question the question
 * @param reason why
 * @param benchmarkIds motivating benchmarks
 */
public record SampleQuestionFix(String question, String reason, List<String> benchmarkIds) implements Fix {
  /** Validates and copies. */
  public SampleQuestionFix {
    Fixes.requireText(question, "question");
    reason = reason == null ? "" : reason;
    benchmarkIds = Fixes.copy(benchmarkIds);
  }

  @Override
  public String type() {
    return "sample_question";
  }
}
