package dev.genieheal.space;

import java.util.List;
import java.util.Optional;

/**
 * A benchmark question with its ground-truth SQL ({@code benchmarks.questions[]}).
 *
 * @param id 32 lowercase hex characters, unique across sample questions and benchmarks
 * @param question question text elements
 * @param answer exactly one SQL answer in a valid export
 * @param unknown fields the model does not know
 */
public record BenchmarkQuestion(String id, List<String> question, List<BenchmarkAnswer> answer, UnknownFields unknown) {
  /** Copies the lists; null lists become empty. */
  public BenchmarkQuestion {
    question = Lists.copy(question);
    answer = Lists.copy(answer);
    unknown = unknown == null ? UnknownFields.none() : unknown;
  }

  /** The question joined verbatim. */
  public String questionText() {
    return Lists.join(question);
  }

  /** The SQL of the first answer whose format is SQL, joined verbatim. */
  public Optional<String> sqlAnswer() {
    return answer.stream().filter(a -> a != null && "SQL".equals(a.format())).findFirst().map(BenchmarkAnswer::text);
  }
}
