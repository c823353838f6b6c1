package dev.genieheal.fix;

import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.util.List;

/**
 * The outcome of reading a JSON array of fixes element by element ({@link FixJson#readAll(String)}): the elements
 * that are valid fixes, and for the others their violations, so one bad element does not lose the rest.
 *
 * @param fixes the valid elements, in array order
 * @param violations what is wrong with the invalid elements; paths name the element, e.g. {@code $[3].table}
 * @param unreadable one rejection per invalid element (fix null, proposal the element's JSON, reason its
 *     violations), ready for a report
 */
public record ParsedFixes(List<Fix> fixes, List<Violation> violations, List<RejectedFix> unreadable) {
  /** Copies the lists. */
  public ParsedFixes {
    fixes = List.copyOf(fixes);
    violations = List.copyOf(violations);
    unreadable = List.copyOf(unreadable);
  }

  /** Whether every element was a valid fix. */
  public boolean isComplete() {
    return violations.isEmpty();
  }

  /**
   * The fixes when every element was valid.
   *
   * @throws ValidationException listing every violation otherwise
   */
  public List<Fix> requireAll() {
    if (!violations.isEmpty()) {
      throw new ValidationException("invalid fixes", violations);
    }
    return fixes;
  }
}
