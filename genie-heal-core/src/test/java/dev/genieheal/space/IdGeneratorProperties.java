package dev.genieheal.space;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

class IdGeneratorProperties {

  @Property(tries = 200)
  void nextAfter_anyHexFloor_sortsAfterIt(
      @ForAll @StringLength(32) @Chars({'0', '1', '7', '9', 'a', 'e'}) String floor) {
    String id = IdGenerator.timeOrdered(Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), new SplittableRandom(3))
        .nextAfter(floor);
    assertThat(id).matches("[0-9a-f]{32}").isGreaterThan(floor);
  }
}
