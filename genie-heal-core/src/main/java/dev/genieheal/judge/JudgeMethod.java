package dev.genieheal.judge;

/** Which step of judging decided a verdict. */
public enum JudgeMethod {
  /** Genie's SQL equals the expected SQL after normalisation. */
  SQL_MATCH,
  /** Both queries were run and their results compared. */
  RESULT_COMPARISON,
  /** A language model judged semantic equivalence. */
  LLM,
  /** Databricks' own eval-run judge. */
  GENIE_EVAL,
  /** No comparison was possible (no SQL, Genie failed, SQL failed to run). */
  NOT_COMPARABLE
}
