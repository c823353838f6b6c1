package dev.genieheal.error;

/** Thrown when a space, warehouse, endpoint, statement or other resource does not exist (HTTP 404). */
public class NotFoundException extends GenieHealException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public NotFoundException(String message) {
    super(message);
  }
}
