package dev.genieheal.testkit.emulator;

import java.time.Duration;
import java.time.Instant;

/** Where one asynchronous resource is in its {@link StatusProgression}. Guarded by the emulator's lock. */
final class Progress {
  private final StatusProgression progression;
  private int index;
  private int shown;
  private Instant enteredAt;

  /** Starts in {@code states[0]}, already shown once (by the creating response). */
  Progress(StatusProgression progression, Instant now) {
    this.progression = progression;
    this.enteredAt = now;
    this.shown = 1;
  }

  /** Advances as far as the rules allow at {@code now}, counts one more response, and returns the state to show. */
  String observe(Instant now, String terminal) {
    Duration dwell = progression.timePerState();
    while (index < progression.states().size()
        && shown >= progression.pollsPerState()
        && !now.isBefore(enteredAt.plus(dwell))) {
      index++;
      shown = 0;
      enteredAt = dwell.isZero() ? now : enteredAt.plus(dwell);
    }
    shown++;
    return current(terminal);
  }

  /** The state now showing, without counting a response. */
  String current(String terminal) {
    return done() ? terminal : progression.states().get(index);
  }

  /** Whether the terminal state has been reached. */
  boolean done() {
    return index >= progression.states().size();
  }

  /** Jumps to the terminal state (cancel). */
  void finish() {
    index = progression.states().size();
  }

  /** Whether the given state has been reached or passed (or the terminal state is showing). */
  boolean reached(String state) {
    int at = progression.states().indexOf(state);
    return done() || (at >= 0 && index >= at);
  }
}
