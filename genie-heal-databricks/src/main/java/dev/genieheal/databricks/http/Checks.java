package dev.genieheal.databricks.http;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by the builders of this module: they throw NPE/IAE naming the argument. Internal. */
public final class Checks {
  private Checks() {}

  /** Returns a positive duration or throws naming it. */
  public static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /** Returns the stripped non-blank text or throws naming it. */
  public static String text(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value.strip();
  }
}
