package dev.genieheal.analyze;

import dev.genieheal.fix.Fix;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.SqlExecutor;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.space.Catalog;
import dev.genieheal.space.GenieSpace;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What an analyzer sees: the current space, the failures to explain, and what the loop has learnt so far.
 *
 * @param space the space as it is now
 * @param failures the failed questions of the tuning set (never the held-out set)
 * @param benchmarks every tuning benchmark (the leakage guard checks proposals against them)
 * @param rolledBack fixes that made the score worse earlier and were rolled back; do not propose them again
 * @param catalog the warehouse catalog, or null when unknown
 * @param executor a SQL executor for probing data (e.g. key uniqueness), or null
 * @param iteration the loop iteration (0 = baseline)
 */
public record AnalysisContext(
    GenieSpace space,
    List<QuestionResult> failures,
    List<Benchmark> benchmarks,
    List<Fix> rolledBack,
    Catalog catalog,
    SqlExecutor executor,
    int iteration) {
  /** Validates and copies. */
  public AnalysisContext {
    Objects.requireNonNull(space, "space");
    failures = List.copyOf(failures);
    benchmarks = List.copyOf(benchmarks);
    rolledBack = List.copyOf(rolledBack);
  }

  /** The catalog, when known. */
  public Optional<Catalog> catalogIfKnown() {
    return Optional.ofNullable(catalog);
  }

  /** The executor, when given. */
  public Optional<SqlExecutor> executorIfKnown() {
    return Optional.ofNullable(executor);
  }

  /** A copy with other failures (composite analyzers pass on what is left). */
  public AnalysisContext withFailures(List<QuestionResult> remaining) {
    return new AnalysisContext(space, remaining, benchmarks, rolledBack, catalog, executor, iteration);
  }
}
