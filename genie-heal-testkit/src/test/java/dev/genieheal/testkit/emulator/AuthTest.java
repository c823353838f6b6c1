package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.testkit.ManualClock;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AuthTest {
  private static final String SPACES = "/api/2.0/genie/spaces";
  private final ManualClock clock = ManualClock.create();
  private DatabricksEmulator emulator;

  @BeforeEach
  void start() {
    emulator = DatabricksEmulator.builder().clock(clock).oauthClient("sp-id", "sp-secret")
        .oauthTokenLifetime(Duration.ofMinutes(10)).start();
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Http.Reply token(String basicUser, String basicPass, String form) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/oidc/v1/token"))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form));
    if (basicUser != null) {
      b.header("Authorization", "Basic " + Base64.getEncoder()
          .encodeToString((basicUser + ":" + basicPass).getBytes(StandardCharsets.UTF_8)));
    }
    return Http.send(b.build());
  }

  @Test
  void request_withoutToken_is401Unauthenticated() {
    Http.Reply r = new Http(emulator.baseUrl(), null).get(SPACES);

    r.error(401, "UNAUTHENTICATED");
    assertThat(r.text("/message")).isEqualTo("Credential was not sent or was of an unsupported type for this API.");
  }

  @Test
  void request_withWrongToken_is403InvalidAccessToken() {
    Http.Reply r = new Http(emulator.baseUrl(), "dapi0000").get(SPACES);

    r.error(403, "PERMISSION_DENIED");
    assertThat(r.text("/message")).isEqualTo("Invalid access token.");
  }

  @Test
  void request_withPat_isAccepted() {
    assertThat(emulator.token()).startsWith("dapi");
    assertThat(new Http(emulator).get(SPACES).status).isEqualTo(200);
  }

  @Test
  void oauthToken_basicCredentials_issuesBearerTokenThatWorksUntilItExpires() {
    Http.Reply r = token("sp-id", "sp-secret", "grant_type=client_credentials&scope=all-apis");

    assertThat(r.status).isEqualTo(200);
    assertThat(r.text("/token_type")).isEqualTo("Bearer");
    assertThat(r.json().get("expires_in").asLong()).isEqualTo(600);
    assertThat(r.text("/scope")).isEqualTo("all-apis");
    Http api = new Http(emulator.baseUrl(), r.text("/access_token"));
    assertThat(api.get(SPACES).status).isEqualTo(200);
    clock.advance(Duration.ofMinutes(10));
    assertThat(api.get(SPACES).status).isEqualTo(403);
  }

  @Test
  void oauthToken_formCredentials_issuesToken() {
    Http.Reply r = token(null, null, "grant_type=client_credentials&client_id=sp-id&client_secret=sp-secret");

    assertThat(r.status).isEqualTo(200);
    assertThat(r.text("/access_token")).isNotBlank();
  }

  @Test
  void oauthToken_wrongSecret_is401InvalidClient() {
    Http.Reply r = token("sp-id", "nope", "grant_type=client_credentials");

    assertThat(r.status).isEqualTo(401);
    assertThat(r.text("/error")).isEqualTo("invalid_client");
  }

  @Test
  void oauthToken_otherGrant_is400UnsupportedGrantType() {
    Http.Reply r = token("sp-id", "sp-secret", "grant_type=password");

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/error")).isEqualTo("unsupported_grant_type");
  }

  @Test
  void oauthDiscovery_noAuth_pointsAtTheTokenEndpoint() {
    Http.Reply r = new Http(emulator.baseUrl(), null).get("/oidc/.well-known/oauth-authorization-server");

    assertThat(r.status).isEqualTo(200);
    assertThat(r.text("/token_endpoint")).isEqualTo(emulator.baseUrl() + "/oidc/v1/token");
  }

  @Test
  void databricksConfigDiscovery_is404SoTheSdkFallsBack() {
    assertThat(new Http(emulator.baseUrl(), null).get("/.well-known/databricks-config").status).isEqualTo(404);
  }
}
