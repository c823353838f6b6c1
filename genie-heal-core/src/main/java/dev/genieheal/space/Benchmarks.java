package dev.genieheal.space;

import java.util.List;

/**
 * The {@code benchmarks} section.
 *
 * @param questions benchmark questions, sorted by id in canonical form
 * @param unknown fields the model does not know
 */
public record Benchmarks(List<BenchmarkQuestion> questions, UnknownFields unknown) {
  private static final Benchmarks EMPTY = new Benchmarks(List.of(), UnknownFields.none());

  /** Copies the lists; null lists become empty. */
  public Benchmarks {
    questions = Lists.copy(questions);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** An empty section. */
  public static Benchmarks empty() {
    return EMPTY;
  }

  /** Whether the section holds nothing. */
  public boolean isEmpty() {
    return questions.isEmpty() && unknown.isEmpty();
  }
}
