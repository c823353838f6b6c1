package dev.genieheal.samples.embed;

import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.ProgressSink;
import dev.genieheal.SelfHealingLoop;
import dev.genieheal.StopDecision;
import dev.genieheal.StopPolicy;
import dev.genieheal.analyze.FailureAnalyzer;
import dev.genieheal.judge.AnswerJudge;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.port.SqlExecutor;
import java.time.Duration;

/** Embedding the loop in your own code: the builder, with a custom judge, stop policy and sink as lambdas. */
public final class CustomLoop {
  private CustomLoop() {}

  /**
   * Heals a space: a right answer slower than a minute counts as wrong, 500 Genie questions are the budget, each
   * iteration's score is printed, and Genie gets {@code settleTime} to pick up each save.
   */
  public static LoopResult heal(String spaceId, SpaceStore spaces, GenieClient genie, SqlExecutor warehouse,
      Duration settleTime) {
    AnswerJudge hybrid = AnswerJudge.hybrid(warehouse);
    AnswerJudge judge = context -> {
      Verdict verdict = hybrid.judge(context);
      boolean slow = context.answer().latency().compareTo(Duration.ofMinutes(1)) > 0;
      return verdict.passed() && slow
          ? Verdict.fail(verdict.method(), verdict.reasons(), "right, but slower than a minute") : verdict;
    };
    StopPolicy budget = state -> state.questionsAsked() >= 500
        ? StopDecision.stop(LoopStatus.BUDGET_EXHAUSTED, "500 Genie questions asked") : StopDecision.proceed();
    ProgressSink print = event -> {
      if (event instanceof LoopEvent.IterationFinished finished) {
        System.out.printf("iteration %d: %.0f%%%n", finished.record().iteration(), finished.record().score() * 100);
      }
    };
    return SelfHealingLoop.builder()
        .spaceId(spaceId).spaceStore(spaces).genie(genie).sqlExecutor(warehouse)
        .judge(judge)
        .analyzer(FailureAnalyzer.rules())
        .stopPolicy(StopPolicy.anyOf(StopPolicy.targetScore(0.9), StopPolicy.maxIterations(5), budget))
        .sink(ProgressSink.fanOut(ProgressSink.logging(), print))
        .settleTime(settleTime)
        .build()
        .run();
  }
}
