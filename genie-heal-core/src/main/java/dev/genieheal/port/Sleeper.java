package dev.genieheal.port;

import java.time.Duration;

/**
 * Waits for a duration. Injected wherever code waits (polling, back-off, rate limiting, settle time) so tests can
 * move time by hand instead of sleeping.
 */
@FunctionalInterface
public interface Sleeper {

  /** Waits for {@code duration}; zero or negative returns at once. */
  void sleep(Duration duration) throws InterruptedException;

  /** The real sleeper, {@link Thread#sleep(long)}. */
  static Sleeper system() {
    return d -> {
      if (!d.isNegative() && !d.isZero()) {
        Thread.sleep(d.toMillis(), d.toNanosPart() % 1_000_000);
      }
    };
  }
}
