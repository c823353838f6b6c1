package dev.genieheal.score;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.doubles.FakeSleeper;
import dev.genieheal.doubles.ManualClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RateLimiterProperties {

  @Property(tries = 200)
  void acquire_anyArrivals_atMostPermitsInAnyWindow(
      @ForAll @IntRange(min = 1, max = 6) int permits,
      @ForAll @Size(min = 1, max = 40) List<@IntRange(min = 0, max = 30) Integer> gapsSeconds)
      throws InterruptedException {
    ManualClock c = new ManualClock();
    RateLimiter limiter = RateLimiter.perMinute(permits, c, new FakeSleeper(c));
    List<Instant> grants = new ArrayList<>();
    for (int gap : gapsSeconds) {
      c.advance(Duration.ofSeconds(gap));
      limiter.acquire();
      grants.add(c.instant());
    }
    for (int i = permits; i < grants.size(); i++) {
      assertThat(Duration.between(grants.get(i - permits), grants.get(i))).isGreaterThanOrEqualTo(
          Duration.ofMinutes(1));
    }
  }
}
