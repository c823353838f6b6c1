package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.port.Sleeper;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FaultInjectionTest {
  private static final String SPACES = "/api/2.0/genie/spaces";
  private static final String SPACE = SPACES + "/" + Fixtures.SPACE_ID;
  private final List<Duration> slept = new ArrayList<>();
  private final Sleeper recordingSleeper = slept::add;
  private DatabricksEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Http start(DatabricksEmulator.Builder b) {
    emulator = b.space(Fixtures.space()).sleeper(recordingSleeper).start();
    return new Http(emulator);
  }

  @Test
  void tooManyRequests_sendsRetryAfterAndRequestLimitBody() {
    Http http = start(DatabricksEmulator.builder()
        .fault(FaultRule.always(RequestMatcher.route(EmulatorRoute.GET_SPACE),
            Fault.tooManyRequests(Duration.ofMillis(1_500)))));

    Http.Reply r = http.get(SPACE);

    assertThat(r.status).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("2");
    assertThat(r.text("/error_code")).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(http.get(SPACES).status).isEqualTo(200);
  }

  @Test
  void internalError_is500InternalError() {
    Http http = start(DatabricksEmulator.builder()
        .fault(FaultRule.always(RequestMatcher.any(), Fault.internalError())));

    Http.Reply r = http.get(SPACE);

    r.error(500, "INTERNAL_ERROR");
    assertThat(r.header("Retry-After")).isNull();
  }

  @Test
  void unavailable_is503TemporarilyUnavailableWithRetryAfter() {
    Http http = start(DatabricksEmulator.builder()
        .fault(FaultRule.always(RequestMatcher.any(), Fault.unavailable(Duration.ofSeconds(3)))));

    Http.Reply r = http.get(SPACE);

    r.error(503, "TEMPORARILY_UNAVAILABLE");
    assertThat(r.header("Retry-After")).isEqualTo("3");
  }

  @Test
  void latency_sleepsOnTheInjectedSleeperThenAnswersNormally() {
    Http http = start(DatabricksEmulator.builder()
        .fault(FaultRule.always(RequestMatcher.method("GET"), Fault.latency(Duration.ofSeconds(7)))));

    Http.Reply r = http.get(SPACE);

    assertThat(r.status).isEqualTo(200);
    assertThat(slept).containsExactly(Duration.ofSeconds(7));
  }

  @Test
  void latencyThenStatus_bothApplyInOrder() {
    Http http = start(DatabricksEmulator.builder()
        .fault(FaultRule.always(RequestMatcher.any(), Fault.latency(Duration.ofMillis(5))))
        .fault(FaultRule.always(RequestMatcher.any(), Fault.status(504))));

    Http.Reply r = http.get(SPACE);

    r.error(504, "DEADLINE_EXCEEDED");
    assertThat(slept).containsExactly(Duration.ofMillis(5));
  }

  @Test
  void dropConnection_closesWithoutAResponse() {
    Http http = start(DatabricksEmulator.builder()
        .fault(FaultRule.always(RequestMatcher.route(EmulatorRoute.GET_SPACE), Fault.dropConnection())));

    assertThatThrownBy(() -> http.get(SPACE)).isInstanceOf(UncheckedIOException.class);
    // java.net.http retries an idempotent GET once on a dropped connection, so there may be two
    assertThat(emulator.requests()).isNotEmpty()
        .allSatisfy(r -> assertThat(r.route()).contains(EmulatorRoute.GET_SPACE));
  }

  @Test
  void malformedBody_isHttp200WithUnparseableJson() {
    Http http = start(DatabricksEmulator.builder()
        .fault(FaultRule.always(RequestMatcher.any(), Fault.malformedBody())));

    Http.Reply r = http.get(SPACE);

    assertThat(r.status).isEqualTo(200);
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
    assertThatThrownBy(() -> Http.MAPPER.readTree(r.body)).isInstanceOf(java.io.IOException.class);
  }

  @Test
  void respond_sendsTheScriptedResponse() {
    Http http = start(DatabricksEmulator.builder());
    emulator.enqueueFault(RequestMatcher.any(),
        Fault.respond(EmulatorResponse.error(418, "TEAPOT", "short and stout").withHeader("X-Test", "1")), 1);

    Http.Reply r = http.get(SPACE);

    assertThat(r.status).isEqualTo(418);
    assertThat(r.header("X-Test")).isEqualTo("1");
    assertThat(r.text("/message")).isEqualTo("short and stout");
  }

  @Test
  void enqueueFault_nextTwoMatchingRequestsFailThenRecover() {
    Http http = start(DatabricksEmulator.builder());
    emulator.enqueueFault(RequestMatcher.path("GET", "/api/2\\.0/genie/spaces/[^/]+"),
        Fault.unavailable(Duration.ofSeconds(1)), 2);

    assertThat(http.get(SPACES).status).isEqualTo(200);
    assertThat(http.get(SPACE).status).isEqualTo(503);
    assertThat(http.patch(SPACE, "{}").status).isEqualTo(200);
    assertThat(http.get(SPACE).status).isEqualTo(503);
    assertThat(http.get(SPACE).status).isEqualTo(200);
  }

  @Test
  void sometimes_sameSeed_failsTheSameRequests() {
    List<Integer> first = statuses(7L);
    List<Integer> second = statuses(7L);
    List<Integer> other = statuses(8L);

    assertThat(first).isEqualTo(second).contains(200, 500);
    assertThat(other).isNotEqualTo(first);
  }

  private List<Integer> statuses(long seed) {
    if (emulator != null) {
      emulator.close();
    }
    Http http = start(DatabricksEmulator.builder().seed(seed)
        .fault(FaultRule.sometimes(RequestMatcher.route(EmulatorRoute.GET_SPACE), 0.5, Fault.internalError())));
    List<Integer> out = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      out.add(http.get(SPACE).status);
    }
    return out;
  }

  @Test
  void clearFaults_removesRulesAndQueuedFaults() {
    Http http = start(DatabricksEmulator.builder()
        .fault(FaultRule.always(RequestMatcher.any(), Fault.internalError())));
    emulator.enqueueFault(RequestMatcher.any(), Fault.dropConnection(), 3);

    emulator.clearFaults();

    assertThat(http.get(SPACE).status).isEqualTo(200);
  }

  @Test
  void addFaultRule_atRunTime_appliesToLaterRequests() {
    Http http = start(DatabricksEmulator.builder());
    assertThat(http.get(SPACE).status).isEqualTo(200);

    emulator.addFaultRule(FaultRule.always(RequestMatcher.route(EmulatorRoute.GET_SPACE), Fault.status(502)));

    assertThat(http.get(SPACE).status).isEqualTo(502);
  }

  @Test
  void faultRule_rateOutsideUnitInterval_isRejected() {
    assertThatThrownBy(() -> FaultRule.sometimes(RequestMatcher.any(), 1.5, Fault.internalError()))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rate");
    emulator = DatabricksEmulator.builder().start();
  }
}
