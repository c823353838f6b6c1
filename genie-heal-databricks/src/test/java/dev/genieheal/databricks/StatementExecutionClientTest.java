package dev.genieheal.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.GenieTimeoutException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.ResultTable;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatorResponse;
import dev.genieheal.testkit.emulator.EmulatorRoute;
import dev.genieheal.testkit.emulator.Fault;
import dev.genieheal.testkit.emulator.RequestMatcher;
import dev.genieheal.testkit.emulator.StatusProgression;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StatementExecutionClientTest extends EmulatorTestSupport {
  private static final String RANGE_SQL = "SELECT id FROM shop.core.ids";

  private StatementExecutionClient.Builder sql(DatabricksEmulator.Builder builder) {
    db = builder.start();
    return StatementExecutionClient.builder(Emulated.workspace(db, clock, sleeper)).warehouseId(Emulated.WAREHOUSE);
  }

  @Test
  void execute_select_returnsTypedRows() {
    ResultTable t = sql(Emulated.emulator()).build().execute(Emulated.SALES_SQL);

    assertThat(t.columns()).extracting(ResultTable.Column::name).containsExactly("country", "total");
    assertThat(t.rows().get(0)).containsExactly("DE", new BigDecimal("10.50"));
    assertThat(t.rows().get(1).get(1)).isNull();
  }

  @Test
  void execute_manyChunks_readsEveryChunk() {
    List<List<Object>> rows = new ArrayList<>();
    for (long i = 0; i < 25; i++) {
      rows.add(List.of(i));
    }
    ResultTable ids = ResultTable.of(List.of(new ResultTable.Column("id", "BIGINT")), rows);

    ResultTable t = sql(Emulated.emulator().sqlExecutor(s -> ids).chunkRows(10)).build().execute(RANGE_SQL);

    assertThat(t.rowCount()).isEqualTo(25);
    assertThat(t.rows().get(24)).containsExactly(24L);
    assertThat(db.requests().stream().filter(r -> r.route().orElse(null) == EmulatorRoute.GET_STATEMENT_CHUNK))
        .hasSize(2);
  }

  @Test
  void execute_write_isRefusedBeforeAnythingIsSent() {
    StatementExecutionClient client = sql(Emulated.emulator()).build();

    assertThatThrownBy(() -> client.execute("DELETE FROM shop.core.sales"))
        .isInstanceOf(SqlExecutionException.class).hasMessageContaining("read-only");
    assertThat(db.requestCount()).isZero();
  }

  @Test
  void execute_failingSql_throwsWithSqlState() {
    assertThatThrownBy(() -> sql(Emulated.emulator()).build().execute("SELECT * FROM shop.core.nope"))
        .isInstanceOfSatisfying(SqlExecutionException.class, e -> assertThat(e.sqlState()).contains("42P01"))
        .hasMessageContaining("warehouse " + Emulated.WAREHOUSE).hasMessageContaining("TABLE_OR_VIEW_NOT_FOUND");
  }

  @Test
  void execute_asynchronous_pollsUntilSucceeded() {
    ResultTable t = sql(Emulated.emulator().statementProgression(StatusProgression.polls(List.of("PENDING",
        "RUNNING"), 1))).waitTimeout(Duration.ZERO).build().execute(Emulated.COUNT_SQL);

    assertThat(t.rows()).containsExactly(List.of(3L));
    assertThat(sleeper.sleeps()).isNotEmpty();
  }

  @Test
  void execute_neverFinishing_timesOutAndCancels() {
    StatementExecutionClient client = sql(Emulated.emulator().statementProgression(StatusProgression.timed(
        List.of("PENDING"), Duration.ofDays(1)))).waitTimeout(Duration.ZERO).timeout(Duration.ofSeconds(20)).build();

    assertThatThrownBy(() -> client.execute(Emulated.COUNT_SQL))
        .isInstanceOf(GenieTimeoutException.class).hasMessageContaining("cancelled");
    assertThat(db.requests()).anySatisfy(r -> assertThat(r.route()).contains(EmulatorRoute.CANCEL_STATEMENT));
  }

  @Test
  void execute_unknownWarehouse_throwsNotFoundNamingIt() {
    StatementExecutionClient client = sql(Emulated.emulator()).warehouseId("nope0000").build();
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.EXECUTE_STATEMENT), Fault.respond(EmulatorResponse.error(404,
        "RESOURCE_DOES_NOT_EXIST", "No warehouse with id nope0000")), 1);

    assertThatThrownBy(() -> client.execute(Emulated.COUNT_SQL))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("warehouse nope0000");
  }

  @Test
  void execute_503_isRetried() {
    StatementExecutionClient client = sql(Emulated.emulator()).build();
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.EXECUTE_STATEMENT), Fault.unavailable(Duration.ofSeconds(1)),
        2);

    assertThat(client.execute(Emulated.COUNT_SQL).rows()).containsExactly(List.of(3L));
  }

  @Test
  void builder_missingWarehouse_throwsNamingIt() {
    db = Emulated.emulator().start();
    assertThatThrownBy(() -> StatementExecutionClient.builder(Emulated.workspace(db, clock, sleeper)).build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("warehouseId");
  }
}
