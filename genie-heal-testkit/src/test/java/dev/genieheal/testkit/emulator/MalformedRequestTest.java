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

    r.error(400, "MALFORMED_REQUEST");
    assertThat(r.text("/message")).startsWith("Could not parse request object");
  }

  @Test
  void post_jsonArrayBody_is400MalformedRequest() {
    Http.Reply r = http.post(SPACE + "/start-conversation", "[]");

    r.error(400, "MALFORMED_REQUEST");
  }

  @Test
  void post_wrongFieldType_is400InvalidParameterValue() {
    Http.Reply r = http.post(SPACE + "/start-conversation", "{\"content\":{\"a\":1}}");

    r.error(400, "INVALID_PARAMETER_VALUE");
    assertThat(r.text("/message")).contains("content");
  }

  @Test
  void unknownPath_is404EndpointNotFound() {
    Http.Reply r = http.get("/api/2.0/genie/nothing-here");

    r.error(404, "ENDPOINT_NOT_FOUND");
    assertThat(r.text("/message")).isEqualTo("No API found for 'GET /api/2.0/genie/nothing-here'");
  }

  @Test
  void wrongVerbOnKnownPath_is404EndpointNotFound() {
    Http.Reply r = http.send("PUT", SPACE, "{}");

    r.error(404, "ENDPOINT_NOT_FOUND");
    assertThat(r.text("/message")).contains("PUT");
  }

  @Test
  void listPageSize_negative_is400() {
    Http.Reply r = http.get("/api/2.0/genie/spaces?page_size=-1");

    r.error(400, "INVALID_PARAMETER_VALUE");
  }
}
