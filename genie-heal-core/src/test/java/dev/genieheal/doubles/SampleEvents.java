package dev.genieheal.doubles;

import dev.genieheal.BenchmarkSet;
import dev.genieheal.IterationRecord;
import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.analyze.FailureCategory;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.score.ScoreCard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Score cards and one event of each kind, for sink tests. */
public final class SampleEvents {
  public static final Instant AT = Instant.parse("2025-01-01T00:00:00Z");

  private SampleEvents() {}

  /** A card of 20 one-attempt questions of which the first {@code passed} pass. */
  public static ScoreCard card(int passed) {
    List<QuestionResult> results = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Verdict v = i < passed ? Verdict.pass(JudgeMethod.SQL_MATCH, "")
          : Verdict.fail(JudgeMethod.SQL_MATCH, List.of(ReasonCode.OTHER), "");
      results.add(QuestionResult.of(new Benchmark("q" + i, "question " + i, "SELECT " + i),
          new Attempt(GenieAnswer.sql("SELECT 1", null, Duration.ZERO), v)));
    }
    return new ScoreCard(results);
  }

  public static List<LoopEvent> oneOfEach() {
    IterationRecord record = new IterationRecord(0, AT, card(10), card(5), 0.0,
        Map.of(FailureCategory.MISSING_COLUMN, 10), List.of(), List.of(), false, Duration.ofSeconds(3),
        Duration.ofMinutes(4));
    LoopResult result = new LoopResult("r", LoopStatus.NO_FIXES, "nothing", 0.5, 0.5, 0.5, 1, Duration.ofSeconds(3),
        List.of(record), ShopWorld.space(), List.of(), List.of(), false);
    return List.of(
        new LoopEvent.Started("r", AT, "s", 20, 20, Map.of("dryRun", "false")),
        new LoopEvent.QuestionScored("r", AT, 0, BenchmarkSet.TUNING, card(0).results().get(0),
            FailureCategory.WRONG_JOIN),
        new LoopEvent.QuestionScored("r", AT, 0, BenchmarkSet.HELD_OUT, card(1).results().get(0), null),
        new LoopEvent.RolledBack("r", AT, 1, 0.4, 0.5, List.of(ShopWorld.revenue())),
        new LoopEvent.FixesRejected("r", AT, 0, List.of(new RejectedFix(ShopWorld.client(), "{}", "already present"),
            new RejectedFix(null, "garbage", "not a fix"))),
        new LoopEvent.IterationFinished("r", AT, record),
        new LoopEvent.Finished("r", AT, result));
  }
}
