package dev.genieheal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * What a {@link StopPolicy} sees after each scored iteration.
 *
 * @param history every iteration so far, the latest last (never empty when a policy is asked)
 * @param startedAt when the run started
 * @param now the loop clock's current time
 * @param questionsAsked Genie questions asked so far (all attempts, both sets)
 * @param llmTokens LLM tokens spent so far
 */
public record LoopState(
    List<IterationRecord> history, Instant startedAt, Instant now, long questionsAsked, long llmTokens) {
  /** Validates and copies. */
  public LoopState {
    history = List.copyOf(history);
    Objects.requireNonNull(startedAt, "startedAt");
    Objects.requireNonNull(now, "now");
  }

  /** The latest iteration. */
  public IterationRecord latest() {
    if (history.isEmpty()) {
      throw new IllegalStateException("no iteration has been scored yet");
    }
    return history.get(history.size() - 1);
  }

  /** The latest iteration's number. */
  public int iteration() {
    return latest().iteration();
  }

  /** The latest tuning score. */
  public double score() {
    return latest().score();
  }

  /** The best tuning score so far. */
  public double bestScore() {
    return history.stream().mapToDouble(IterationRecord::score).max().orElse(0.0);
  }

  /** Time since the run started. */
  public Duration elapsed() {
    return Duration.between(startedAt, now);
  }
}
