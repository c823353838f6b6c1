package dev.genieheal.fix;

import java.util.Objects;

/**
 * A proposal that was not applied, with the reason (validation rule broken, unknown table, refused SQL, leakage,
 * already present, ...).
 *
 * @param fix the fix, or null when the proposal could not even be read as a fix (e.g. malformed model output)
 * @param proposal the proposal as text, for the report (the fix's JSON, or the raw model output)
 * @param reason why it was rejected
 */
public record RejectedFix(Fix fix, String proposal, String reason) {
  /** Validates. */
  public RejectedFix {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(reason, "reason");
  }

  /** A rejection of a typed fix. */
  public static RejectedFix of(Fix fix, String reason) {
    return new RejectedFix(fix, FixJson.write(fix), reason);
  }
}
