package dev.genieheal.judge;

import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import java.util.Objects;

/**
 * What a judge sees for one answer.
 *
 * @param benchmark the question with its expected SQL
 * @param answer what Genie answered
 * @param runId identifies the loop run, so judges may cache the expected result per benchmark per run
 */
public record JudgeContext(Benchmark benchmark, GenieAnswer answer, String runId) {
  /** Validates. */
  public JudgeContext {
    Objects.requireNonNull(benchmark, "benchmark");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(runId, "runId");
  }
}
