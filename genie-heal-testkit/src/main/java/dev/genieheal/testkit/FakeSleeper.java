package dev.genieheal.testkit;

import dev.genieheal.port.Sleeper;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A {@link Sleeper} that returns at once, records every positive sleep and advances a {@link ManualClock} by it, so
 * code that waits runs instantly and its waits can be asserted. Thread-safe.
 */
public final class FakeSleeper implements Sleeper {
  private final ManualClock clock;
  private final List<Duration> sleeps = new ArrayList<>();

  private FakeSleeper(ManualClock clock) {
    this.clock = clock;
  }

  /** A sleeper that advances {@code clock} by each sleep. */
  public static FakeSleeper advancing(ManualClock clock) {
    return new FakeSleeper(Objects.requireNonNull(clock, "clock"));
  }

  /** A sleeper that only records. */
  public static FakeSleeper create() {
    return new FakeSleeper(null);
  }

  /** Records {@code duration} and advances the clock; zero and negative durations are ignored, as the contract says. */
  @Override
  public void sleep(Duration duration) {
    Objects.requireNonNull(duration, "duration");
    if (duration.isNegative() || duration.isZero()) {
      return;
    }
    synchronized (this) {
      sleeps.add(duration);
    }
    if (clock != null) {
      clock.advance(duration);
    }
  }

  /** Every positive sleep, in order. */
  public synchronized List<Duration> sleeps() {
    return List.copyOf(sleeps);
  }

  /** The sum of all sleeps. */
  public synchronized Duration total() {
    return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
  }
}
