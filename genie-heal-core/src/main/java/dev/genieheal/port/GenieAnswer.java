package dev.genieheal.port;

import java.time.Duration;
import java.util.Objects;

/**
 * What Genie answered to one question.
 *
 * @param status how the question ended
 * @param sql the SQL Genie wrote, or null when it wrote none
 * @param result the rows of Genie's query, or null when not fetched (the judge then runs {@code sql} itself)
 * @param text Genie's text reply, or null
 * @param errorType Genie's error type (e.g. {@code SQL_EXECUTION_EXCEPTION}) for FAILED answers, or null
 * @param error an error message for FAILED/CANCELLED/TIMED_OUT answers, or null
 * @param conversationId the conversation id, or null for doubles that have none
 * @param messageId the message id, or null
 * @param latency time from asking to the terminal state
 */
public record GenieAnswer(
    AnswerStatus status,
    String sql,
    ResultTable result,
    String text,
    String errorType,
    String error,
    String conversationId,
    String messageId,
    Duration latency) {

  /** Validates the parts. */
  public GenieAnswer {
    Objects.requireNonNull(status, "status");
    latency = latency == null ? Duration.ZERO : latency;
    if (status == AnswerStatus.COMPLETED && (sql == null || sql.isBlank())) {
      throw new IllegalArgumentException("a COMPLETED answer needs SQL; use NO_SQL for text-only answers");
    }
  }

  /** A completed answer with SQL and, optionally (null), its result. */
  public static GenieAnswer sql(String sql, ResultTable result, Duration latency) {
    return new GenieAnswer(AnswerStatus.COMPLETED, sql, result, null, null, null, null, null, latency);
  }

  /** A text-only answer. */
  public static GenieAnswer noSql(String text, Duration latency) {
    return new GenieAnswer(AnswerStatus.NO_SQL, null, null, text, null, null, null, null, latency);
  }

  /** A failed answer. */
  public static GenieAnswer failed(String errorType, String error, Duration latency) {
    return new GenieAnswer(AnswerStatus.FAILED, null, null, null, errorType, error, null, null, latency);
  }

  /** An answer that did not arrive in time. */
  public static GenieAnswer timedOut(Duration waited) {
    return new GenieAnswer(AnswerStatus.TIMED_OUT, null, null, null, null,
        "no answer within " + waited, null, null, waited);
  }

  /** Whether Genie wrote SQL. */
  public boolean hasSql() {
    return sql != null && !sql.isBlank();
  }

  /** A copy carrying conversation and message ids. */
  public GenieAnswer withIds(String newConversationId, String newMessageId) {
    return new GenieAnswer(status, sql, result, text, errorType, error, newConversationId, newMessageId, latency);
  }

  /** A copy with a result table. */
  public GenieAnswer withResult(ResultTable newResult) {
    return new GenieAnswer(status, sql, newResult, text, errorType, error, conversationId, messageId, latency);
  }
}
