package dev.genieheal.judge;

/**
 * Decides whether Genie's answer to a benchmark question is right.
 *
 * <p>Implementations must be thread-safe: the scorer judges several answers at once. A judge never throws for a
 * bad answer or a broken benchmark; it returns a failing {@link Verdict} with the reason.
 *
 * <p>Built-ins: {@link #hybrid(dev.genieheal.port.SqlExecutor)} ({@link HybridAnswerJudge}).
 */
@FunctionalInterface
public interface AnswerJudge {

  /** Judges one answer. */
  Verdict judge(JudgeContext context);

  /**
   * The default judge: normalised SQL, then result comparison with default {@link ComparisonOptions}, no second
   * judge. Use {@link HybridAnswerJudge#builder()} to add one or change the options.
   *
   * @throws NullPointerException when {@code executor} is null
   */
  static AnswerJudge hybrid(dev.genieheal.port.SqlExecutor executor) {
    return HybridAnswerJudge.builder().executor(executor).build();
  }
}
