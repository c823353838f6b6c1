package dev.genieheal.space;

import java.time.Clock;
import java.util.Objects;
import java.util.random.RandomGenerator;

/** Time-ordered ids: 12 hex digits of epoch millis, 4 of a per-millisecond counter, 16 random. */
final class TimeOrderedIdGenerator implements IdGenerator {
  private final Clock clock;
  private final RandomGenerator random;
  private long lastMillis = -1;
  private int counter;

  TimeOrderedIdGenerator(Clock clock, RandomGenerator random) {
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
  }

  @Override
  public synchronized String next() {
    long millis = Math.max(clock.millis(), lastMillis);
    if (millis == lastMillis) {
      counter++;
      if (counter > 0xffff) {
        millis++;
        counter = 0;
      }
    } else {
      counter = 0;
    }
    lastMillis = millis;
    return String.format("%012x%04x%016x", millis & 0xffffffffffffL, counter, random.nextLong());
  }
}
