package dev.genieheal.testkit.emulator;

import dev.genieheal.internal.Checks;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * An HTTP response the emulator sends: the routes build these, and a test can script one with
 * {@link Fault#respond(EmulatorResponse)}.
 *
 * @param status the HTTP status, 100–599
 * @param headers extra headers ({@code Content-Type: application/json} is added when absent and the body is not
 *     empty)
 * @param body the body text, or empty
 */
public record EmulatorResponse(int status, Map<String, String> headers, String body) {

  /** Validates and copies. */
  public EmulatorResponse {
    Checks.within(status, 100, 599, "status");
    headers = Map.copyOf(Objects.requireNonNull(headers, "headers"));
    body = body == null ? "" : body;
  }

  /** A JSON response with the given status and body. */
  public static EmulatorResponse json(int status, String body) {
    return new EmulatorResponse(status, Map.of(), body);
  }

  /**
   * A Databricks error response: {@code {"error_code": …, "message": …}}.
   *
   * @param status the HTTP status
   * @param errorCode the {@code error_code}, e.g. {@code RESOURCE_DOES_NOT_EXIST}
   * @param message the {@code message}
   */
  public static EmulatorResponse error(int status, String errorCode, String message) {
    return json(status, Json.errorBody(errorCode, message));
  }

  /** A copy with one more header. */
  public EmulatorResponse withHeader(String name, String value) {
    Map<String, String> copy = new LinkedHashMap<>(headers);
    copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
    return new EmulatorResponse(status, copy, body);
  }
}
