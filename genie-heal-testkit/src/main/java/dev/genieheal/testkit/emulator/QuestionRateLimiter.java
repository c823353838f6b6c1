package dev.genieheal.testkit.emulator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The workspace-wide Genie question limit: a token bucket of {@code perMinute} questions refilled continuously on
 * the emulator's clock. Only new questions (start-conversation, create-message) take a token. Thread-safe.
 */
final class QuestionRateLimiter {
  private final int perMinute;
  private final Clock clock;
  private double tokens;
  private Instant refilledAt;

  /** {@code perMinute} 0 disables the limit. */
  QuestionRateLimiter(int perMinute, Clock clock) {
    this.perMinute = perMinute;
    this.clock = clock;
    this.tokens = perMinute;
    this.refilledAt = clock.instant();
  }

  /** Takes one token, or throws 429 REQUEST_LIMIT_EXCEEDED with the whole seconds until one is available. */
  synchronized void acquire() {
    if (perMinute == 0) {
      return;
    }
    Instant now = clock.instant();
    long elapsedNanos = Math.max(0, Duration.between(refilledAt, now).toNanos());
    tokens = Math.min(perMinute, tokens + elapsedNanos * perMinute / 60e9);
    refilledAt = now;
    if (tokens >= 1) {
      tokens -= 1;
      return;
    }
    long waitSeconds = Math.max(1, (long) Math.ceil((1 - tokens) * 60 / perMinute));
    throw ApiError.rateLimited("Genie API rate limit exceeded: at most " + perMinute
        + " questions per minute per workspace. Retry after " + waitSeconds + " seconds.", waitSeconds);
  }
}
