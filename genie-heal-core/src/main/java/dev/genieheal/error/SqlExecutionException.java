package dev.genieheal.error;

import java.util.Optional;

/**
 * Thrown when SQL could not be run: refused by the read-only guard, failed in the warehouse (with its SQL state),
 * or could not be parsed.
 */
public class SqlExecutionException extends GenieHealException {
  private static final long serialVersionUID = 1L;
  private final String sqlState;

  /** Creates the exception; {@code sqlState} may be null. */
  public SqlExecutionException(String message, String sqlState, Throwable cause) {
    super(message, cause);
    this.sqlState = sqlState;
  }

  /** Creates the exception without a SQL state. */
  public SqlExecutionException(String message) {
    this(message, null, null);
  }

  /** The SQLSTATE the warehouse reported, when it did. */
  public Optional<String> sqlState() {
    return Optional.ofNullable(sqlState);
  }
}
