package dev.genieheal.testkit.emulator;

import dev.genieheal.port.ResultTable;

/**
 * One executed statement (SQL API or a Genie query attachment): its rows or its error, and where it is in its
 * progression. Mutable parts are guarded by the emulator's lock.
 */
final class StatementRecord {
  final String statementId;
  final ResultTable result;
  final String errorCode;
  final String errorMessage;
  final String sqlState;
  final Progress progress;
  boolean canceled;
  boolean closed;

  private StatementRecord(String statementId, ResultTable result, String errorCode, String errorMessage,
      String sqlState, Progress progress) {
    this.statementId = statementId;
    this.result = result;
    this.errorCode = errorCode;
    this.errorMessage = errorMessage;
    this.sqlState = sqlState;
    this.progress = progress;
  }

  static StatementRecord succeeded(String id, ResultTable result, Progress progress) {
    return new StatementRecord(id, result, null, null, null, progress);
  }

  static StatementRecord failed(String id, String errorCode, String message, String sqlState, Progress progress) {
    return new StatementRecord(id, null, errorCode, message, sqlState, progress);
  }

  /** The terminal state this statement reaches. */
  String terminalState() {
    if (canceled) {
      return "CANCELED";
    }
    if (closed) {
      return "CLOSED";
    }
    return result != null ? "SUCCEEDED" : "FAILED";
  }

  /** Whether the statement shows its terminal state (so cancelling it changes nothing). */
  boolean finished() {
    return progress == null || progress.done() || canceled || closed;
  }

  /** The state to show now, counting one response when {@code poll}. */
  String state(java.time.Instant now, boolean poll) {
    if (progress == null || canceled || closed) {
      return terminalState();
    }
    return poll ? progress.observe(now, terminalState()) : progress.current(terminalState());
  }
}
