package dev.genieheal.score;

import dev.genieheal.port.Benchmark;
import java.util.List;
import java.util.Objects;

/**
 * How Genie did on one benchmark question, over one or more attempts (Genie is not deterministic; the scorer may
 * ask each question k times).
 *
 * @param benchmark the question
 * @param attempts every attempt, at least one
 */
public record QuestionResult(Benchmark benchmark, List<Attempt> attempts) {
  /** Validates and copies. */
  public QuestionResult {
    Objects.requireNonNull(benchmark, "benchmark");
    attempts = List.copyOf(attempts);
    if (attempts.isEmpty()) {
      throw new IllegalArgumentException("a question result needs at least one attempt: " + benchmark.id());
    }
  }

  /** A result of a single attempt. */
  public static QuestionResult of(Benchmark benchmark, Attempt attempt) {
    return new QuestionResult(benchmark, List.of(attempt));
  }

  /** The fraction of attempts that passed. */
  public double passRate() {
    return (double) attempts.stream().filter(a -> a.verdict().passed()).count() / attempts.size();
  }

  /** Whether at least half of the attempts passed (with one attempt: whether it passed). */
  public boolean passed() {
    return passRate() >= 0.5;
  }

  /** The attempt that represents this question: the first failing one when it failed, else the first. */
  public Attempt representative() {
    if (!passed()) {
      for (Attempt a : attempts) {
        if (!a.verdict().passed()) {
          return a;
        }
      }
    }
    return attempts.get(0);
  }
}
