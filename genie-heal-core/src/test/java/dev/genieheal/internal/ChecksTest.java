package dev.genieheal.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ChecksTest {

  @Test
  void within_bounds_returnsTheValue() {
    assertThat(Checks.within(0, 0, 65_535, "port")).isZero();
    assertThat(Checks.within(65_535, 0, 65_535, "port")).isEqualTo(65_535);
  }

  @Test
  void within_outside_throwsNamingTheRange() {
    assertThatThrownBy(() -> Checks.within(600, 100, 599, "status"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("status must be within 100..599: 600");
  }

  @Test
  void positiveInt_zero_throwsNamingTheArgument() {
    assertThat(Checks.positive(1, "chunkRows")).isEqualTo(1);
    assertThatThrownBy(() -> Checks.positive(0, "chunkRows"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("chunkRows must be positive: 0");
  }

  @Test
  void notNegativeInt_negative_throwsNamingTheArgument() {
    assertThat(Checks.notNegative(0, "pollsPerState")).isZero();
    assertThatThrownBy(() -> Checks.notNegative(-1, "pollsPerState"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("pollsPerState must not be negative: -1");
  }

  @Test
  void notBlank_text_returnsItUnstripped() {
    assertThat(Checks.notBlank(" a ", "name")).isEqualTo(" a ");
  }

  @Test
  void notBlank_null_throwsNpeNamingTheArgument() {
    assertThatThrownBy(() -> Checks.notBlank(null, "name"))
        .isInstanceOf(NullPointerException.class).hasMessage("name");
  }

  @Test
  void notBlank_blank_throwsNamingTheArgument() {
    assertThatThrownBy(() -> Checks.notBlank(" \t", "name"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("name must not be blank");
  }

  @Test
  void required_null_throwsIllegalStateNamingThePart() {
    assertThat(Checks.required("x", "table")).isEqualTo("x");
    assertThatThrownBy(() -> Checks.required(null, "table"))
        .isInstanceOf(IllegalStateException.class).hasMessage("table is required");
  }

  @Test
  void notNegativeDuration_negative_throwsNamingTheArgument() {
    assertThat(Checks.notNegative(Duration.ZERO, "delay")).isEqualTo(Duration.ZERO);
    assertThatThrownBy(() -> Checks.notNegative(Duration.ofSeconds(-1), "delay"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("delay must not be negative: PT-1S");
  }
}
