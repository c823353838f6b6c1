package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A tiny JSON client over java.net.http for the emulator tests. */
final class Http {
  static final ObjectMapper MAPPER = new ObjectMapper();
  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(5))
      .build();
  private final String baseUrl;
  private final String token;

  Http(DatabricksEmulator emulator) {
    this(emulator.baseUrl(), emulator.token());
  }

  Http(String baseUrl, String token) {
    this.baseUrl = baseUrl;
    this.token = token;
  }

  Http withToken(String otherToken) {
    return new Http(baseUrl, otherToken);
  }

  Reply get(String path) {
    return send("GET", path, null);
  }

  Reply post(String path, String json) {
    return send("POST", path, json);
  }

  Reply patch(String path, String json) {
    return send("PATCH", path, json);
  }

  Reply delete(String path) {
    return send("DELETE", path, null);
  }

  Reply send(String method, String path, String json) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(10))
        .header("Accept", "application/json");
    if (token != null) {
      b.header("Authorization", "Bearer " + token);
    }
    if (json != null) {
      b.header("Content-Type", "application/json");
    }
    b.method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
    return send(b.build());
  }

  static Reply send(HttpRequest request) {
    try {
      return new Reply(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A response with its body parsed as JSON (null when empty or not JSON). */
  static final class Reply {
    final int status;
    final String body;
    final HttpResponse<String> raw;

    Reply(HttpResponse<String> raw) {
      this.raw = raw;
      this.status = raw.statusCode();
      this.body = raw.body();
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("not JSON: " + body, e);
      }
    }

    String text(String pointer) {
      return json().at(pointer).asText();
    }

    /** Asserts a Databricks error body with this status and {@code error_code}; returns the message. */
    String error(int expectedStatus, String errorCode) {
      org.assertj.core.api.Assertions.assertThat(status).as(body).isEqualTo(expectedStatus);
      org.assertj.core.api.Assertions.assertThat(text("/error_code")).isEqualTo(errorCode);
      return text("/message");
    }

    String header(String name) {
      return raw.headers().firstValue(name).orElse(null);
    }

    @Override
    public String toString() {
      return status + " " + body;
    }
  }
}
