package dev.genieheal;

import dev.genieheal.analyze.FailureCategory;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.score.QuestionResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the loop reports to {@link ProgressSink}s, in order: {@link Started}, then per iteration any number of
 * {@link QuestionScored}, at most one {@link RolledBack}, at most one {@link FixesRejected}, one
 * {@link IterationFinished}; finally {@link Finished}.
 */
public sealed interface LoopEvent
    permits LoopEvent.Started, LoopEvent.QuestionScored, LoopEvent.IterationFinished, LoopEvent.FixesRejected,
        LoopEvent.RolledBack, LoopEvent.Finished {

  /** The run this event belongs to. */
  String runId();

  /** When it happened, by the loop's clock. */
  Instant at();

  /**
   * The run started.
   *
   * @param runId run id
   * @param at time
   * @param spaceId the space
   * @param tuningQuestions number of tuning benchmarks
   * @param heldOutQuestions number of held-out benchmarks
   * @param settings the run's settings as text (target, limits, dry run, ...), for reports; never secrets
   */
  record Started(String runId, Instant at, String spaceId, int tuningQuestions, int heldOutQuestions,
      Map<String, String> settings) implements LoopEvent {
    /** Copies. */
    public Started {
      Objects.requireNonNull(runId, "runId");
      settings = Map.copyOf(settings);
    }
  }

  /**
   * One question was asked and judged.
   *
   * @param runId run id
   * @param at time
   * @param iteration the iteration
   * @param set which benchmark set
   * @param result the result
   * @param category the failure category, or null when it passed
   */
  record QuestionScored(String runId, Instant at, int iteration, BenchmarkSet set, QuestionResult result,
      FailureCategory category) implements LoopEvent {}

  /**
   * An iteration finished.
   *
   * @param runId run id
   * @param at time
   * @param record the iteration
   */
  record IterationFinished(String runId, Instant at, IterationRecord record) implements LoopEvent {}

  /**
   * Proposals were rejected (by an analyzer, the guards or the applier).
   *
   * @param runId run id
   * @param at time
   * @param iteration the iteration
   * @param rejected the rejections with reasons
   */
  record FixesRejected(String runId, Instant at, int iteration, List<RejectedFix> rejected) implements LoopEvent {
    /** Copies. */
    public FixesRejected {
      rejected = List.copyOf(rejected);
    }
  }

  /**
   * The space scored worse than the best one and was restored to it.
   *
   * @param runId run id
   * @param at time
   * @param iteration the iteration whose score was worse
   * @param score that score
   * @param bestScore the best score, restored
   * @param rolledBack the fixes undone
   */
  record RolledBack(String runId, Instant at, int iteration, double score, double bestScore, List<Fix> rolledBack)
      implements LoopEvent {
    /** Copies. */
    public RolledBack {
      rolledBack = List.copyOf(rolledBack);
    }
  }

  /**
   * The run ended.
   *
   * @param runId run id
   * @param at time
   * @param result the result
   */
  record Finished(String runId, Instant at, LoopResult result) implements LoopEvent {}
}
