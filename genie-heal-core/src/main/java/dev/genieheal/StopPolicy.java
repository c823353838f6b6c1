package dev.genieheal;

/**
 * Decides after each scored iteration whether the loop stops.
 *
 * <p>Pure policies (a function of the {@link LoopState} only) are values; combine them with {@code anyOf} and
 * {@code allOf}. Implementations must be thread-safe.
 */
@FunctionalInterface
public interface StopPolicy {

  /** Decides for the given state. */
  StopDecision decide(LoopState state);
}
