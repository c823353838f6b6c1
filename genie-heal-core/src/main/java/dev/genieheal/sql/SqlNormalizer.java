package dev.genieheal.sql;

import java.util.Optional;

/**
 * Normalises SQL for the judge's fast path: case, whitespace, quoting, alias names, redundant parentheses and a
 * trailing semicolon do not matter. Thread-safe.
 */
public final class SqlNormalizer {
  private SqlNormalizer() {}

  /** The normal form, or empty when the SQL cannot be parsed (callers then fall back to result comparison). */
  public static Optional<String> normalize(String sql) {
    // TODO(issue 3): JSqlParser-based normal form.
    return Optional.empty();
  }

  /** Whether the statement's outermost query has an ORDER BY; empty when the SQL cannot be parsed. */
  public static Optional<Boolean> ordersResult(String sql) {
    // TODO(issue 3)
    return Optional.empty();
  }
}
