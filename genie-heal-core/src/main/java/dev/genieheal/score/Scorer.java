package dev.genieheal.score;

/**
 * Scores a space on a set of benchmarks. The default asks Genie through a {@link dev.genieheal.port.GenieClient}
 * and judges with an {@link dev.genieheal.judge.AnswerJudge}; {@code GenieEvalRunScorer} (Databricks module) uses
 * Genie's own eval runs instead.
 *
 * <p>A question that errors or times out is a failed {@link QuestionResult}, never an exception. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface Scorer {

  /** Scores every benchmark of the request once (or k times, if so configured). */
  ScoreCard score(ScoringRequest request);
}
