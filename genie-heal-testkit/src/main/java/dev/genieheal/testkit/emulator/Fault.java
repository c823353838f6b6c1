package dev.genieheal.testkit.emulator;

import dev.genieheal.internal.Checks;
import java.time.Duration;
import java.util.Objects;

/**
 * A failure the emulator injects instead of (or before) the normal answer, in the spirit of MockWebServer's
 * {@code SocketPolicy}. Built-ins: {@link #tooManyRequests(Duration)}, {@link #internalError()},
 * {@link #unavailable(Duration)}, {@link #status(int)}, {@link #latency(Duration)}, {@link #dropConnection()},
 * {@link #malformedBody()} and {@link #respond(EmulatorResponse)}.
 *
 * <p>Latency is the only fault that lets the request go on to its normal answer (or to the next fault); every
 * other fault ends the request. Values are immutable.
 */
public sealed interface Fault permits Fault.Status, Fault.Latency, Fault.DropConnection, Fault.MalformedBody,
    Fault.Respond {

  /** HTTP 429 {@code REQUEST_LIMIT_EXCEEDED} with a {@code Retry-After} header (whole seconds, at least 1). */
  static Fault tooManyRequests(Duration retryAfter) {
    return new Status(429, Objects.requireNonNull(retryAfter, "retryAfter"));
  }

  /** HTTP 500 {@code INTERNAL_ERROR}. */
  static Fault internalError() {
    return new Status(500, null);
  }

  /** HTTP 503 {@code TEMPORARILY_UNAVAILABLE}, with a {@code Retry-After} header unless {@code retryAfter} is null. */
  static Fault unavailable(Duration retryAfter) {
    return new Status(503, retryAfter);
  }

  /** An error response with the given status and the {@code error_code} Databricks uses for it; no Retry-After. */
  static Fault status(int status) {
    return new Status(status, null);
  }

  /** Waits {@code delay} (on the emulator's sleeper) before answering normally. */
  static Fault latency(Duration delay) {
    return new Latency(delay);
  }

  /** Closes the connection without sending a response. */
  static Fault dropConnection() {
    return new DropConnection();
  }

  /** HTTP 200 with {@code Content-Type: application/json} and a truncated, unparseable JSON body. */
  static Fault malformedBody() {
    return new MalformedBody();
  }

  /** Sends the given response instead of the normal answer. */
  static Fault respond(EmulatorResponse response) {
    return new Respond(response);
  }

  /**
   * An error status.
   *
   * @param status 400–599
   * @param retryAfter the {@code Retry-After} to send, or null for none
   */
  record Status(int status, Duration retryAfter) implements Fault {
    /** Validates. */
    public Status {
      Checks.within(status, 400, 599, "status");
      if (retryAfter != null) {
        Checks.notNegative(retryAfter, "retryAfter");
      }
    }
  }

  /**
   * Added latency.
   *
   * @param delay how long to wait, not negative
   */
  record Latency(Duration delay) implements Fault {
    /** Validates. */
    public Latency {
      Checks.notNegative(delay, "delay");
    }
  }

  /** A dropped connection. */
  record DropConnection() implements Fault {}

  /** A malformed body. */
  record MalformedBody() implements Fault {}

  /**
   * A scripted response.
   *
   * @param response what to send
   */
  record Respond(EmulatorResponse response) implements Fault {
    /** Validates. */
    public Respond {
      Objects.requireNonNull(response, "response");
    }
  }
}
