package dev.genieheal.fix;

import java.util.Objects;

/**
 * A proposal that was not applied, with the reason (validation rule broken, unknown table, refused SQL, leakage,
 * already present, ...).
 *
 * <p>A fix whose change is already in the space is reported here too, with a reason starting with
 * {@link #ALREADY_PRESENT}; {@link #isAlreadyPresent()} tells these harmless no-ops apart from real refusals. This is
 * what makes applying the same fixes twice equal to applying them once: the second time every fix is "already
 * present".
 *
 * @param fix the fix, or null when the proposal could not even be read as a fix (e.g. malformed model output)
 * @param proposal the proposal as text, for the report (the fix's JSON, or the raw model output)
 * @param reason why it was rejected
 */
public record RejectedFix(Fix fix, String proposal, String reason) {
  /** The reason (or reason prefix) of a fix whose change the space already has. */
  public static final String ALREADY_PRESENT = "already present";

  /** Validates. */
  public RejectedFix {
    Objects.requireNonNull(proposal, "proposal");
    Objects.requireNonNull(reason, "reason");
  }

  /** A rejection of a typed fix. */
  public static RejectedFix of(Fix fix, String reason) {
    return new RejectedFix(fix, FixJson.write(fix), reason);
  }

  /** Whether the fix was rejected only because the space already has its change (a no-op, not an error). */
  public boolean isAlreadyPresent() {
    return reason.startsWith(ALREADY_PRESENT);
  }
}
