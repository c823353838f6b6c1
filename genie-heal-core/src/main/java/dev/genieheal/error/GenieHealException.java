package dev.genieheal.error;

/**
 * The root of every exception genie-heal throws.
 *
 * <p>Unchecked: callers catch a specific subclass where they would branch (a validation failure, an etag conflict,
 * a rate limit, an authentication problem, a missing resource, a timeout) and this type for everything else.
 * Messages say what happened, which id or JSON path, and what to check. They never contain a token or a secret:
 * use {@link Redactor} on any text that may carry one before passing it here.
 *
 * <p>Ordinary loop endings (target reached, plateau, budget) are results, never exceptions.
 */
public class GenieHealException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Creates an exception with a message. */
  public GenieHealException(String message) {
    super(message);
  }

  /** Creates an exception with a message and a cause. */
  public GenieHealException(String message, Throwable cause) {
    super(message, cause);
  }
}
