package dev.genieheal.databricks.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.GenieTimeoutException;
import dev.genieheal.error.Redactor;
import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.Sleeper;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs any SQL statement on a warehouse through the statement execution API: INLINE + JSON_ARRAY, wait up to
 * {@code waitTimeout} in the POST, then poll until a terminal state or the overall timeout, then follow the result
 * chunks. It applies no guard: callers decide what may run ({@code StatementExecutionClient} allows only read-only
 * queries; {@code DeltaTableSink} only its own CREATE TABLE / INSERT). Thread-safe. Internal.
 */
public final class StatementRunner {
  private static final Logger LOG = LoggerFactory.getLogger(StatementRunner.class);
  private static final Duration FIRST_POLL = Duration.ofMillis(250);
  private static final Duration MAX_POLL = Duration.ofSeconds(5);

  private final DatabricksTransport transport;
  private final String warehouseId;
  private final Duration waitTimeout;
  private final Duration timeout;
  private final String catalog;
  private final String schema;
  private final Clock clock;
  private final Sleeper sleeper;

  /**
   * Creates a runner.
   *
   * @param waitTimeout how long the POST itself waits, 0 or 5..50 s (the API's bounds)
   * @param timeout the overall limit per statement; on expiry the statement is cancelled
   * @param catalog default catalog, or null
   * @param schema default schema, or null
   */
  public StatementRunner(DatabricksTransport transport, String warehouseId, Duration waitTimeout, Duration timeout,
      String catalog, String schema, Clock clock, Sleeper sleeper) {
    this.transport = Objects.requireNonNull(transport, "transport");
    this.warehouseId = Objects.requireNonNull(warehouseId, "warehouseId");
    long wait = waitTimeout.toSeconds();
    if (wait != 0 && (wait < 5 || wait > 50)) {
      throw new IllegalArgumentException("waitTimeout must be 0 or between 5 and 50 seconds: " + waitTimeout);
    }
    this.waitTimeout = waitTimeout;
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.catalog = catalog;
    this.schema = schema;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
  }

  /** The warehouse. */
  public String warehouseId() {
    return warehouseId;
  }

  /**
   * Runs one statement to completion and returns every row.
   *
   * @param idempotent whether the statement may be re-sent after a connection failure (true for queries)
   * @throws SqlExecutionException when the warehouse fails, cancels or closes the statement (with its SQLSTATE)
   * @throws GenieTimeoutException when it does not finish within the timeout (it is cancelled)
   */
  public StatementResponse run(String sql, boolean idempotent) {
    Instant deadline = clock.instant().plus(timeout);
    ObjectNode body = Json.object()
        .put("warehouse_id", warehouseId)
        .put("statement", sql)
        .put("wait_timeout", waitTimeout.toSeconds() + "s")
        .put("on_wait_timeout", "CONTINUE")
        .put("disposition", "INLINE")
        .put("format", "JSON_ARRAY");
    if (catalog != null) {
      body.put("catalog", catalog);
    }
    if (schema != null) {
      body.put("schema", schema);
    }
    ApiCall post = ApiCall.post("execute statement", "warehouse", warehouseId, "/api/2.0/sql/statements", body)
        .withIdempotent(idempotent);
    StatementResponse response = StatementResponse.parse(transport.send(post));
    Duration poll = FIRST_POLL;
    while (!response.terminal()) {
      if (response.statementId() == null) {
        throw new SqlExecutionException("execute statement on warehouse " + warehouseId
            + " returned no statement id and no final state; check the warehouse id");
      }
      if (!clock.instant().isBefore(deadline)) {
        cancel(response.statementId());
        throw new GenieTimeoutException("statement " + response.statementId() + " on warehouse " + warehouseId
            + " did not finish within " + timeout + " (state " + response.state() + "); it was cancelled — check "
            + "that the warehouse is running and the query is not too slow: " + preview(sql), timeout);
      }
      Polling.sleep(sleeper, poll, "for a statement on warehouse " + warehouseId);
      poll = Polling.doubled(poll, MAX_POLL);
      response = StatementResponse.parse(transport.send(ApiCall.get("get statement", "statement",
          response.statementId(), "/api/2.0/sql/statements/" + response.statementId())));
    }
    if (!"SUCCEEDED".equals(response.state())) {
      String code = response.errorCode() == null ? "" : response.errorCode() + ": ";
      String message = response.errorMessage() == null ? "no message" : response.errorMessage();
      throw new SqlExecutionException(Redactor.redact("statement " + response.statementId() + " on warehouse "
          + warehouseId + " ended " + response.state() + " (" + code + message
          + (response.sqlState() == null ? "" : ", SQLSTATE " + response.sqlState()) + "): " + preview(sql)),
          response.sqlState(), null);
    }
    while (response.nextChunk() != null) {
      JsonNode chunk = transport.send(ApiCall.get("get result chunk", "statement", response.statementId(),
          response.nextChunk()));
      response = response.plusRows(StatementResponse.rows(chunk),
          StatementResponse.nextChunk(chunk, response.statementId()));
    }
    return response;
  }

  private void cancel(String statementId) {
    try {
      transport.send(ApiCall.post("cancel statement", "statement", statementId,
          "/api/2.0/sql/statements/" + statementId + "/cancel", Json.object()));
    } catch (GenieHealException e) {
      LOG.warn("could not cancel statement {} after its timeout: {}", statementId, e.getMessage());
    }
  }

  private static String preview(String sql) {
    String flat = sql.replaceAll("\\s+", " ").strip();
    return flat.length() <= 200 ? flat : flat.substring(0, 200) + "...";
  }
}
