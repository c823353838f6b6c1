package dev.genieheal.testkit.emulator;

/**
 * A request the emulator refuses, with the HTTP status, {@code error_code} and message Databricks would send.
 * Thrown by route handlers and turned into a response in one place.
 */
final class ApiError extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final int status;
  private final String errorCode;
  private final Long retryAfterSeconds;

  ApiError(int status, String errorCode, String message, Long retryAfterSeconds) {
    super(message, null, false, false);
    this.status = status;
    this.errorCode = errorCode;
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static ApiError invalid(String message) {
    return new ApiError(400, "INVALID_PARAMETER_VALUE", message, null);
  }

  static ApiError malformed(String message) {
    return new ApiError(400, "MALFORMED_REQUEST", message, null);
  }

  static ApiError invalidState(String message) {
    return new ApiError(400, "INVALID_STATE", message, null);
  }

  static ApiError notFound(String message) {
    return new ApiError(404, "RESOURCE_DOES_NOT_EXIST", message, null);
  }

  static ApiError endpointNotFound(String method, String path) {
    return new ApiError(404, "ENDPOINT_NOT_FOUND", "No API found for '" + method + " " + path + "'", null);
  }

  static ApiError conflict(String message) {
    return new ApiError(409, "RESOURCE_CONFLICT", message, null);
  }

  static ApiError alreadyExists(String message) {
    return new ApiError(400, "RESOURCE_ALREADY_EXISTS", message, null);
  }

  static ApiError unauthenticated() {
    return new ApiError(401, "UNAUTHENTICATED",
        "Credential was not sent or was of an unsupported type for this API.", null);
  }

  static ApiError invalidToken() {
    return new ApiError(403, "PERMISSION_DENIED", "Invalid access token.", null);
  }

  static ApiError permissionDenied(String message) {
    return new ApiError(403, "PERMISSION_DENIED", message, null);
  }

  static ApiError rateLimited(String message, long retryAfterSeconds) {
    return new ApiError(429, "REQUEST_LIMIT_EXCEEDED", message, retryAfterSeconds);
  }

  static ApiError internal(String message) {
    return new ApiError(500, "INTERNAL_ERROR", message, null);
  }

  /** The {@code error_code} Databricks uses for a bare HTTP status (as in the SDK's status mapping). */
  static String errorCodeFor(int status) {
    switch (status) {
      case 400: return "BAD_REQUEST";
      case 401: return "UNAUTHENTICATED";
      case 403: return "PERMISSION_DENIED";
      case 404: return "NOT_FOUND";
      case 409: return "RESOURCE_CONFLICT";
      case 429: return "REQUEST_LIMIT_EXCEEDED";
      case 499: return "CANCELLED";
      case 501: return "NOT_IMPLEMENTED";
      case 503: return "TEMPORARILY_UNAVAILABLE";
      case 504: return "DEADLINE_EXCEEDED";
      default: return status >= 500 ? "INTERNAL_ERROR" : "BAD_REQUEST";
    }
  }

  EmulatorResponse toResponse() {
    EmulatorResponse response = EmulatorResponse.error(status, errorCode, getMessage());
    return retryAfterSeconds == null ? response : response.withHeader("Retry-After", Long.toString(retryAfterSeconds));
  }

  int status() {
    return status;
  }
}
