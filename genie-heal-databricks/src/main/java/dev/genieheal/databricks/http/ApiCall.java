package dev.genieheal.databricks.http;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One REST call as the transport sees it: what to send, whether it may be repeated safely, and how to describe it
 * in errors and logs.
 *
 * @param method HTTP verb
 * @param path a path under the workspace host ({@code /api/2.0/...}) or an absolute {@code https://} URL
 * @param query query parameters in order (values are URL-encoded by the transport)
 * @param body the JSON body (a Jackson-serialisable value), or null for none
 * @param idempotent whether repeating the call cannot change the outcome: only then are 500/502/504 and connection
 *     failures retried
 * @param operation a short name of the operation for messages ("get space", "start conversation")
 * @param resourceKind what {@code resourceId} names ("space", "warehouse", "serving endpoint"), for messages
 * @param resourceId the id the call is about, for messages; may be null
 * @param etagGuarded whether a 409 means the caller's etag is stale (an {@code EtagConflictException})
 */
public record ApiCall(
    String method,
    String path,
    Map<String, String> query,
    Object body,
    boolean idempotent,
    String operation,
    String resourceKind,
    String resourceId,
    boolean etagGuarded) {

  /** Validates and copies. */
  public ApiCall {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = query == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
    Objects.requireNonNull(operation, "operation");
    resourceKind = resourceKind == null ? "resource" : resourceKind;
  }

  /** An idempotent GET. */
  public static ApiCall get(String operation, String resourceKind, String resourceId, String path) {
    return new ApiCall("GET", path, Map.of(), null, true, operation, resourceKind, resourceId, false);
  }

  /** A POST that is not idempotent (only 429/503 are retried). */
  public static ApiCall post(String operation, String resourceKind, String resourceId, String path, Object body) {
    return new ApiCall("POST", path, Map.of(), body, false, operation, resourceKind, resourceId, false);
  }

  /** A copy with one more query parameter. */
  public ApiCall withQuery(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(query);
    copy.put(name, value);
    return new ApiCall(method, path, copy, body, idempotent, operation, resourceKind, resourceId, etagGuarded);
  }

  /** A copy with another verb and body. */
  public ApiCall withMethod(String newMethod, Object newBody) {
    return new ApiCall(newMethod, path, query, newBody, idempotent, operation, resourceKind, resourceId, etagGuarded);
  }

  /** A copy marked idempotent (or not). */
  public ApiCall withIdempotent(boolean value) {
    return new ApiCall(method, path, query, body, value, operation, resourceKind, resourceId, etagGuarded);
  }

  /** A copy whose 409 means a stale etag. */
  public ApiCall withEtagGuard() {
    return new ApiCall(method, path, query, body, idempotent, operation, resourceKind, resourceId, true);
  }

  /** "get space 01ef..." — the call as messages name it. */
  public String describe() {
    return resourceId == null ? operation : operation + " (" + resourceKind + " " + resourceId + ")";
  }
}
