package dev.genieheal.databricks;

import dev.genieheal.port.Sleeper;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Spaces Genie questions evenly: at most {@code perMinute} question POSTs per minute, one every
 * {@code 60 s / perMinute}. Genie's limit is per workspace, so one limiter is shared by every client of a host
 * ({@link #shared(URI, int)}); polls are never limited. Even spacing rather than a burst bucket keeps a long run
 * clear of 429s when other callers share the workspace. Thread-safe: callers reserve slots in arrival order.
 */
public final class QuestionRateLimiter {
  private static final Logger LOG = LoggerFactory.getLogger(QuestionRateLimiter.class);
  private static final Map<String, QuestionRateLimiter> SHARED = new ConcurrentHashMap<>();

  private final int perMinute;
  private final Duration interval;
  private final Clock clock;
  private final Sleeper sleeper;
  private Instant next = Instant.MIN;

  private QuestionRateLimiter(int perMinute, Clock clock, Sleeper sleeper) {
    if (perMinute < 1) {
      throw new IllegalArgumentException("perMinute must be at least 1: " + perMinute);
    }
    this.perMinute = perMinute;
    this.interval = Duration.ofMinutes(1).dividedBy(perMinute);
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** A limiter of its own (tests, or a deliberate separate budget). */
  public static QuestionRateLimiter of(int perMinute, Clock clock, Sleeper sleeper) {
    return new QuestionRateLimiter(perMinute, clock, sleeper);
  }

  /**
   * The process-wide limiter of a workspace host, created with {@code perMinute} on first use; later callers asking
   * for another rate get the existing limiter (a warning is logged), since two budgets for one workspace would let
   * the total exceed the limit.
   */
  public static QuestionRateLimiter shared(URI host, int perMinute) {
    QuestionRateLimiter limiter = SHARED.computeIfAbsent(host.toString(),
        h -> new QuestionRateLimiter(perMinute, Clock.systemUTC(), Sleeper.system()));
    if (limiter.perMinute != perMinute) {
      LOG.warn("questions per minute for {} is already {}; ignoring {}", host, limiter.perMinute, perMinute);
    }
    return limiter;
  }

  /**
   * Waits for the next free slot.
   *
   * @return how long the caller waited
   * @throws InterruptedException when interrupted while waiting (the slot is lost, which only slows others)
   */
  public Duration acquire() throws InterruptedException {
    Instant now;
    Instant slot;
    synchronized (this) {
      now = clock.instant();
      slot = next.isAfter(now) ? next : now;
      next = slot.plus(interval);
    }
    Duration wait = Duration.between(now, slot);
    sleeper.sleep(wait);
    return wait;
  }

  /** The configured rate. */
  public int perMinute() {
    return perMinute;
  }

  @Override
  public String toString() {
    return "QuestionRateLimiter[" + perMinute + "/min]";
  }
}
