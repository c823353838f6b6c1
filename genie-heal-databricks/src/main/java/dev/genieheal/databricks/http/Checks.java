package dev.genieheal.databricks.http;

import java.time.Duration;
import java.util.Objects;
import java.util.regex.Pattern;

/** Argument checks shared by the builders of this module: they throw NPE/IAE naming the argument. Internal. */
public final class Checks {
  private static final Pattern NAME_PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*|`[^`]+`");

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

  /**
   * Returns {@code name} when it is a one- to three-part table name of plain or backticked identifiers, so it can
   * be put into SQL text safely.
   *
   * @throws IllegalArgumentException naming the rule otherwise
   */
  public static String tableName(String name, String what) {
    Objects.requireNonNull(name, what);
    String[] parts = name.strip().split("\\.(?=(?:[^`]*`[^`]*`)*[^`]*$)");
    boolean ok = parts.length >= 1 && parts.length <= 3;
    for (String p : parts) {
      ok &= NAME_PART.matcher(p).matches();
    }
    if (!ok) {
      throw new IllegalArgumentException(what + " must be a table name like catalog.schema.table "
          + "(letters, digits, underscores, or `backticked` parts): " + name);
    }
    return name.strip();
  }
}
