package dev.genieheal.testkit;

import dev.genieheal.error.SqlExecutionException;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.ResultTable;
import dev.genieheal.port.Sleeper;
import dev.genieheal.port.SqlExecutor;
import java.time.Duration;
import java.util.Optional;

/** What the Genie doubles share: waiting out a latency as Genie would, and running the SQL they answer with. */
final class Answers {
  private Answers() {}

  /**
   * Sleeps for {@code latency}; empty when the answer may be given, or the terminal answer instead: TIMED_OUT when
   * the latency reaches the question's timeout (after sleeping the timeout), CANCELLED when interrupted.
   */
  static Optional<GenieAnswer> waitOut(Sleeper sleeper, Duration latency, GenieQuestion question) {
    try {
      if (latency.compareTo(question.timeout()) >= 0) {
        sleeper.sleep(question.timeout());
        return Optional.of(GenieAnswer.timedOut(question.timeout()));
      }
      sleeper.sleep(latency);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.of(new GenieAnswer(AnswerStatus.CANCELLED, null, null, null, null,
          "interrupted while waiting", null, null, Duration.ZERO));
    }
  }

  /** A completed answer carrying the result, or a FAILED one carrying the SQL when the warehouse fails it. */
  static GenieAnswer run(SqlExecutor warehouse, String sql, String text, Duration latency) {
    try {
      ResultTable result = warehouse.execute(sql);
      return new GenieAnswer(AnswerStatus.COMPLETED, sql, result, text, null, null, null, null, latency);
    } catch (SqlExecutionException e) {
      return new GenieAnswer(AnswerStatus.FAILED, sql, null, text, ScriptedGenie.SQL_ERROR_TYPE, e.getMessage(),
          null, null, latency);
    }
  }
}
