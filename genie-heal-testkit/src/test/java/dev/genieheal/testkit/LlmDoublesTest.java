package dev.genieheal.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.GenieHealException;
import dev.genieheal.port.ChatMessage;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.TokenUsage;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class LlmDoublesTest {
  private static LlmRequest request(String user) {
    return new LlmRequest(List.of(ChatMessage.system("You fix spaces."), ChatMessage.user(user)), 0, 100);
  }

  @Test
  void scriptedLlm_queue_answersInOrderThenFailsClearly() {
    ScriptedLlm llm = ScriptedLlm.of("first", "second");
    assertThat(llm.chat(request("a")).text()).isEqualTo("first");
    assertThat(llm.remaining()).isEqualTo(1);
    assertThat(llm.chat(request("b")).text()).isEqualTo("second");
    assertThatThrownBy(() -> llm.chat(request("c")))
        .isInstanceOf(GenieHealException.class)
        .hasMessageContaining("call #3")
        .hasMessageContaining("2 answer(s) were scripted");
    assertThat(llm.calls()).isEqualTo(3);
  }

  @Test
  void scriptedLlm_usage_isCharactersOverFourUnlessScripted() {
    ScriptedLlm llm = ScriptedLlm.builder().answer("12345678").answer("x", new TokenUsage(7, 9)).build();
    // "You fix spaces." (15) + "abcd" (4) = 19 chars -> 5 tokens; "12345678" -> 2 tokens.
    assertThat(llm.chat(request("abcd")).usage()).isEqualTo(new TokenUsage(5, 2));
    assertThat(llm.chat(request("abcd")).usage()).isEqualTo(new TokenUsage(7, 9));
  }

  @Test
  void scriptedLlm_failure_isThrownInTurn() {
    ScriptedLlm llm = ScriptedLlm.builder().failure(new GenieHealException("endpoint down")).answer("ok").build();
    assertThatThrownBy(() -> llm.chat(request("a"))).hasMessage("endpoint down");
    assertThat(llm.chat(request("a")).text()).isEqualTo("ok");
  }

  @Test
  void scriptedLlm_function_answersEveryRequest() {
    ScriptedLlm llm = ScriptedLlm.answering(r -> "echo " + r.messages().get(1).content());
    assertThat(llm.chat(request("hi")).text()).isEqualTo("echo hi");
    assertThat(llm.chat(request("again")).text()).isEqualTo("echo again");
  }

  @Test
  void scriptedLlm_emptyBuilder_isRejected() {
    assertThatThrownBy(() -> ScriptedLlm.builder().build())
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("answer");
    assertThatThrownBy(() -> ScriptedLlm.builder().answer(null)).isInstanceOf(NullPointerException.class);
  }

  @Test
  void recordingLlm_chat_recordsRequestsPromptsAndUsage() {
    RecordingLlm llm = RecordingLlm.wrapping(ScriptedLlm.builder()
        .answer("one", new TokenUsage(10, 1)).answer("two", new TokenUsage(20, 2)).build());
    llm.chat(request("q1"));
    llm.chat(request("q2"));
    assertThat(llm.callCount()).isEqualTo(2);
    assertThat(llm.usage()).isEqualTo(new TokenUsage(30, 3));
    assertThat(llm.prompts()).containsExactly("You fix spaces.\n\nq1", "You fix spaces.\n\nq2");
    assertThat(llm.responses()).extracting(LlmResponse::text).containsExactly("one", "two");
    assertThat(llm.takeRequest().messages().get(1).content()).isEqualTo("q1");
    assertThat(llm.takeRequest().messages().get(1).content()).isEqualTo("q2");
    assertThatThrownBy(llm::takeRequest).isInstanceOf(IllegalStateException.class).hasMessageContaining("2 request");
  }

  @Test
  void recordingLlm_failingDelegate_recordsAndRethrows() {
    RecordingLlm llm = RecordingLlm.wrapping(r -> {
      throw new GenieHealException("boom");
    });
    assertThatThrownBy(() -> llm.chat(request("q"))).hasMessage("boom");
    assertThat(llm.callCount()).isEqualTo(1);
    assertThat(llm.failureCount()).isEqualTo(1);
    assertThat(llm.usage()).isEqualTo(TokenUsage.NONE);
  }

  @Test
  void recordingLlm_concurrentCalls_areAllRecorded() throws Exception {
    RecordingLlm llm = RecordingLlm.wrapping(r -> new LlmResponse("x", new TokenUsage(1, 1)));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    for (int i = 0; i < 200; i++) {
      pool.submit(() -> llm.chat(request("q")));
    }
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
    assertThat(llm.callCount()).isEqualTo(200);
    assertThat(llm.usage()).isEqualTo(new TokenUsage(200, 200));
  }
}
