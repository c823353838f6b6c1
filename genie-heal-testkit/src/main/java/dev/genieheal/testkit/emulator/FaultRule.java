package dev.genieheal.testkit.emulator;

import dev.genieheal.internal.Checks;
import java.util.Objects;

/**
 * A standing fault: each request the matcher selects suffers {@code fault} with probability {@code rate}, drawn
 * from a generator seeded by the emulator's seed and the rule's position, so a run is reproducible for the same
 * sequence of requests.
 *
 * @param matcher which requests
 * @param rate probability in [0, 1]; 1 means every selected request
 * @param fault what happens
 */
public record FaultRule(RequestMatcher matcher, double rate, Fault fault) {

  /** Validates. */
  public FaultRule {
    Objects.requireNonNull(matcher, "matcher");
    Objects.requireNonNull(fault, "fault");
    Checks.fraction(rate, "rate");
  }

  /** A rule that applies {@code fault} to every selected request. */
  public static FaultRule always(RequestMatcher matcher, Fault fault) {
    return new FaultRule(matcher, 1.0, fault);
  }

  /** A rule that applies {@code fault} to a seeded random share {@code rate} of the selected requests. */
  public static FaultRule sometimes(RequestMatcher matcher, double rate, Fault fault) {
    return new FaultRule(matcher, rate, fault);
  }
}
