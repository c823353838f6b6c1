package dev.genieheal.databricks;

import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.Sleeper;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.score.RateLimiter;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatedSpace;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Test data and wiring for talking to a {@link DatabricksEmulator} over HTTP. */
public final class Emulated {
  public static final String SPACE_ID = "01ef00001111222233334444aaaabbbb";
  public static final String WAREHOUSE = "wh0123456789abcd";
  public static final String SALES_SQL = "SELECT country, SUM(amount) AS total FROM shop.core.sales GROUP BY country";
  public static final String COUNT_SQL = "SELECT COUNT(*) AS n FROM shop.core.sales";
  public static final String BAD_SQL = "SELECT country FROM shop.core.sales";
  public static final String BENCH_SALES = "c0000000000000000000000000000001";
  public static final String BENCH_COUNT = "c0000000000000000000000000000002";
  public static final String EXPORT = "{\"version\":2,"
      + "\"data_sources\":{\"tables\":[{\"identifier\":\"shop.core.sales\",\"description\":[\"One row per sale.\"]}]},"
      + "\"benchmarks\":{\"questions\":["
      + "{\"id\":\"" + BENCH_SALES + "\",\"question\":[\"Sales by country\"],"
      + "\"answer\":[{\"format\":\"SQL\",\"content\":[\"" + SALES_SQL + "\"]}]},"
      + "{\"id\":\"" + BENCH_COUNT + "\",\"question\":[\"How many sales?\"],"
      + "\"answer\":[{\"format\":\"SQL\",\"content\":[\"" + COUNT_SQL + "\"]}]}]}}";

  /** Answers "Sales by country" right, "How many sales?" wrong, "say hi" in text, "cancel" cancelled, else FAILED. */
  public static final GenieClient GENIE = q -> {
    switch (q.text()) {
      case "Sales by country": return GenieAnswer.sql(SALES_SQL, null, Duration.ZERO);
      case "How many sales?": return GenieAnswer.sql(BAD_SQL, null, Duration.ZERO);
      case "say hi": return GenieAnswer.noSql("Hello! Ask me about sales.", Duration.ZERO);
      case "cancel": return new GenieAnswer(dev.genieheal.port.AnswerStatus.CANCELLED, null, null, null, null,
          "cancelled", null, null, Duration.ZERO);
      default: return GenieAnswer.failed("INVALID_TABLE_IDENTIFIER_EXCEPTION", "no table for " + q.text(),
          Duration.ZERO);
    }
  };

  private Emulated() {}

  public static EmulatedSpace space() {
    return EmulatedSpace.of(SPACE_ID, "Sales", WAREHOUSE, EXPORT);
  }

  /** A warehouse that knows the three queries and fails everything else with SQLSTATE 42P01. */
  public static SqlExecutor warehouse() {
    Map<String, ResultTable> tables = Map.of(
        SALES_SQL, ResultTable.of(List.of(new ResultTable.Column("country", "STRING"),
            new ResultTable.Column("total", "DECIMAL(18,2)")),
            List.of(List.of("DE", new BigDecimal("10.50")), Arrays.asList("FR", null))),
        COUNT_SQL, ResultTable.of(List.of(new ResultTable.Column("n", "BIGINT")), List.of(List.of(3L))),
        BAD_SQL, ResultTable.of(List.of(new ResultTable.Column("country", "STRING")),
            List.of(List.of("DE"), List.of("FR"))));
    return sql -> {
      ResultTable t = tables.get(sql.strip());
      if (t == null) {
        throw new SqlExecutionException("[TABLE_OR_VIEW_NOT_FOUND] " + sql, "42P01", null);
      }
      return t;
    };
  }

  /** An emulator with the sales space, the Genie above and the warehouse. */
  public static DatabricksEmulator.Builder emulator() {
    return DatabricksEmulator.builder().space(space()).genie(GENIE).sqlExecutor(warehouse()).noQuestionLimit();
  }

  /** A workspace on the emulator with the given token, time and no rate limit of its own. */
  public static DatabricksWorkspace workspace(DatabricksEmulator db, String token, Clock clock, Sleeper sleeper) {
    return DatabricksWorkspace.builder(DatabricksConfig.builder().host(db.baseUrl()).token(token).build())
        .clock(clock).sleeper(sleeper).seed(7).questionRateLimiter(RateLimiter.unlimited()).build();
  }

  /** A workspace on the emulator with its token. */
  public static DatabricksWorkspace workspace(DatabricksEmulator db, Clock clock, Sleeper sleeper) {
    return workspace(db, db.token(), clock, sleeper);
  }
}
