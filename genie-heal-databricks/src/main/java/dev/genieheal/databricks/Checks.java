package dev.genieheal.databricks;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the builders of this package: they throw NPE/IAE naming the argument. */
final class Checks {
  private Checks() {}

  static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }
}
