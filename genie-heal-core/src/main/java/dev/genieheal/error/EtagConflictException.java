package dev.genieheal.error;

/**
 * Thrown when a space was changed by someone else since it was loaded: the etag sent with the save no longer
 * matches. Nothing was written. Re-load the space, re-apply the changes and save with the new etag.
 */
public class EtagConflictException extends GenieHealException {
  private static final long serialVersionUID = 1L;
  private final String spaceId;

  /** Creates the exception for the given space. */
  public EtagConflictException(String spaceId, String message) {
    super(message);
    this.spaceId = spaceId;
  }

  /** The id of the space whose save was refused. */
  public String spaceId() {
    return spaceId;
  }
}
