package dev.genieheal.testkit;

import dev.genieheal.internal.Checks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A {@link Clock} that only moves when told to: {@link #advance(Duration)} or {@link #set(Instant)}. Copies made
 * with {@link #withZone(ZoneId)} share the same time. Thread-safe.
 */
public final class ManualClock extends Clock {
  /** The default start, {@code 2024-06-01T00:00:00Z}: fixed so tests are reproducible. */
  public static final Instant DEFAULT_START = Instant.parse("2024-06-01T00:00:00Z");

  private final AtomicReference<Instant> now;
  private final ZoneId zone;

  private ManualClock(AtomicReference<Instant> now, ZoneId zone) {
    this.now = now;
    this.zone = zone;
  }

  /** A UTC clock at {@link #DEFAULT_START}. */
  public static ManualClock create() {
    return at(DEFAULT_START);
  }

  /** A UTC clock at {@code start}. */
  public static ManualClock at(Instant start) {
    return new ManualClock(new AtomicReference<>(Objects.requireNonNull(start, "start")), ZoneOffset.UTC);
  }

  /**
   * Moves time forward.
   *
   * @throws IllegalArgumentException when {@code duration} is negative
   */
  public ManualClock advance(Duration duration) {
    Checks.notNegative(duration, "duration");
    now.updateAndGet(t -> t.plus(duration));
    return this;
  }

  /** Sets the time, forwards or backwards. */
  public ManualClock set(Instant instant) {
    now.set(Objects.requireNonNull(instant, "instant"));
    return this;
  }

  @Override
  public Instant instant() {
    return now.get();
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId newZone) {
    return new ManualClock(now, Objects.requireNonNull(newZone, "newZone"));
  }

  @Override
  public String toString() {
    return "ManualClock[" + now.get() + ", " + zone + "]";
  }
}
