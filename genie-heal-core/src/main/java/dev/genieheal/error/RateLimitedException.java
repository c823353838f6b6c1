package dev.genieheal.error;

import java.time.Duration;
import java.util.Optional;

/** Thrown when a service refused a request because of its rate limit and retries were exhausted. */
public class RateLimitedException extends GenieHealException {
  private static final long serialVersionUID = 1L;
  private final Duration retryAfter;

  /** Creates the exception; {@code retryAfter} may be null when the service did not say. */
  public RateLimitedException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  /** How long the service asked to wait, when it said. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
