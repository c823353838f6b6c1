package dev.genieheal.score;

import java.util.List;

/**
 * The result of scoring a set of benchmarks once.
 *
 * @param results one result per benchmark, in benchmark order
 */
public record ScoreCard(List<QuestionResult> results) {
  /** Copies. */
  public ScoreCard {
    results = List.copyOf(results);
  }

  /** The fraction of questions that passed, 0 when there are none. */
  public double score() {
    return results.isEmpty() ? 0.0 : (double) passedCount() / results.size();
  }

  /** How many questions passed. */
  public int passedCount() {
    return (int) results.stream().filter(QuestionResult::passed).count();
  }

  /** The questions that failed. */
  public List<QuestionResult> failures() {
    return results.stream().filter(r -> !r.passed()).toList();
  }

  /** How many Genie questions were asked (attempts over all benchmarks). */
  public int questionsAsked() {
    return results.stream().mapToInt(r -> r.attempts().size()).sum();
  }
}
