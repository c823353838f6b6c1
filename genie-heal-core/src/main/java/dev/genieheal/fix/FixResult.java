package dev.genieheal.fix;

import dev.genieheal.space.GenieSpace;
import java.util.List;
import java.util.Objects;

/**
 * The outcome of applying fixes: the new space (always valid) and what was applied or rejected.
 *
 * @param space the new space, always valid and canonical; the canonical form of the input when nothing applied
 * @param applied audit records of the fixes that changed the space
 * @param rejected the fixes that did not apply, each with its reason
 */
public record FixResult(GenieSpace space, List<AppliedFix> applied, List<RejectedFix> rejected) {
  /** Validates and copies. */
  public FixResult {
    Objects.requireNonNull(space, "space");
    applied = List.copyOf(applied);
    rejected = List.copyOf(rejected);
  }
}
