package dev.genieheal.databricks;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How one Genie question spent its time, reported by {@link GenieConversationClient} to its
 * {@code onTimings} listener.
 *
 * @param messageId the message, or null when the question was never accepted
 * @param rateLimitWait time spent waiting for the workspace rate limiter
 * @param answerTime time from sending the question to seeing its terminal state
 * @param polls how many times the message was polled
 * @param detectionLag time from the message's last update (its terminal state, by the server's clock) to the poll
 *     that saw it; null when the server sent no timestamp
 */
public record AskTimings(String messageId, Duration rateLimitWait, Duration answerTime, int polls,
    Duration detectionLag) {
  /** Validates. */
  public AskTimings {
    Objects.requireNonNull(rateLimitWait, "rateLimitWait");
    Objects.requireNonNull(answerTime, "answerTime");
  }

  /** The detection lag, when known. */
  public Optional<Duration> lag() {
    return Optional.ofNullable(detectionLag);
  }
}
