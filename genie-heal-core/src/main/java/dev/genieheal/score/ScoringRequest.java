package dev.genieheal.score;

import dev.genieheal.port.Benchmark;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What to score.
 *
 * @param spaceId the space to ask
 * @param benchmarks the questions
 * @param runId the loop run (judges cache per run)
 * @param onQuestion called once per question as soon as it is judged, from any thread; may be a no-op
 */
public record ScoringRequest(
    String spaceId, List<Benchmark> benchmarks, String runId, Consumer<QuestionResult> onQuestion) {
  /** Validates and copies. */
  public ScoringRequest {
    Objects.requireNonNull(spaceId, "spaceId");
    benchmarks = List.copyOf(benchmarks);
    Objects.requireNonNull(runId, "runId");
    onQuestion = onQuestion == null ? r -> { } : onQuestion;
  }
}
