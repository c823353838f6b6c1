package dev.genieheal.error;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Thrown when input (a space export, a fix, a benchmark file, a builder setting) breaks one or more rules.
 * Carries every {@link Violation} found, so callers can show them all at once; nothing was applied or saved.
 */
public class ValidationException extends GenieHealException {
  private static final long serialVersionUID = 1L;
  private final transient List<Violation> violations;

  /** Creates an exception listing the violations; the list must not be empty. */
  public ValidationException(String what, List<Violation> violations) {
    super(describe(what, violations));
    if (violations.isEmpty()) {
      throw new IllegalArgumentException("violations must not be empty");
    }
    this.violations = List.copyOf(violations);
  }

  /** Creates an exception for a single violation. */
  public ValidationException(Violation violation) {
    this("invalid input", List.of(violation));
  }

  /** The violations, in the order they were found; never empty. */
  public List<Violation> violations() {
    return violations;
  }

  private static String describe(String what, List<Violation> violations) {
    String head = what + " (" + violations.size() + (violations.size() == 1 ? " violation)" : " violations)");
    return violations.stream().limit(20).map(Violation::toString)
        .collect(Collectors.joining("\n  ", head + ":\n  ", violations.size() > 20 ? "\n  ..." : ""));
  }
}
