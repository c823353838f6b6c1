package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RequestLogTest {
  private DatabricksEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void takeRequest_returnsRequestsInOrderWithRouteHeadersAndBody() throws InterruptedException {
    emulator = DatabricksEmulator.builder().space(Fixtures.space()).start();
    Http http = new Http(emulator);
    http.get("/api/2.0/genie/spaces/" + Fixtures.SPACE_ID + "?include_serialized_space=true");
    http.patch("/api/2.0/genie/spaces/" + Fixtures.SPACE_ID, "{\"title\":\"t\"}");

    RecordedRequest get = emulator.takeRequest();
    RecordedRequest patch = emulator.takeRequest();

    assertThat(get.sequenceNumber()).isZero();
    assertThat(get.method()).isEqualTo("GET");
    assertThat(get.route()).contains(EmulatorRoute.GET_SPACE);
    assertThat(get.query()).isEqualTo("include_serialized_space=true");
    assertThat(get.header("authorization")).contains("Bearer " + emulator.token());
    assertThat(patch.route()).contains(EmulatorRoute.UPDATE_SPACE);
    assertThat(patch.body()).isEqualTo("{\"title\":\"t\"}");
    assertThat(emulator.takeRequest(Duration.ofMillis(10))).isEmpty();
    assertThat(emulator.requests()).hasSize(2);
  }

  @Test
  void toString_redactsTheAuthorizationHeaderAndSecrets() throws InterruptedException {
    emulator = DatabricksEmulator.builder().start();
    new Http(emulator).post("/oidc/v1/token", "client_secret=s3cret&grant_type=client_credentials");

    String line = emulator.takeRequest().toString();

    assertThat(line).doesNotContain(emulator.token()).doesNotContain("s3cret").contains("[REDACTED]");
  }

  @Test
  void unknownPath_isLoggedWithoutRoute() throws InterruptedException {
    emulator = DatabricksEmulator.builder().start();
    new Http(emulator).get("/nowhere");

    assertThat(emulator.takeRequest().route()).isEmpty();
  }

  @Test
  void builder_invalidSettings_areRejectedNamingTheSetting() {
    DatabricksEmulator.Builder b = DatabricksEmulator.builder();
    assertThatThrownBy(() -> b.port(-1)).hasMessageContaining("port");
    assertThatThrownBy(() -> b.questionsPerMinute(0)).hasMessageContaining("noQuestionLimit");
    assertThatThrownBy(() -> b.maxResultRows(0)).hasMessageContaining("maxResultRows");
    assertThatThrownBy(() -> b.token(" ")).hasMessageContaining("token");
    assertThatThrownBy(() -> b.genie(null)).isInstanceOf(NullPointerException.class).hasMessage("genie");
    assertThatThrownBy(() -> b.space(EmulatedSpace.of("s", null, null, "nope")).start())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("serialized_space");
    assertThatThrownBy(() -> StatusProgression.polls(java.util.List.of(), 1)).hasMessageContaining("states");
    emulator = DatabricksEmulator.builder().start();
  }

  @Test
  void sameSeed_givesSameTokenAndIds() {
    emulator = DatabricksEmulator.builder().seed(3).start();
    String token = emulator.token();
    String created = new Http(emulator).post("/api/2.0/genie/spaces",
        "{\"warehouse_id\":\"w\",\"serialized_space\":\"{}\"}").text("/space_id");
    emulator.close();

    emulator = DatabricksEmulator.builder().seed(3).start();

    assertThat(emulator.token()).isEqualTo(token);
    assertThat(new Http(emulator).post("/api/2.0/genie/spaces",
        "{\"warehouse_id\":\"w\",\"serialized_space\":\"{}\"}").text("/space_id")).isEqualTo(created);
  }
}
