package dev.genieheal.error;

import java.util.Optional;

/**
 * Thrown when a remote service answered with an error that has no more specific type: it carries the HTTP status
 * and the service's {@code error_code} so callers can branch on them.
 */
public class ServiceException extends GenieHealException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String errorCode;

  /** Creates the exception; {@code errorCode} may be null. */
  public ServiceException(String message, int status, String errorCode) {
    super(message);
    this.status = status;
    this.errorCode = errorCode;
  }

  /** The HTTP status code, or 0 when the failure happened before a response (connection refused). */
  public int status() {
    return status;
  }

  /** The service's error code, such as {@code INVALID_PARAMETER_VALUE}, when it sent one. */
  public Optional<String> errorCode() {
    return Optional.ofNullable(errorCode);
  }
}
