package dev.genieheal.internal;

import java.time.Duration;
import java.util.Objects;

/** Argument checks shared by builders and values, with messages naming the argument. Not API. */
public final class Checks {
  private Checks() {}

  /**
   * Returns {@code value} when it is at least {@code min}.
   *
   * @throws IllegalArgumentException naming {@code name} otherwise
   */
  public static int atLeast(int value, int min, String name) {
    if (value < min) {
      throw new IllegalArgumentException(name + " must be at least " + min + ": " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} when it is within [{@code min}, {@code max}].
   *
   * @throws IllegalArgumentException naming {@code name} and the range otherwise
   */
  public static int within(int value, int min, int max, String name) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(name + " must be within " + min + ".." + max + ": " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} when it is positive.
   *
   * @throws IllegalArgumentException naming {@code name} otherwise
   */
  public static int positive(int value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} when it is not negative.
   *
   * @throws IllegalArgumentException naming {@code name} otherwise
   */
  public static int notNegative(int value, String name) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} when it is positive.
   *
   * @throws IllegalArgumentException naming {@code name} otherwise
   */
  public static long positive(long value, String name) {
    if (value <= 0) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} when it is a number within [0, 1].
   *
   * @throws IllegalArgumentException naming {@code name} otherwise
   */
  public static double fraction(double value, String name) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(name + " must be within [0, 1]: " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} when it is longer than zero.
   *
   * @throws NullPointerException naming {@code name} when null
   * @throws IllegalArgumentException naming {@code name} when zero or negative
   */
  public static Duration positive(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive: " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} when it is not negative.
   *
   * @throws NullPointerException naming {@code name} when null
   * @throws IllegalArgumentException naming {@code name} when negative
   */
  public static Duration notNegative(Duration value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative: " + value);
    }
    return value;
  }

  /**
   * Returns {@code value} when it is neither null nor blank (unchanged: not stripped).
   *
   * @throws NullPointerException naming {@code name} when null
   * @throws IllegalArgumentException naming {@code name} when blank
   */
  public static String notBlank(String value, String name) {
    Objects.requireNonNull(value, name);
    if (value.isBlank()) {
      throw new IllegalArgumentException(name + " must not be blank");
    }
    return value;
  }

  /**
   * Returns {@code value} when a builder's required part is set.
   *
   * @throws IllegalStateException naming {@code name} when null
   */
  public static <T> T required(T value, String name) {
    if (value == null) {
      throw new IllegalStateException(name + " is required");
    }
    return value;
  }

  /**
   * Returns {@code value} when it is a sampling temperature, within [0, 2].
   *
   * @throws IllegalArgumentException naming {@code name} otherwise
   */
  public static double temperature(double value, String name) {
    if (!(value >= 0 && value <= 2)) {
      throw new IllegalArgumentException(name + " must be within [0, 2]: " + value);
    }
    return value;
  }
}
