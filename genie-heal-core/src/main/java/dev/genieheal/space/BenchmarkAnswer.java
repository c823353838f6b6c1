package dev.genieheal.space;

import java.util.List;

/**
 * The ground-truth answer of a benchmark question.
 *
 * @param format {@code SQL} in every valid export
 * @param content the ground-truth SQL as lines
 * @param unknown fields the model does not know
 */
public record BenchmarkAnswer(String format, List<String> content, UnknownFields unknown) {
  /** Copies the lists; null lists become empty. */
  public BenchmarkAnswer {
    content = Lists.copy(content);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** The content joined verbatim. */
  public String text() {
    return Lists.join(content);
  }
}
