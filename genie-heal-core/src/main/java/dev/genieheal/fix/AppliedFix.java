package dev.genieheal.fix;

import java.util.Objects;

/**
 * An audit record of a fix that changed the space.
 *
 * @param fix the fix
 * @param path JSON path of the element it changed or added
 * @param before the element's JSON before the change, or null when it was added
 * @param after the element's JSON after the change
 */
public record AppliedFix(Fix fix, String path, String before, String after) {
  /** Validates. */
  public AppliedFix {
    Objects.requireNonNull(fix, "fix");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(after, "after");
  }
}
