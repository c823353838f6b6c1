package dev.genieheal.port;

import java.util.List;

/**
 * Where benchmark questions come from: the space's own {@code benchmarks} section, a list, or a JSON / JSON Lines /
 * CSV file. Must be thread-safe.
 */
@FunctionalInterface
public interface BenchmarkSource {

  /**
   * Loads the benchmarks.
   *
   * @throws dev.genieheal.error.ValidationException naming the file, line or JSON path of a malformed entry
   */
  List<Benchmark> load();

  /** A fixed list. */
  static BenchmarkSource of(List<Benchmark> benchmarks) {
    List<Benchmark> copy = List.copyOf(benchmarks);
    return () -> copy;
  }
}
