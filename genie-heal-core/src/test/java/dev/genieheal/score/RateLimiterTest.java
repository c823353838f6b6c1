package dev.genieheal.score;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.doubles.FakeSleeper;
import dev.genieheal.doubles.ManualClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class RateLimiterTest {
  private final ManualClock clock = new ManualClock();
  private final FakeSleeper sleeper = new FakeSleeper(clock);

  @Test
  void acquire_withinLimit_passesAtOnce() throws InterruptedException {
    RateLimiter limiter = RateLimiter.perMinute(5, clock, sleeper);
    for (int i = 0; i < 5; i++) {
      assertThat(limiter.acquire()).isZero();
    }
    assertThat(sleeper.sleeps()).isEmpty();
  }

  @Test
  void acquire_beyondLimit_waitsUntilTheOldestGrantAgesOut() throws InterruptedException {
    RateLimiter limiter = RateLimiter.perMinute(5, clock, sleeper);
    List<Instant> grants = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      limiter.acquire();
      grants.add(clock.instant());
      clock.advance(Duration.ofSeconds(1));
    }
    Instant t0 = Instant.parse("2025-01-01T00:00:00Z");
    assertThat(grants.subList(0, 5)).allSatisfy(g -> assertThat(g).isBefore(t0.plusSeconds(5)));
    assertThat(grants.get(5)).isEqualTo(t0.plusSeconds(60));
    assertThat(grants.get(10)).isEqualTo(t0.plusSeconds(120));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(55), Duration.ofSeconds(55));
  }

  @Test
  void acquire_unlimited_neverWaits() throws InterruptedException {
    RateLimiter limiter = RateLimiter.unlimited();
    for (int i = 0; i < 1000; i++) {
      assertThat(limiter.acquire()).isZero();
    }
    assertThat(limiter.isUnlimited()).isTrue();
  }

  @Test
  void acquire_manyThreadsAtOneInstant_handsOutEachWindowsSlotsExactlyOnce() throws Exception {
    List<Duration> waits = java.util.Collections.synchronizedList(new ArrayList<>());
    RateLimiter limiter = RateLimiter.perMinute(5, clock, d -> { });
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      Thread t = new Thread(() -> {
        try {
          for (int k = 0; k < 5; k++) {
            waits.add(limiter.acquire());
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      });
      threads.add(t);
      t.start();
    }
    for (Thread t : threads) {
      t.join();
    }
    List<Duration> expected = new ArrayList<>();
    for (int window = 0; window < 8; window++) {
      for (int k = 0; k < 5; k++) {
        expected.add(Duration.ofMinutes(window));
      }
    }
    assertThat(waits).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  void factories_badArguments_areRefusedNamingThem() {
    assertThatThrownBy(() -> RateLimiter.perMinute(0, clock, sleeper)).hasMessageContaining("permits");
    assertThatThrownBy(() -> RateLimiter.of(1, Duration.ZERO, clock, sleeper)).hasMessageContaining("window");
    assertThatThrownBy(() -> RateLimiter.perMinute(1, null, sleeper)).hasMessage("clock");
    assertThatThrownBy(() -> RateLimiter.perMinute(1, Clock.systemUTC(), null)).hasMessage("sleeper");
  }
}
