package dev.genieheal.port;

import dev.genieheal.space.GenieSpace;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * Where benchmark questions come from: the space's own {@code benchmarks} section, a list, or a JSON / JSON Lines /
 * CSV file. Must be thread-safe.
 *
 * <p>Built-ins: {@link #of(List)}, {@link #fromSpace(GenieSpace)}, {@link #json(Path)}, {@link #jsonLines(Path)},
 * {@link #csv(Path)} and {@link #file(Path)}. File sources read the file on every {@link #load()}, so a malformed
 * file fails when loaded, naming the file, the entry and the field; every problem of the file is reported at once.
 * Ids must be unique within a source.
 */
@FunctionalInterface
public interface BenchmarkSource {

  /**
   * Loads the benchmarks.
   *
   * @throws dev.genieheal.error.ValidationException naming the file, line or JSON path of a malformed entry
   * @throws dev.genieheal.error.NotFoundException when a file does not exist
   * @throws dev.genieheal.error.GenieHealException when a file cannot be read
   */
  List<Benchmark> load();

  /** A fixed list. */
  static BenchmarkSource of(List<Benchmark> benchmarks) {
    List<Benchmark> copy = List.copyOf(benchmarks);
    return () -> copy;
  }

  /**
   * The space's own {@code benchmarks.questions}: id, question text and the SQL answer. A question without an id,
   * text or SQL answer fails the load with its JSON path ({@code $.benchmarks.questions[3].answer}).
   *
   * @throws NullPointerException when {@code space} is null
   */
  static BenchmarkSource fromSpace(GenieSpace space) {
    Objects.requireNonNull(space, "space");
    return () -> BenchmarkFiles.fromSpace(space);
  }

  /**
   * A JSON file holding an array of objects {@code {"id": ..., "question": ..., "expected_sql": ...}} (other fields
   * are ignored; an integer id is read as text). Violations name the JSON path, e.g. {@code $[3].expected_sql}.
   *
   * @throws NullPointerException when {@code path} is null
   */
  static BenchmarkSource json(Path path) {
    Objects.requireNonNull(path, "path");
    return () -> BenchmarkFiles.json(path);
  }

  /**
   * A JSON Lines file: one object like {@link #json(Path)}'s per line; blank lines are skipped. Violations name the
   * line, e.g. {@code line 4: $.question}.
   *
   * @throws NullPointerException when {@code path} is null
   */
  static BenchmarkSource jsonLines(Path path) {
    Objects.requireNonNull(path, "path");
    return () -> BenchmarkFiles.jsonLines(path);
  }

  /**
   * A CSV file (RFC 4180: comma separated, fields optionally in double quotes, {@code ""} for a quote, line breaks
   * inside quotes) whose header row names the columns {@code id}, {@code question} and {@code expected_sql} in any
   * order (case-insensitive; other columns are ignored). Violations name the line and column, e.g.
   * {@code line 4, column expected_sql}.
   *
   * @throws NullPointerException when {@code path} is null
   */
  static BenchmarkSource csv(Path path) {
    Objects.requireNonNull(path, "path");
    return () -> BenchmarkFiles.csv(path);
  }

  /**
   * A file read by its extension: {@code .json}, {@code .jsonl} / {@code .ndjson}, or {@code .csv}.
   *
   * @throws IllegalArgumentException when the extension is none of these
   * @throws NullPointerException when {@code path} is null
   */
  static BenchmarkSource file(Path path) {
    Objects.requireNonNull(path, "path");
    String name = String.valueOf(path.getFileName()).toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return json(path);
    }
    if (name.endsWith(".jsonl") || name.endsWith(".ndjson")) {
      return jsonLines(path);
    }
    if (name.endsWith(".csv")) {
      return csv(path);
    }
    throw new IllegalArgumentException(
        "unknown benchmark file type: " + path + " (expected .json, .jsonl, .ndjson or .csv)");
  }
}
