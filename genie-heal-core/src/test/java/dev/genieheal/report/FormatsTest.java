package dev.genieheal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class FormatsTest {

  @Test
  void percent_wholeAndFractional_showOneDecimalOnlyWhenNeeded() {
    assertThat(Formats.percent(0.8)).isEqualTo("80%");
    assertThat(Formats.percent(0.575)).isEqualTo("57.5%");
    assertThat(Formats.percent(1.0 / 3)).isEqualTo("33.3%");
  }

  @Test
  void points_change_hasItsSign() {
    assertThat(Formats.points(0.2)).isEqualTo("+20 pts");
    assertThat(Formats.points(-0.125)).isEqualTo("-12.5 pts");
    assertThat(Formats.points(0)).isEqualTo("±0 pts");
  }

  @Test
  void duration_eachRange_usesItsUnit() {
    assertThat(Formats.duration(Duration.ofMillis(850))).isEqualTo("850 ms");
    assertThat(Formats.duration(Duration.ofMillis(12_345))).isEqualTo("12.3 s");
    assertThat(Formats.duration(Duration.ofSeconds(245))).isEqualTo("4 min 05 s");
    assertThat(Formats.duration(Duration.ofMinutes(123))).isEqualTo("2 h 03 min");
    assertThat(Formats.duration(null)).isEqualTo("–");
  }

  @Test
  void truncate_longText_endsInEllipsis() {
    assertThat(Formats.truncate("abcdef", 4)).isEqualTo("abc…");
    assertThat(Formats.truncate("abc", 4)).isEqualTo("abc");
    assertThat(Formats.truncate(null, 4)).isEmpty();
  }
}
