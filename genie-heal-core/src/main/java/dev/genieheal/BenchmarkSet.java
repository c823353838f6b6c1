package dev.genieheal;

/** Which set a benchmark belongs to. The analyzer only ever sees failures of the tuning set. */
public enum BenchmarkSet {
  /** Questions the loop optimises for. */
  TUNING,
  /** Questions scored every iteration but never shown to the analyzer, to detect overfitting. */
  HELD_OUT
}
