package dev.genieheal.error;

import java.time.Duration;

/** Thrown when an operation (a Genie answer, a statement, an iteration) did not finish within its time limit. */
public class GenieTimeoutException extends GenieHealException {
  private static final long serialVersionUID = 1L;
  private final Duration limit;

  /** Creates the exception, naming the limit that was exceeded. */
  public GenieTimeoutException(String message, Duration limit) {
    super(message);
    this.limit = limit;
  }

  /** The limit that was exceeded. */
  public Duration limit() {
    return limit;
  }
}
