package dev.genieheal.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.AuthenticationException;
import dev.genieheal.score.RateLimiter;
import dev.genieheal.testkit.FakeSleeper;
import dev.genieheal.testkit.ManualClock;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatorRoute;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class OAuthM2mTest {
  private static final String SECRET = "dose0123456789abcdef";
  private final ManualClock serverClock = ManualClock.create();
  private final ManualClock clientClock = ManualClock.create();
  private DatabricksEmulator db;

  @AfterEach
  void stop() {
    if (db != null) {
      db.close();
    }
  }

  private GenieSpaceClient spaces(String secret) {
    db = Emulated.emulator().clock(serverClock).oauthClient("sp-1", SECRET)
        .oauthTokenLifetime(Duration.ofMinutes(10)).start();
    DatabricksConfig config = DatabricksConfig.builder().host(db.baseUrl()).clientId("sp-1").clientSecret(secret)
        .build();
    return DatabricksWorkspace.builder(config).clock(clientClock).sleeper(FakeSleeper.advancing(clientClock))
        .questionRateLimiter(RateLimiter.unlimited()).build().spaces();
  }

  private long tokenRequests() {
    return db.requests().stream().filter(r -> r.route().orElse(null) == EmulatorRoute.OAUTH_TOKEN).count();
  }

  @Test
  void load_servicePrincipal_fetchesOneTokenAndReusesIt() {
    GenieSpaceClient spaces = spaces(SECRET);

    spaces.load(Emulated.SPACE_ID);
    spaces.load(Emulated.SPACE_ID);

    assertThat(tokenRequests()).isEqualTo(1);
    assertThat(db.requests().get(0).header("authorization")).hasValueSatisfying(h -> assertThat(h).startsWith("Basic "));
    assertThat(db.requests().get(0).body()).contains("grant_type=client_credentials").contains("scope=all-apis");
  }

  @Test
  void load_tokenNearExpiry_isRefreshedBeforeUse() {
    GenieSpaceClient spaces = spaces(SECRET);
    spaces.load(Emulated.SPACE_ID);
    serverClock.advance(Duration.ofMinutes(9).plusSeconds(30));
    clientClock.advance(Duration.ofMinutes(9).plusSeconds(30));

    spaces.load(Emulated.SPACE_ID);

    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void load_tokenRejectedEarly_isFetchedAgainOnceAndTheCallSucceeds() {
    GenieSpaceClient spaces = spaces(SECRET);
    spaces.load(Emulated.SPACE_ID);
    serverClock.advance(Duration.ofMinutes(11));

    assertThat(spaces.load(Emulated.SPACE_ID).title()).isEqualTo("Sales");
    assertThat(tokenRequests()).isEqualTo(2);
  }

  @Test
  void load_wrongSecret_throwsAuthenticationNamingTheClientNotTheSecret() {
    String wrong = "dose-wrong-secret-0000";
    GenieSpaceClient spaces = spaces(wrong);

    assertThatThrownBy(() -> spaces.load(Emulated.SPACE_ID))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("sp-1")
        .hasMessageContaining("DATABRICKS_CLIENT_SECRET").hasMessageNotContaining(wrong);
  }
}
