package dev.genieheal;

/** How a loop run ended. */
public enum LoopStatus {
  /** The tuning score reached the target. */
  TARGET_REACHED,
  /** The iteration limit was reached. */
  MAX_ITERATIONS,
  /** The score stopped improving by the minimum step for the configured number of iterations. */
  PLATEAU,
  /** The score dropped the configured number of times in a row. */
  DEGRADED,
  /** The deadline passed. */
  DEADLINE,
  /** A budget (Genie questions, LLM tokens) ran out. */
  BUDGET_EXHAUSTED,
  /** The analyzers had nothing (valid) left to propose. */
  NO_FIXES,
  /** A dry run proposed its changes and stopped without saving. */
  DRY_RUN,
  /** The run stopped on an error it could not recover from (the space is left at its best valid state). */
  FAILED
}
