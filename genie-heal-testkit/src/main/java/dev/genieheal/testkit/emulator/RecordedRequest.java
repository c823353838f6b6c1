package dev.genieheal.testkit.emulator;

import dev.genieheal.error.Redactor;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One request the {@link DatabricksEmulator} received, as logged before anything answered it (faults, auth and
 * rate limiting included). {@link #toString()} redacts the {@code Authorization} header and secret-looking body
 * fields, so a log line never carries a token.
 *
 * @param sequenceNumber 0 for the first request the emulator received, then 1, 2, …
 * @param method the HTTP verb
 * @param path the path, without the query
 * @param query the raw query string, or empty
 * @param headers the headers, names lower-cased
 * @param body the body as UTF-8 text, or empty
 * @param route the route the request matched, or empty when no route matched
 * @param timestamp when it arrived, on the emulator's clock
 */
public record RecordedRequest(
    long sequenceNumber,
    String method,
    String path,
    String query,
    Map<String, List<String>> headers,
    String body,
    Optional<EmulatorRoute> route,
    Instant timestamp) {

  /** Validates and copies; header names are lower-cased. */
  public RecordedRequest {
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(path, "path");
    query = query == null ? "" : query;
    body = body == null ? "" : body;
    Objects.requireNonNull(route, "route");
    Objects.requireNonNull(timestamp, "timestamp");
    Map<String, List<String>> copy = new TreeMap<>();
    headers.forEach((k, v) -> copy.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
    headers = Map.copyOf(copy);
  }

  /** The first value of a header (case-insensitive name), if present. */
  public Optional<String> header(String name) {
    List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
    return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
  }

  /** The path plus {@code ?query} when there is one. */
  public String target() {
    return query.isEmpty() ? path : path + "?" + query;
  }

  /** A one-line description with secrets redacted. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    sb.append('#').append(sequenceNumber).append(' ').append(method).append(' ').append(target());
    route.ifPresent(r -> sb.append(" [").append(r).append(']'));
    sb.append(" headers={");
    boolean first = true;
    for (Map.Entry<String, List<String>> e : new TreeMap<>(headers).entrySet()) {
      if (!first) {
        sb.append(", ");
      }
      first = false;
      boolean secret = e.getKey().equals("authorization");
      sb.append(e.getKey()).append('=').append(secret ? "[REDACTED]" : String.join(",", e.getValue()));
    }
    sb.append('}');
    if (!body.isEmpty()) {
      sb.append(" body=").append(Redactor.redact(body));
    }
    return sb.toString();
  }
}
