package dev.genieheal.fix;

import java.util.List;

/**
 * Reads and writes fixes as JSON: {@code {"type": "column_synonyms", "table": ..., "reason": ...,
 * "benchmark_ids": [...]}}. This is the format the LLM analyzer asks models to answer in.
 */
public final class FixJson {
  private FixJson() {}

  /** Writes one fix as compact JSON. */
  public static String write(Fix fix) {
    throw new UnsupportedOperationException("TODO(issue 2): fix JSON writer");
  }

  /** Writes fixes as a JSON array. */
  public static String writeAll(List<Fix> fixes) {
    throw new UnsupportedOperationException("TODO(issue 2): fix JSON writer");
  }

  /**
   * Reads one fix.
   *
   * @throws dev.genieheal.error.ValidationException naming the JSON path and rule of what is wrong
   */
  public static Fix read(String json) {
    throw new UnsupportedOperationException("TODO(issue 2): fix JSON reader");
  }
}
