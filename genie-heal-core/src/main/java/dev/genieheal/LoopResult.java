package dev.genieheal;

import dev.genieheal.fix.AppliedFix;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.space.GenieSpace;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How a loop run ended and what it did.
 *
 * @param runId the run's id
 * @param status how it ended
 * @param stopReason a human explanation of the stop
 * @param baselineScore the tuning score before any change
 * @param finalScore the tuning score of the space left in place
 * @param bestScore the best tuning score seen
 * @param iterations how many iterations ran (including the baseline)
 * @param duration wall time of the run
 * @param history one record per iteration, in order
 * @param finalSpace the space left in place (the best valid one)
 * @param applied every fix applied and kept (empty in a dry run; its history holds what would have been applied)
 * @param rejected every proposal rejected, including fixes rolled back
 * @param dryRun whether the run only proposed changes and never saved
 */
public record LoopResult(
    String runId,
    LoopStatus status,
    String stopReason,
    double baselineScore,
    double finalScore,
    double bestScore,
    int iterations,
    Duration duration,
    List<IterationRecord> history,
    GenieSpace finalSpace,
    List<AppliedFix> applied,
    List<RejectedFix> rejected,
    boolean dryRun) {

  /** Validates and copies. */
  public LoopResult {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    stopReason = stopReason == null ? "" : stopReason;
    Objects.requireNonNull(duration, "duration");
    history = List.copyOf(history);
    Objects.requireNonNull(finalSpace, "finalSpace");
    applied = List.copyOf(applied);
    rejected = List.copyOf(rejected);
  }
}
