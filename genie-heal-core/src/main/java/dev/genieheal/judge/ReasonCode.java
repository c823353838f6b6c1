package dev.genieheal.judge;

/**
 * Why an answer failed, named like Genie's own eval-run assessment reasons where one exists.
 */
public enum ReasonCode {
  /** Genie's result is empty while the expected one is not. */
  EMPTY_RESULT,
  /** Genie's result lacks rows the expected result has. */
  RESULT_MISSING_ROWS,
  /** Genie's result has rows the expected result lacks. */
  RESULT_EXTRA_ROWS,
  /** Genie's result lacks a column the expected result has. */
  RESULT_MISSING_COLUMNS,
  /** Genie's result has columns the expected result lacks (a failure only when extra columns are disallowed). */
  RESULT_EXTRA_COLUMNS,
  /** The results differ in exactly one cell. */
  SINGLE_CELL_DIFFERENCE,
  /** A column holds values of an incompatible type. */
  COLUMN_TYPE_DIFFERENCE,
  /** Row order differs where the expected SQL orders its result. */
  ROW_ORDER_DIFFERENCE,
  /** The expected SQL returned no rows, so the benchmark cannot tell right from wrong. */
  EMPTY_GOOD_SQL,
  /** Genie answered without SQL. */
  NO_SQL,
  /** Genie reported an error. */
  GENIE_FAILED,
  /** Genie did not answer in time. */
  TIMED_OUT,
  /** Genie's SQL failed to run. */
  EXECUTION_FAILED,
  /** The expected SQL failed to run or was refused by the read-only guard. */
  EXPECTED_SQL_FAILED,
  /** A language model judged the answers not equivalent. */
  LLM_JUDGE_NOT_EQUIVALENT,
  /** A reason Databricks reported that has no code here (kept in the explanation). */
  OTHER
}
