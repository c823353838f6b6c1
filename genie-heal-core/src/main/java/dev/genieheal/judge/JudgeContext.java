package dev.genieheal.judge;

import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import java.util.Objects;
import java.util.Optional;

/**
 * What a judge sees for one answer.
 *
 * <p>A judge that delegates to a second judge (the hybrid judge asking an LLM judge about a disagreement) passes
 * what it already found with {@link #withEvidence}, so the second judge need not run the queries again.
 *
 * @param benchmark the question with its expected SQL
 * @param answer what Genie answered
 * @param runId identifies the loop run, so judges may cache the expected result per benchmark per run
 * @param expectedResult the expected SQL's result when already known, or null
 * @param actualResult Genie's result when already known, or null
 * @param priorVerdict an earlier judge's verdict on this answer, or null
 */
public record JudgeContext(
    Benchmark benchmark,
    GenieAnswer answer,
    String runId,
    ResultTable expectedResult,
    ResultTable actualResult,
    Verdict priorVerdict) {

  /** Validates. */
  public JudgeContext {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(runId, "runId");
  }

  /** A context without prior evidence. */
  public JudgeContext(Benchmark benchmark, GenieAnswer answer, String runId) {
    this(benchmark, answer, runId, null, null, null);
  }

  /** A copy carrying the results and verdict an earlier judge found. */
  public JudgeContext withEvidence(ResultTable expected, ResultTable actual, Verdict prior) {
    return new JudgeContext(benchmark, answer, runId, expected, actual, prior);
  }

  /** The expected result, when known. */
  public Optional<ResultTable> expectedResultIfKnown() {
    return Optional.ofNullable(expectedResult);
  }

  /** Genie's result, when known (from the evidence or the answer itself). */
  public Optional<ResultTable> actualResultIfKnown() {
    return Optional.ofNullable(actualResult != null ? actualResult : answer.result());
  }

  /** The earlier verdict, when there is one. */
  public Optional<Verdict> priorVerdictIfKnown() {
    return Optional.ofNullable(priorVerdict);
  }
}
