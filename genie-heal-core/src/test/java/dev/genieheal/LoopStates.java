package dev.genieheal;

import dev.genieheal.score.ScoreCard;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds loop states for stop-policy tests: one iteration per score, 20 questions per card. */
final class LoopStates {
  static final Instant START = Instant.parse("2025-01-01T00:00:00Z");
  static final int QUESTIONS = 20;

  private LoopStates() {}

  static ScoreCard card(int passed) {
    return dev.genieheal.doubles.SampleEvents.card(passed);
  }

  /** A state whose iterations scored passed[i] of 20 questions. */
  static LoopState of(Duration elapsed, long questionsAsked, long tokens, int... passed) {
    List<IterationRecord> history = new ArrayList<>();
    for (int i = 0; i < passed.length; i++) {
      double delta = i == 0 ? 0 : (passed[i] - passed[i - 1]) / (double) QUESTIONS;
      history.add(new IterationRecord(i, START, card(passed[i]), null, delta, Map.of(), List.of(), List.of(), false,
          Duration.ZERO, null));
    }
    return new LoopState(history, START, START.plus(elapsed), questionsAsked, tokens);
  }

  static LoopState of(int... passed) {
    return of(Duration.ZERO, 0, 0, passed);
  }
}
