package dev.genieheal.analyze;

import dev.genieheal.fix.Fix;
import dev.genieheal.port.Benchmark;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Rejects example questions and SQL that copy a benchmark question or its SQL (after normalisation): they inflate
 * the benchmark score without teaching Genie anything general. On by default in the loop. Thread-safe.
 */
public final class LeakageGuard {
  private final List<Benchmark> benchmarks;

  private LeakageGuard(Collection<Benchmark> benchmarks) {
    this.benchmarks = List.copyOf(benchmarks);
  }

  /** A guard over the given benchmarks (pass tuning and held-out sets both). */
  public static LeakageGuard of(Collection<Benchmark> benchmarks) {
    return new LeakageGuard(benchmarks);
  }

  /** Why the fix leaks a benchmark, or empty when it does not. */
  public Optional<String> check(Fix fix) {
    // TODO(issue 3): normalised question and SQL comparison.
    return Optional.empty();
  }

  /** The benchmarks guarded. */
  public List<Benchmark> benchmarks() {
    return benchmarks;
  }
}
