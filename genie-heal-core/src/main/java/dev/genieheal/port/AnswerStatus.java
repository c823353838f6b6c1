package dev.genieheal.port;

/** How a Genie question ended. */
public enum AnswerStatus {
  /** Genie wrote SQL (and usually ran it). */
  COMPLETED,
  /** Genie finished but answered in text only, without SQL. */
  NO_SQL,
  /** Genie reported an error ({@code FAILED}). */
  FAILED,
  /** The message was cancelled. */
  CANCELLED,
  /** No terminal state within the question timeout. */
  TIMED_OUT
}
