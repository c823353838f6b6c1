package dev.genieheal.judge;

/**
 * Decides whether Genie's answer to a benchmark question is right.
 *
 * <p>Implementations must be thread-safe: the scorer judges several answers at once. A judge never throws for a
 * bad answer or a broken benchmark; it returns a failing {@link Verdict} with the reason.
 */
@FunctionalInterface
public interface AnswerJudge {

  /** Judges one answer. */
  Verdict judge(JudgeContext context);
}
