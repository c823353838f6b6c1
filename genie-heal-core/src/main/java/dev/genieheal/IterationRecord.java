package dev.genieheal;

import dev.genieheal.analyze.FailureCategory;
import dev.genieheal.fix.AppliedFix;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.score.ScoreCard;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One iteration of the loop: the score of the space as it was, and what was changed after scoring.
 *
 * <p>Iteration 0 scores the space as loaded (the baseline). Fixes applied in iteration {@code i} are judged by the
 * score of iteration {@code i + 1}.
 *
 * @param iteration 0 for the baseline, then 1, 2, ...
 * @param finishedAt when the iteration ended
 * @param tuning the tuning set's score card
 * @param heldOut the held-out set's score card, or null when there is no held-out set
 * @param delta the tuning score minus the previous iteration's (0 for the baseline)
 * @param failuresByCategory tuning failures per category
 * @param applied fixes applied after scoring (empty on the last iteration; in a dry run, what would have been
 *     applied)
 * @param rejected proposals that were not applied, with reasons
 * @param rolledBack whether this iteration's space scored worse than the best and was rolled back
 * @param duration how long the iteration took
 * @param etaToTarget a linear estimate of the time to reach the target, or null when not improving
 */
public record IterationRecord(
    int iteration,
    Instant finishedAt,
    ScoreCard tuning,
    ScoreCard heldOut,
    double delta,
    Map<FailureCategory, Integer> failuresByCategory,
    java.util.List<AppliedFix> applied,
    java.util.List<RejectedFix> rejected,
    boolean rolledBack,
    Duration duration,
    Duration etaToTarget) {

  /** Validates and copies. */
  public IterationRecord {
    Objects.requireNonNull(finishedAt, "finishedAt");
    Objects.requireNonNull(tuning, "tuning");
    failuresByCategory = Map.copyOf(failuresByCategory);
    applied = java.util.List.copyOf(applied);
    rejected = java.util.List.copyOf(rejected);
    Objects.requireNonNull(duration, "duration");
  }

  /** The tuning score. */
  public double score() {
    return tuning.score();
  }

  /** The held-out score, when there is a held-out set. */
  public Optional<Double> heldOutScore() {
    return heldOut == null ? Optional.empty() : Optional.of(heldOut.score());
  }

  /** The ETA to the target, when it can be estimated. */
  public Optional<Duration> eta() {
    return Optional.ofNullable(etaToTarget);
  }
}
