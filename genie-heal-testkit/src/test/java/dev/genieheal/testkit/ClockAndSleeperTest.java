package dev.genieheal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ClockAndSleeperTest {

  @Test
  void manualClock_advance_movesOnlyWhenTold() {
    ManualClock clock = ManualClock.create();
    assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START);
    clock.advance(Duration.ofMinutes(5));
    assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(300));
    assertThat(clock.millis()).isEqualTo(ManualClock.DEFAULT_START.plusSeconds(300).toEpochMilli());
  }

  @Test
  void manualClock_withZone_sharesTime() {
    ManualClock clock = ManualClock.at(Instant.parse("2024-01-01T00:00:00Z"));
    java.time.Clock paris = clock.withZone(ZoneId.of("Europe/Paris"));
    clock.advance(Duration.ofHours(1));
    assertThat(paris.instant()).isEqualTo(Instant.parse("2024-01-01T01:00:00Z"));
    assertThat(paris.getZone()).isEqualTo(ZoneId.of("Europe/Paris"));
  }

  @Test
  void manualClock_negativeAdvance_isRejected() {
    assertThatThrownBy(() -> ManualClock.create().advance(Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duration");
  }

  @Test
  void manualClock_set_canGoBack() {
    ManualClock clock = ManualClock.create().set(Instant.EPOCH);
    assertThat(clock.instant()).isEqualTo(Instant.EPOCH);
  }

  @Test
  void fakeSleeper_sleep_recordsAndAdvancesClock() {
    ManualClock clock = ManualClock.create();
    FakeSleeper sleeper = FakeSleeper.advancing(clock);
    sleeper.sleep(Duration.ofSeconds(2));
    sleeper.sleep(Duration.ZERO);
    sleeper.sleep(Duration.ofSeconds(-1));
    sleeper.sleep(Duration.ofMillis(500));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(2), Duration.ofMillis(500));
    assertThat(sleeper.total()).isEqualTo(Duration.ofMillis(2500));
    assertThat(clock.instant()).isEqualTo(ManualClock.DEFAULT_START.plusMillis(2500));
  }

  @Test
  void fakeSleeper_create_onlyRecords() {
    FakeSleeper sleeper = FakeSleeper.create();
    sleeper.sleep(Duration.ofSeconds(1));
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(1));
  }
}
