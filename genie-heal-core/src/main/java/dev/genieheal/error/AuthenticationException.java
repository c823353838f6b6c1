package dev.genieheal.error;

/** Thrown when credentials are missing, ambiguous, wrong or lack a permission (HTTP 401/403). */
public class AuthenticationException extends GenieHealException {
  private static final long serialVersionUID = 1L;

  /** Creates the exception. */
  public AuthenticationException(String message) {
    super(message);
  }

  /** Creates the exception with a cause. */
  public AuthenticationException(String message, Throwable cause) {
    super(message, cause);
  }
}
