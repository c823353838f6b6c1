package dev.genieheal;

import java.util.Objects;

/** A stop policy's answer: go on, or stop with a status and reason. */
public sealed interface StopDecision permits StopDecision.Continue, StopDecision.Stop {

  /** Go on. */
  static StopDecision proceed() {
    return Continue.INSTANCE;
  }

  /** Stop with the given status and a human reason. */
  static StopDecision stop(LoopStatus status, String reason) {
    return new Stop(status, reason);
  }

  /** Whether this decision stops the loop. */
  default boolean stops() {
    return this instanceof Stop;
  }

  /** Go on. */
  record Continue() implements StopDecision {
    static final Continue INSTANCE = new Continue();
  }

  /**
   * Stop.
   *
   * @param status the status the run ends with
   * @param reason a human explanation
   */
  record Stop(LoopStatus status, String reason) implements StopDecision {
    /** Validates. */
    public Stop {
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(reason, "reason");
    }
  }
}
