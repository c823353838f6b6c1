package dev.genieheal.testkit.emulator;

import dev.genieheal.internal.Checks;
import java.time.Duration;
import java.util.List;

/**
 * How an asynchronous resource (a Genie message, an eval run, a statement submitted with {@code wait_timeout=0s})
 * moves through its non-terminal states before showing its terminal one.
 *
 * <p>The creating response shows {@code states[0]}. Each state is left once it has been shown in at least
 * {@code pollsPerState} responses (the creating one counts) <em>and</em> {@code timePerState} has passed on the
 * emulator's clock since it was entered. So {@code polls(1)} advances one state per GET, {@code timed(d)} advances
 * by clock only, and {@link #immediate()} shows the terminal state on the first GET.
 *
 * @param states the non-terminal states in order, at least one
 * @param pollsPerState responses that show each state, at least 0
 * @param timePerState the least time each state lasts, not negative
 */
public record StatusProgression(List<String> states, int pollsPerState, Duration timePerState) {

  /** The real Genie message progression: SUBMITTED, FETCHING_METADATA, ASKING_AI, EXECUTING_QUERY. */
  public static final List<String> MESSAGE_STATES =
      List.of("SUBMITTED", "FETCHING_METADATA", "ASKING_AI", "EXECUTING_QUERY");

  /** Validates and copies. */
  public StatusProgression {
    states = List.copyOf(states);
    if (states.isEmpty()) {
      throw new IllegalArgumentException("states must not be empty");
    }
    Checks.notNegative(pollsPerState, "pollsPerState");
    Checks.notNegative(timePerState, "timePerState");
  }

  /** Each of {@code states} is shown by exactly {@code polls} responses; the clock does not matter. */
  public static StatusProgression polls(List<String> states, int polls) {
    return new StatusProgression(states, polls, Duration.ZERO);
  }

  /** Each of {@code states} lasts {@code time} on the emulator's clock, however often it is polled. */
  public static StatusProgression timed(List<String> states, Duration time) {
    return new StatusProgression(states, 0, time);
  }

  /** The Genie message states, one response each (so the 4th GET after start-conversation sees the answer). */
  public static StatusProgression messageDefault() {
    return polls(MESSAGE_STATES, 1);
  }

  /** Only the creating response shows {@code SUBMITTED}; the first GET sees the answer. */
  public static StatusProgression immediate() {
    return polls(List.of("SUBMITTED"), 1);
  }

  /** A copy with other states and the same timing. */
  public StatusProgression withStates(List<String> newStates) {
    return new StatusProgression(newStates, pollsPerState, timePerState);
  }
}
