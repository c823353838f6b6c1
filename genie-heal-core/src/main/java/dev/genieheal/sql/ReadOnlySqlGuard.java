package dev.genieheal.sql;

import dev.genieheal.error.SqlExecutionException;
import java.util.Optional;

/**
 * Accepts exactly one read-only statement (SELECT or WITH ... SELECT) and refuses everything else with a reason.
 * Runs before any SQL is executed and before any example SQL enters a space. Thread-safe.
 */
public final class ReadOnlySqlGuard {
  private ReadOnlySqlGuard() {}

  /** Why the SQL is refused, or empty when it is one read-only query. */
  public static Optional<String> violation(String sql) {
    // TODO(issue 3): replaced by the JSqlParser-based guard.
    if (sql == null || sql.isBlank()) {
      return Optional.of("SQL is empty");
    }
    String head = sql.strip().toUpperCase(java.util.Locale.ROOT);
    if (!(head.startsWith("SELECT") || head.startsWith("WITH") || head.startsWith("("))) {
      return Optional.of("only one SELECT or WITH query is allowed");
    }
    return Optional.empty();
  }

  /**
   * Returns {@code sql} when it is one read-only query.
   *
   * @throws SqlExecutionException naming the reason otherwise
   */
  public static String check(String sql) {
    Optional<String> v = violation(sql);
    if (v.isPresent()) {
      throw new SqlExecutionException("refused by the read-only guard: " + v.get());
    }
    return sql;
  }
}
