package dev.genieheal.score;

import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.port.GenieClient;

/**
 * Scores a space on a set of benchmarks. The default ({@link #genie}) asks Genie through a {@link GenieClient} and
 * judges with an {@link AnswerJudge}; {@code GenieEvalRunScorer} (Databricks module) uses Genie's own eval runs
 * instead.
 *
 * <p>A question that errors or times out is a failed {@link QuestionResult}, never an exception. Implementations
 * must be thread-safe.
 */
@FunctionalInterface
public interface Scorer {

  /**
   * Scores every benchmark of the request once (or k times, if so configured).
   *
   * @return one result per benchmark, in the request's order
   * @throws dev.genieheal.error.AuthenticationException when Genie refuses the credentials (nothing can be scored)
   * @throws dev.genieheal.error.NotFoundException when the space does not exist
   */
  ScoreCard score(ScoringRequest request);

  /** The default scorer with {@link ScorerOptions#defaults()}. */
  static Scorer genie(GenieClient genie, AnswerJudge judge) {
    return genie(genie, judge, ScorerOptions.defaults());
  }

  /**
   * The default scorer: asks each question {@code attempts} times on a pool of {@code concurrency} threads, taking
   * a permit from the rate limiter before every new question, and judges each answer.
   *
   * <p>Answers that carry no SQL are failed without consulting the judge: {@code NO_SQL} → {@code NO_SQL},
   * {@code FAILED}/{@code CANCELLED} → {@code GENIE_FAILED}, {@code TIMED_OUT} → {@code TIMED_OUT}. A question that
   * takes longer than the question timeout, or whose client or judge throws, is a failed result whose verdict
   * explains why ({@code TIMED_OUT}, {@code GENIE_FAILED} with error type {@code CLIENT_ERROR}, {@code OTHER}).
   * Questions still open when the iteration timeout passes are failed as {@code TIMED_OUT}. Only an
   * {@link dev.genieheal.error.AuthenticationException} or a {@link dev.genieheal.error.NotFoundException} from the
   * client ends scoring with an exception, since no question could succeed.
   *
   * <p>The timeouts are real time. The returned scorer is thread-safe; each call uses its own threads (daemon) and
   * stops them before returning.
   *
   * @throws NullPointerException when an argument is null
   */
  static Scorer genie(GenieClient genie, AnswerJudge judge, ScorerOptions options) {
    return new GenieScorer(genie, judge, options);
  }
}
