package dev.genieheal.testkit;

import dev.genieheal.internal.Checks;
import dev.genieheal.port.AnswerStatus;
import java.time.Duration;
import java.util.Objects;

/**
 * One answer {@link ScriptedGenie} gives: SQL, text without SQL, or a failure, after a latency.
 *
 * @param status {@link AnswerStatus#COMPLETED}, {@link AnswerStatus#NO_SQL} or {@link AnswerStatus#FAILED}
 * @param sql the SQL for completed answers (and optionally failed ones), otherwise null
 * @param text the text reply, or null
 * @param errorType the error type of a failed answer, e.g. {@code SQL_EXECUTION_EXCEPTION}, or null
 * @param error the error message of a failed answer, or null
 * @param latency how long Genie takes; zero by default
 */
public record ScriptedAnswer(
    AnswerStatus status, String sql, String text, String errorType, String error, Duration latency) {

  /**
   * Validates: a completed answer needs SQL, a failed one an error type or message, latency is not negative.
   *
   * @throws IllegalArgumentException naming the impossible part
   */
  public ScriptedAnswer {
    Objects.requireNonNull(status, "status");
    latency = Checks.notNegative(latency == null ? Duration.ZERO : latency, "latency");
    switch (status) {
      case COMPLETED:
        if (sql == null || sql.isBlank()) {
          throw new IllegalArgumentException("an SQL answer needs non-blank SQL; use ScriptedAnswer.noSql(text)"
              + " for an answer without SQL");
        }
        break;
      case NO_SQL:
        if (sql != null) {
          throw new IllegalArgumentException("a NO_SQL answer must not carry SQL");
        }
        break;
      case FAILED:
        if ((errorType == null || errorType.isBlank()) && (error == null || error.isBlank())) {
          throw new IllegalArgumentException("a failed answer needs an error type or an error message");
        }
        break;
      default:
        throw new IllegalArgumentException("status must be COMPLETED, NO_SQL or FAILED (scripts produce TIMED_OUT"
            + " by a latency beyond the question's timeout): " + status);
    }
  }

  /** Genie writes {@code sql}. */
  public static ScriptedAnswer sql(String sql) {
    return new ScriptedAnswer(AnswerStatus.COMPLETED, sql, null, null, null, Duration.ZERO);
  }

  /** Genie answers in text only. */
  public static ScriptedAnswer noSql(String text) {
    return new ScriptedAnswer(AnswerStatus.NO_SQL, null, text, null, null, Duration.ZERO);
  }

  /** Genie fails with an error type (e.g. {@code SQL_EXECUTION_EXCEPTION}) and message. */
  public static ScriptedAnswer failed(String errorType, String message) {
    return new ScriptedAnswer(AnswerStatus.FAILED, null, null, errorType, message, Duration.ZERO);
  }

  /** A copy that takes {@code newLatency}; a latency beyond the question's timeout makes the answer time out. */
  public ScriptedAnswer withLatency(Duration newLatency) {
    return new ScriptedAnswer(status, sql, text, errorType, error, Objects.requireNonNull(newLatency, "latency"));
  }
}
