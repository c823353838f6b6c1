package dev.genieheal.port;

import java.time.Duration;
import java.util.Objects;

/**
 * A question to put to a Genie space.
 *
 * @param spaceId the space to ask
 * @param text the natural-language question
 * @param timeout how long to wait for the answer before giving up
 */
public record GenieQuestion(String spaceId, String text, Duration timeout) {
  /** Validates the parts. */
  public GenieQuestion {
    Objects.requireNonNull(spaceId, "spaceId");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("timeout must be positive: " + timeout);
    }
  }
}
