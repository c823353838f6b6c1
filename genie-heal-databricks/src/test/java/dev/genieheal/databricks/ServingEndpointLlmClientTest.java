package dev.genieheal.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.RateLimitedException;
import dev.genieheal.port.ChatMessage;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.TokenUsage;
import dev.genieheal.testkit.emulator.EmulatorRoute;
import dev.genieheal.testkit.emulator.Fault;
import dev.genieheal.testkit.emulator.RequestMatcher;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class ServingEndpointLlmClientTest extends EmulatorTestSupport {
  private static final LlmRequest REQUEST = new LlmRequest(List.of(ChatMessage.system("Be terse."),
      ChatMessage.user("Why did it fail?")), 0.1, 256);

  private ServingEndpointLlmClient llm() {
    db = Emulated.emulator().servingEndpoint("judge-model",
        r -> new LlmResponse("answer to: " + r.messages().get(1).content(), new TokenUsage(12, 3))).start();
    return Emulated.workspace(db, clock, sleeper).llm("judge-model");
  }

  @Test
  void chat_returnsTheFirstChoiceAndUsage() {
    LlmResponse r = llm().chat(REQUEST);

    assertThat(r.text()).isEqualTo("answer to: Why did it fail?");
    assertThat(r.usage().total()).isPositive();
    assertThat(db.requests().get(0).body()).contains("\"max_tokens\":256").contains("\"role\":\"system\"");
  }

  @Test
  void chat_429ThenOk_isRetried() {
    ServingEndpointLlmClient client = llm();
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.SERVING_INVOCATIONS), Fault.tooManyRequests(Duration.ofSeconds(3)),
        1);

    assertThat(client.chat(REQUEST).text()).startsWith("answer to");
    assertThat(sleeper.sleeps()).containsExactly(Duration.ofSeconds(3));
  }

  @Test
  void chat_429Storm_throwsRateLimited() {
    ServingEndpointLlmClient client = llm();
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.SERVING_INVOCATIONS), Fault.tooManyRequests(Duration.ofSeconds(3)),
        100);

    assertThatThrownBy(() -> client.chat(REQUEST)).isInstanceOfSatisfying(RateLimitedException.class,
        e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(3))).hasMessageContaining("judge-model");
  }

  @Test
  void chat_500_isNotRepeated() {
    ServingEndpointLlmClient client = llm();
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.SERVING_INVOCATIONS), Fault.internalError(), 1);

    assertThatThrownBy(() -> client.chat(REQUEST)).hasMessageContaining("serving endpoint judge-model");
    assertThat(db.requestCount()).isEqualTo(1);
  }

  @Test
  void builder_endpointWithSlash_isRejected() {
    db = Emulated.emulator().start();
    assertThatThrownBy(() -> ServingEndpointLlmClient.builder(Emulated.workspace(db, clock, sleeper)).endpoint("a/b"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("endpoint");
  }
}
