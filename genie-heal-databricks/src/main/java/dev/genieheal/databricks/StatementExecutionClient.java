package dev.genieheal.databricks;

import dev.genieheal.databricks.http.StatementRunner;
import dev.genieheal.internal.Checks;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.sql.ReadOnlySqlGuard;
import java.time.Duration;
import java.util.Objects;

/**
 * Runs read-only SQL on a Databricks SQL warehouse through the statement execution API. Every statement passes
 * {@link ReadOnlySqlGuard} before it is sent; results come back INLINE as JSON_ARRAY and are converted to typed
 * {@link ResultTable}s (all result chunks are read). Thread-safe.
 */
public final class StatementExecutionClient implements SqlExecutor {
  private final StatementRunner runner;
  private final Builder settings;

  private StatementExecutionClient(Builder b) {
    this.settings = b.copy();
    this.runner = new StatementRunner(b.workspace.transport(), b.warehouseId, b.waitTimeout, b.timeout, b.catalog,
        b.schema, b.workspace.clock(), b.workspace.sleeper());
  }

  /** A builder on the given workspace. */
  public static Builder builder(DatabricksWorkspace workspace) {
    return new Builder(workspace);
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.genieheal.error.SqlExecutionException when the guard refuses the SQL or the warehouse fails it
   * @throws dev.genieheal.error.GenieTimeoutException when it does not finish in time (it is cancelled)
   * @throws dev.genieheal.error.NotFoundException when the warehouse does not exist
   */
  @Override
  public ResultTable execute(String sql) {
    ReadOnlySqlGuard.check(sql);
    return runner.run(sql, true).toTable();
  }

  /** The warehouse id. */
  public String warehouseId() {
    return runner.warehouseId();
  }

  /** A builder with this client's settings. */
  public Builder toBuilder() {
    return settings.copy();
  }

  @Override
  public String toString() {
    return "StatementExecutionClient[warehouse=" + warehouseId() + "]";
  }

  /**
   * Builds a {@link StatementExecutionClient}. Required: {@code warehouseId}. Defaults: wait timeout 30 s in the
   * POST, overall timeout 5 min, no default catalog or schema. Not thread-safe.
   */
  public static final class Builder {
    private final DatabricksWorkspace workspace;
    private String warehouseId;
    private Duration waitTimeout = Duration.ofSeconds(30);
    private Duration timeout = Duration.ofMinutes(5);
    private String catalog;
    private String schema;

    private Builder(DatabricksWorkspace workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The SQL warehouse id. */
    public Builder warehouseId(String value) {
      this.warehouseId = Checks.notBlank(value, "warehouseId").strip();
      return this;
    }

    /** How long the POST waits for the result, 0 or 5..50 s; default 30 s. */
    public Builder waitTimeout(Duration value) {
      long s = Objects.requireNonNull(value, "waitTimeout").toSeconds();
      if (s != 0 && (s < 5 || s > 50)) {
        throw new IllegalArgumentException("waitTimeout must be 0 or between 5 and 50 seconds: " + value);
      }
      this.waitTimeout = value;
      return this;
    }

    /** The overall limit per statement; default 5 min. */
    public Builder timeout(Duration value) {
      this.timeout = Checks.positive(value, "timeout");
      return this;
    }

    /** The default catalog for unqualified names. */
    public Builder catalog(String value) {
      this.catalog = Objects.requireNonNull(value, "catalog");
      return this;
    }

    /** The default schema for unqualified names. */
    public Builder schema(String value) {
      this.schema = Objects.requireNonNull(value, "schema");
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalStateException when the warehouse id is missing
     */
    public StatementExecutionClient build() {
      Checks.required(warehouseId, "warehouseId");
      return new StatementExecutionClient(this);
    }

    private Builder copy() {
      Builder b = new Builder(workspace);
      b.warehouseId = warehouseId;
      b.waitTimeout = waitTimeout;
      b.timeout = timeout;
      b.catalog = catalog;
      b.schema = schema;
      return b;
    }
  }
}
