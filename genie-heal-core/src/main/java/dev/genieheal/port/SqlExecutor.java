package dev.genieheal.port;

import dev.genieheal.space.Catalog;
import java.util.Optional;

/**
 * Runs read-only SQL against a warehouse.
 *
 * <p>Implementations: {@code StatementExecutionClient} (Databricks), {@code LocalWarehouse} (testkit, DuckDB).
 * Implementations must apply the read-only guard before running anything, and must be thread-safe.
 */
@FunctionalInterface
public interface SqlExecutor {

  /**
   * Runs one query and returns all its rows.
   *
   * @throws dev.genieheal.error.SqlExecutionException when the guard refuses the SQL or the warehouse fails it
   */
  ResultTable execute(String sql);

  /** The warehouse's catalog, when this executor can describe it; empty by default. */
  default Optional<Catalog> catalog() {
    return Optional.empty();
  }
}
