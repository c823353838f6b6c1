package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MalformedRequestTest {
  private static final String SPACE = "/api/2.0/genie/spaces/" + Fixtures.SPACE_ID;
  private DatabricksEmulator emulator;
  private Http http;

  @BeforeEach
  void start() {
    emulator = DatabricksEmulator.builder().space(Fixtures.space()).start();
    http = new Http(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void post_invalidJson_is400MalformedRequest() {
    Http.Reply r = http.post(SPACE + "/start-conversation", "{\"content\": ");

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/error_code")).isEqualTo("MALFORMED_REQUEST");
    assertThat(r.text("/message")).startsWith("Could not parse request object");
  }

  @Test
  void post_jsonArrayBody_is400MalformedRequest() {
    Http.Reply r = http.post(SPACE + "/start-conversation", "[]");

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/error_code")).isEqualTo("MALFORMED_REQUEST");
  }

  @Test
  void post_wrongFieldType_is400InvalidParameterValue() {
    Http.Reply r = http.post(SPACE + "/start-conversation", "{\"content\":{\"a\":1}}");

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/error_code")).isEqualTo("INVALID_PARAMETER_VALUE");
    assertThat(r.text("/message")).contains("content");
  }

  @Test
  void unknownPath_is404EndpointNotFound() {
    Http.Reply r = http.get("/api/2.0/genie/nothing-here");

    assertThat(r.status).isEqualTo(404);
    assertThat(r.text("/error_code")).isEqualTo("ENDPOINT_NOT_FOUND");
    assertThat(r.text("/message")).isEqualTo("No API found for 'GET /api/2.0/genie/nothing-here'");
  }

  @Test
  void wrongVerbOnKnownPath_is404EndpointNotFound() {
    Http.Reply r = http.send("PUT", SPACE, "{}");

    assertThat(r.status).isEqualTo(404);
    assertThat(r.text("/error_code")).isEqualTo("ENDPOINT_NOT_FOUND");
    assertThat(r.text("/message")).contains("PUT");
  }

  @Test
  void listPageSize_negative_is400() {
    Http.Reply r = http.get("/api/2.0/genie/spaces?page_size=-1");

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/error_code")).isEqualTo("INVALID_PARAMETER_VALUE");
  }
}
