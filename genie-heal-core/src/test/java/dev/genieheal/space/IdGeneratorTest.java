package dev.genieheal.space;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class IdGeneratorTest {

  /** A clock that moves only when told to. */
  private static final class StepClock extends Clock {
    private long millis;

    StepClock(long millis) {
      this.millis = millis;
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  @Test
  void timeOrdered_sameAndLaterMillis_sortInCreationOrder() {
    StepClock clock = new StepClock(1_760_000_000_000L);
    IdGenerator ids = IdGenerator.timeOrdered(clock, new SplittableRandom(7));
    List<String> made = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      made.add(ids.next());
      if (i % 10 == 0) {
        clock.millis += 1;
      }
    }
    assertThat(made).isSorted().doesNotHaveDuplicates().allMatch(Ids::isValid);
  }

  @Test
  void timeOrdered_clockGoesBack_stillSortsAfter() {
    StepClock clock = new StepClock(2_000);
    IdGenerator ids = IdGenerator.timeOrdered(clock, new SplittableRandom(1));
    String first = ids.next();
    clock.millis = 1_000;
    assertThat(ids.next()).isGreaterThan(first);
  }

  @Test
  void sequential_countsFromStart() {
    IdGenerator ids = IdGenerator.sequential(255);
    assertThat(ids.next()).isEqualTo("00000000000000000000000000000100");
    assertThat(ids.next()).isEqualTo("00000000000000000000000000000101");
  }

  @Test
  void sequential_negativeStart_throws() {
    assertThatThrownBy(() -> IdGenerator.sequential(-1)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("start");
  }

  @Test
  void nextAfter_floorAboveGenerator_incrementsFloor() {
    IdGenerator ids = IdGenerator.sequential(0);
    assertThat(ids.nextAfter("0000000000000000000000000000ffff")).isEqualTo("00000000000000000000000000010000");
    assertThat(ids.nextAfter(null)).isEqualTo("00000000000000000000000000000002");
  }

  @Test
  void nextAfter_largestId_throws() {
    assertThatThrownBy(() -> IdGenerator.sequential(0).nextAfter("f".repeat(32)))
        .isInstanceOf(IllegalStateException.class);
  }
}
