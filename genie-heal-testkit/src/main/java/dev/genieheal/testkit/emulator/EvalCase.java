package dev.genieheal.testkit.emulator;

import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import java.util.Objects;

/**
 * One benchmark question of an eval run, ready to be judged.
 *
 * @param benchmarkId the benchmark question id
 * @param question the question text
 * @param expectedSql the ground-truth SQL, or null when the benchmark has none
 * @param expectedResult the ground truth's rows, or null when it could not be run
 * @param expectedError why the ground truth could not be run, or null
 * @param answer what Genie answered
 * @param actualResult the rows of Genie's query, or null
 * @param actualError why Genie's query produced no rows, or null
 */
public record EvalCase(
    String benchmarkId,
    String question,
    String expectedSql,
    ResultTable expectedResult,
    String expectedError,
    GenieAnswer answer,
    ResultTable actualResult,
    String actualError) {

  /** Validates. */
  public EvalCase {
    Objects.requireNonNull(benchmarkId, "benchmarkId");
    Objects.requireNonNull(question, "question");
    Objects.requireNonNull(answer, "answer");
  }
}
