package dev.genieheal.databricks.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.error.AuthenticationException;
import dev.genieheal.error.EtagConflictException;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.RateLimitedException;
import dev.genieheal.error.Redactor;
import dev.genieheal.error.ServiceException;
import dev.genieheal.error.ValidationException;
import dev.genieheal.error.Violation;
import java.io.IOException;
import java.time.Duration;
import java.util.Locale;

/**
 * The one place where an HTTP status and a Databricks {@code error_code} become a genie-heal exception. Every
 * message says which call failed, on which id, what the service said, and what to check; every message passes
 * through {@link Redactor}. Internal.
 */
public final class ExceptionMapper {
  private static final int MAX_BODY = 400;

  private ExceptionMapper() {}

  /**
   * Maps an error response.
   *
   * @param call the call that failed
   * @param host the workspace host, for messages
   * @param status the HTTP status
   * @param body the response body (JSON error, legacy shapes, HTML or empty)
   * @param retryAfter the {@code Retry-After} the server sent, or null
   * @param requestId the server's request id, or null
   * @param attempts how many attempts were made
   * @param secret a secret that must not appear in the message (the token), or null
   */
  public static GenieHealException fromResponse(ApiCall call, String host, int status, String body,
      Duration retryAfter, String requestId, int attempts, String secret) {
    ErrorBody error = ErrorBody.parse(body);
    String code = error.code() == null ? "" : error.code().toUpperCase(Locale.ROOT);
    String said = "HTTP " + status + (code.isEmpty() ? "" : " " + code)
        + (error.message().isEmpty() ? "" : ": " + error.message());
    String suffix = suffix(requestId, attempts);
    String what = call.describe();
    String kind = call.resourceKind();
    String id = call.resourceId() == null ? "" : " " + call.resourceId();

    if (status == 429 || code.equals("REQUEST_LIMIT_EXCEEDED") || code.equals("RESOURCE_EXHAUSTED")
        || code.equals("TOO_MANY_REQUESTS")) {
      return new RateLimitedException(clean(what + " was rate limited by " + host + " (" + said + "); "
          + "lower the questions per minute or run fewer jobs against this workspace at once" + suffix, secret),
          retryAfter);
    }
    if (status == 401 || code.equals("UNAUTHENTICATED")) {
      return new AuthenticationException(clean(what + " was not authenticated by " + host + " (" + said + "); "
          + "check DATABRICKS_TOKEN or the OAuth client id and secret, that they belong to this workspace, "
          + "and that the token has not expired" + suffix, secret));
    }
    if (status == 403 || code.equals("PERMISSION_DENIED")) {
      return new AuthenticationException(clean(what + " was refused by " + host + " (" + said + "); either the "
          + "token is invalid or expired (check DATABRICKS_TOKEN or the OAuth client id and secret) or the principal "
          + "lacks a permission on " + kind + id + " (a Genie space export needs CAN EDIT, a SQL warehouse CAN USE, "
          + "a serving endpoint CAN QUERY)" + suffix, secret));
    }
    if (status == 404 || code.equals("RESOURCE_DOES_NOT_EXIST") || code.equals("NOT_FOUND")) {
      return new NotFoundException(clean(what + " failed: " + kind + id + " does not exist on " + host
          + " or is not visible to this principal (" + said + "); check the id" + suffix, secret));
    }
    if (status == 409 && call.etagGuarded()) {
      return new EtagConflictException(call.resourceId(), clean(what + " was refused: " + kind + id
          + " was changed by someone else since it was loaded (" + said + "); nothing was written — reload it "
          + "and reapply the changes" + suffix, secret));
    }
    if (status == 400 || code.equals("INVALID_PARAMETER_VALUE") || code.equals("BAD_REQUEST")) {
      String rule = code.isEmpty() ? "BAD_REQUEST" : code;
      return new ValidationException(clean(what + " was rejected by " + host + " as invalid" + suffix, secret),
          java.util.List.of(new Violation("$", rule, clean(error.message().isEmpty() ? said : error.message(),
              secret))));
    }
    String hint = status >= 500 ? "the service failed; try again later, and report the request id if it persists"
        : "check the request";
    return new ServiceException(clean(what + " failed on " + host + " (" + said + "); " + hint + suffix, secret),
        status, error.code());
  }

  /** Maps a failure to reach the host (refused connection, unknown host, timeout before a response). */
  public static GenieHealException fromConnectionFailure(
      ApiCall call, String host, IOException cause, int attempts, String secret) {
    String reason = cause.getClass().getSimpleName()
        + (cause.getMessage() == null ? "" : ": " + cause.getMessage());
    return new ServiceException(clean(call.describe() + " could not reach " + host + " (" + reason + "); check "
        + "DATABRICKS_HOST, the network and any proxy" + suffix(null, attempts), secret), 0, "IO_ERROR");
  }

  /** Maps a successful status whose body is not the JSON the call expects. */
  public static GenieHealException malformed(ApiCall call, String host, int status, String body, String secret) {
    return new ServiceException(clean(call.describe() + " got a malformed response from " + host + " (HTTP "
        + status + ", body starts: " + abbreviate(body) + "); a proxy or gateway may be answering instead of "
        + "Databricks — check DATABRICKS_HOST", secret), status, "MALFORMED_RESPONSE");
  }

  private static String suffix(String requestId, int attempts) {
    return (attempts > 1 ? " [after " + attempts + " attempts]" : "")
        + (requestId == null ? "" : " [request id " + requestId + "]");
  }

  private static String clean(String text, String secret) {
    return Redactor.redact(text, secret);
  }

  static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    String flat = body.replaceAll("<[^>]*>", " ").replaceAll("\\s+", " ").strip();
    return flat.length() <= MAX_BODY ? flat : flat.substring(0, MAX_BODY) + "...";
  }

  /** The useful parts of an error body in any of the shapes Databricks uses. */
  record ErrorBody(String code, String message) {
    static ErrorBody parse(String body) {
      if (body == null || body.isBlank()) {
        return new ErrorBody(null, "");
      }
      try {
        JsonNode node = Json.read(body);
        if (node != null && node.isObject()) {
          String code = Json.text(node, "error_code");
          String message = Json.text(node, "message");
          if (message == null) {
            message = Json.text(node, "error_description");
          }
          if (message == null) {
            message = Json.text(node, "detail");
          }
          if (code == null && message != null && Json.text(node, "error") != null) {
            code = Json.text(node, "error");
          } else if (message == null) {
            message = Json.text(node, "error");
          }
          return new ErrorBody(code, message == null ? abbreviate(body) : abbreviate(message));
        }
      } catch (IOException | RuntimeException notJson) {
        // Gateways answer with HTML or plain text; the text itself is the message.
      }
      return new ErrorBody(null, abbreviate(body));
    }
  }
}
