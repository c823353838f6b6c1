package dev.genieheal.score;

import dev.genieheal.internal.Checks;
import dev.genieheal.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Objects;

/**
 * Lets at most {@code permits} callers through in any sliding window of {@code window} (Genie allows 5 new questions
 * per minute per workspace). Bursts up to the limit pass at once; after that each caller waits until the oldest
 * grant of the window has aged out.
 *
 * <p>Time comes from the injected {@link Clock} and waiting goes through the injected {@link Sleeper}, so tests
 * move time by hand. Thread-safe: callers reserve their slot under a lock and wait outside it, so grants are handed
 * out in arrival order and never exceed the limit, even when the sleeper returns early.
 */
public final class RateLimiter {
  private final int permits;
  private final Duration window;
  private final Clock clock;
  private final Sleeper sleeper;
  /** Grant times of the last {@code permits} reservations, oldest first; empty when unlimited. */
  private final ArrayDeque<Instant> grants;

  private RateLimiter(int permits, Duration window, Clock clock, Sleeper sleeper) {
    this.permits = permits;
    this.window = window;
    this.clock = clock;
    this.sleeper = sleeper;
    this.grants = new ArrayDeque<>();
  }

  /**
   * A limiter allowing {@code permits} acquisitions per minute.
   *
   * @throws IllegalArgumentException when {@code permits} is not positive
   * @throws NullPointerException when {@code clock} or {@code sleeper} is null
   */
  public static RateLimiter perMinute(int permits, Clock clock, Sleeper sleeper) {
    return of(permits, Duration.ofMinutes(1), clock, sleeper);
  }

  /**
   * A limiter allowing {@code permits} acquisitions in any window of {@code window}.
   *
   * @throws IllegalArgumentException when {@code permits} or {@code window} is not positive
   * @throws NullPointerException when an argument is null
   */
  public static RateLimiter of(int permits, Duration window, Clock clock, Sleeper sleeper) {
    Checks.positive(permits, "permits");
    Checks.positive(window, "window");
    return new RateLimiter(permits, window, Objects.requireNonNull(clock, "clock"),
        Objects.requireNonNull(sleeper, "sleeper"));
  }

  /** A limiter that never waits. */
  public static RateLimiter unlimited() {
    return new RateLimiter(0, Duration.ZERO, Clock.systemUTC(), d -> { });
  }

  /**
   * Waits, if needed, until one more acquisition fits the limit, and takes it.
   *
   * @return how long this caller was made to wait
   * @throws InterruptedException when interrupted while waiting (the reserved slot is not returned)
   */
  public Duration acquire() throws InterruptedException {
    if (permits == 0) {
      return Duration.ZERO;
    }
    Instant now;
    Instant slot;
    synchronized (grants) {
      now = clock.instant();
      slot = now;
      if (grants.size() == permits) {
        Instant freed = grants.removeFirst().plus(window);
        if (freed.isAfter(slot)) {
          slot = freed;
        }
      }
      grants.addLast(slot);
    }
    Duration wait = Duration.between(now, slot);
    if (!wait.isZero()) {
      sleeper.sleep(wait);
    }
    return wait;
  }

  /** Whether this limiter never waits. */
  public boolean isUnlimited() {
    return permits == 0;
  }

  @Override
  public String toString() {
    return permits == 0 ? "RateLimiter[unlimited]" : "RateLimiter[" + permits + " per " + window + "]";
  }
}
