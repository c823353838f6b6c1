package dev.genieheal.score;

import dev.genieheal.judge.Verdict;
import dev.genieheal.port.GenieAnswer;
import java.util.Objects;

/**
 * One asking of a question: Genie's answer and its verdict.
 *
 * @param answer what Genie answered
 * @param verdict the judgement
 */
public record Attempt(GenieAnswer answer, Verdict verdict) {
  /** Validates. */
  public Attempt {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(verdict, "verdict");
  }
}
