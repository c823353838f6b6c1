package dev.genieheal.databricks.http;

import dev.genieheal.internal.Checks;
import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * When and how long to wait before repeating a failed call.
 *
 * <ul>
 *   <li>HTTP 429 and 503 are always retried: the service refused the request before acting on it. A
 *       {@code Retry-After} is honoured (capped at {@code maxRetryAfter} so a bad header cannot hang a job).
 *   <li>HTTP 500, 502, 504 and connection failures (status 0) are retried only for idempotent calls: a POST that
 *       starts a Genie conversation may have been acted on, and repeating it would ask the question twice.
 *   <li>Everything else (400, 401, 403, 404, 409, ...) is final.
 * </ul>
 * Without {@code Retry-After} the wait is {@code min(maxDelay, baseDelay * 2^(attempt-1))} plus a uniform jitter in
 * {@code [0, maxJitter]}. At most {@code maxAttempts} attempts are made in all.
 *
 * @param maxAttempts attempts in all, at least 1 (1 = no retries); default 5
 * @param baseDelay the first back-off; default 1 s
 * @param maxDelay the back-off cap; default 30 s
 * @param maxJitter the largest random addition; default 500 ms
 * @param maxRetryAfter the longest {@code Retry-After} honoured; default 2 min
 */
public record RetryPolicy(
    int maxAttempts, Duration baseDelay, Duration maxDelay, Duration maxJitter, Duration maxRetryAfter) {

  /** The defaults listed above. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(
      5, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMillis(500), Duration.ofMinutes(2));

  /** Validates. */
  public RetryPolicy {
    Checks.atLeast(maxAttempts, 1, "maxAttempts");
    Checks.notNegative(baseDelay, "baseDelay");
    Checks.notNegative(maxDelay, "maxDelay");
    Checks.notNegative(maxJitter, "maxJitter");
    Checks.notNegative(maxRetryAfter, "maxRetryAfter");
  }

  /** A policy that never retries. */
  public static RetryPolicy none() {
    return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO, Duration.ZERO);
  }

  /** A copy with another attempt limit. */
  public RetryPolicy withMaxAttempts(int attempts) {
    return new RetryPolicy(attempts, baseDelay, maxDelay, maxJitter, maxRetryAfter);
  }

  /** Whether a failure with this status may be retried at all (0 = connection failure). */
  public static boolean retryable(int status, boolean idempotent) {
    return switch (status) {
      case 429, 503 -> true;
      case 0, 500, 502, 504 -> idempotent;
      default -> false;
    };
  }

  /**
   * The wait before the next attempt, or empty when the call must not be repeated.
   *
   * @param attempt the attempt that just failed, 1-based
   * @param status its HTTP status, or 0 for a connection failure
   * @param retryAfter the server's {@code Retry-After}, or null
   * @param idempotent whether the call is idempotent
   * @param random a source of uniform doubles in [0, 1) for the jitter
   */
  public Optional<Duration> retryDelay(
      int attempt, int status, Duration retryAfter, boolean idempotent, DoubleSupplier random) {
    if (attempt >= maxAttempts || !retryable(status, idempotent)) {
      return Optional.empty();
    }
    if (retryAfter != null && !retryAfter.isNegative()) {
      return Optional.of(retryAfter.compareTo(maxRetryAfter) > 0 ? maxRetryAfter : retryAfter);
    }
    return Optional.of(backoff(attempt).plusNanos((long) (random.getAsDouble() * maxJitter.toNanos())));
  }

  /** The back-off without jitter after the given failed attempt (1-based). */
  public Duration backoff(int attempt) {
    int shift = Math.min(Math.max(attempt - 1, 0), 30);
    Duration exp = baseDelay.multipliedBy(1L << shift);
    return exp.compareTo(maxDelay) > 0 || exp.isNegative() ? maxDelay : exp;
  }
}
