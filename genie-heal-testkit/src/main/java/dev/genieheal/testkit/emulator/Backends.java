package dev.genieheal.testkit.emulator;

import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.SqlExecutor;
import java.time.Duration;

/** The pluggable engines behind the routes: Genie and the SQL warehouse, with the emulator's row cap. */
final class Backends {
  static final Duration QUESTION_TIMEOUT = Duration.ofMinutes(10);
  private final GenieClient genie;
  private final SqlExecutor sql;
  private final int maxResultRows;

  Backends(GenieClient genie, SqlExecutor sql, int maxResultRows) {
    this.genie = genie;
    this.sql = sql;
    this.maxResultRows = maxResultRows;
  }

  /** Asks Genie; an exception from the engine becomes a FAILED answer, as the service would report it. */
  GenieAnswer ask(String spaceId, String question) {
    try {
      GenieAnswer answer = genie.ask(new GenieQuestion(spaceId, question, QUESTION_TIMEOUT));
      if (answer == null) {
        return GenieAnswer.failed("UNEXPECTED_REPLY_PROCESS_EXCEPTION", "the Genie engine returned no answer",
            Duration.ZERO);
      }
      return answer;
    } catch (RuntimeException e) {
      return GenieAnswer.failed("UNEXPECTED_REPLY_PROCESS_EXCEPTION", String.valueOf(e.getMessage()), Duration.ZERO);
    }
  }

  /** Runs SQL into a statement record (FAILED when there is no warehouse or the SQL fails), capped at the row limit. */
  StatementRecord run(String id, String statement, int rowLimit, Progress progress) {
    if (sql == null) {
      return StatementRecord.failed(id, "BAD_REQUEST",
          "No SQL warehouse is configured in this emulator: pass DatabricksEmulator.builder().sqlExecutor(...)",
          null, progress);
    }
    try {
      return StatementRecord.succeeded(id, cap(sql.execute(statement), rowLimit), progress);
    } catch (SqlExecutionException e) {
      return StatementRecord.failed(id, "BAD_REQUEST", String.valueOf(e.getMessage()), e.sqlState().orElse(null),
          progress);
    } catch (RuntimeException e) {
      return StatementRecord.failed(id, "INTERNAL_ERROR", String.valueOf(e.getMessage()), null, progress);
    }
  }

  /** The rows of a Genie answer's query: its own result when it carries one, else the SQL run on the warehouse. */
  StatementRecord resultOf(String id, GenieAnswer answer) {
    if (answer.result() != null) {
      return StatementRecord.succeeded(id, cap(answer.result(), maxResultRows), null);
    }
    return run(id, answer.sql(), maxResultRows, null);
  }

  int maxResultRows() {
    return maxResultRows;
  }

  private static ResultTable cap(ResultTable table, int limit) {
    if (table.rowCount() <= limit) {
      return table;
    }
    return new ResultTable(table.columns(), table.rows().subList(0, limit), true);
  }
}
