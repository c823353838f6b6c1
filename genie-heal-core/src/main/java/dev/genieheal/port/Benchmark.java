package dev.genieheal.port;

import java.util.Objects;

/**
 * A benchmark question with its ground-truth SQL.
 *
 * @param id a stable id (the space's benchmark id, or the file's id column)
 * @param question the natural-language question
 * @param expectedSql the SQL whose result is the right answer
 */
public record Benchmark(String id, String question, String expectedSql) {
  /** Validates that all parts are present and not blank. */
  public Benchmark {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(expectedSql, "expectedSql");
    if (id.isBlank() || question.isBlank() || expectedSql.isBlank()) {
      throw new IllegalArgumentException("benchmark id, question and expectedSql must not be blank (id=" + id + ")");
    }
  }
}
