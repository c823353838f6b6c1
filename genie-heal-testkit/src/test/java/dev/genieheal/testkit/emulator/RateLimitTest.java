package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.genieheal.port.GenieAnswer;
import dev.genieheal.testkit.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RateLimitTest {
  private static final String SPACE = "/api/2.0/genie/spaces/" + Fixtures.SPACE_ID;
  private final ManualClock clock = ManualClock.create();
  private DatabricksEmulator emulator;

  @AfterEach
  void stop() {
    emulator.close();
  }

  private Http start(DatabricksEmulator.Builder b) {
    emulator = b.space(Fixtures.space()).clock(clock)
        .genie(q -> GenieAnswer.noSql("ok", Duration.ZERO)).start();
    return new Http(emulator);
  }

  @Test
  void startConversation_sixthQuestionInAMinute_is429WithRetryAfterAndRealBody() {
    Http http = start(DatabricksEmulator.builder());
    for (int i = 0; i < 5; i++) {
      assertThat(http.post(SPACE + "/start-conversation", "{\"content\":\"q" + i + "\"}").status).isEqualTo(200);
    }

    Http.Reply r = http.post(SPACE + "/start-conversation", "{\"content\":\"q6\"}");

    assertThat(r.status).isEqualTo(429);
    assertThat(r.header("Retry-After")).isEqualTo("12");
    assertThat(r.text("/error_code")).isEqualTo("REQUEST_LIMIT_EXCEEDED");
    assertThat(r.text("/message")).contains("5 questions per minute");
    assertThat(emulator.questionCount()).isEqualTo(5);
  }

  @Test
  void startConversation_afterRetryAfter_isAcceptedAgain() {
    Http http = start(DatabricksEmulator.builder().questionsPerMinute(1));
    http.post(SPACE + "/start-conversation", "{\"content\":\"q\"}");
    Http.Reply limited = http.post(SPACE + "/start-conversation", "{\"content\":\"q\"}");
    assertThat(limited.status).isEqualTo(429);

    clock.advance(Duration.ofSeconds(Long.parseLong(limited.header("Retry-After"))));

    assertThat(http.post(SPACE + "/start-conversation", "{\"content\":\"q\"}").status).isEqualTo(200);
  }

  @Test
  void createMessage_countsAgainstTheSameWorkspaceLimit() {
    Http http = start(DatabricksEmulator.builder().questionsPerMinute(1));
    String conversation = http.post(SPACE + "/start-conversation", "{\"content\":\"q\"}").text("/conversation_id");

    Http.Reply r = http.post(SPACE + "/conversations/" + conversation + "/messages", "{\"content\":\"again\"}");

    assertThat(r.status).isEqualTo(429);
  }

  @Test
  void getMessage_isNeverThrottled() {
    Http http = start(DatabricksEmulator.builder().questionsPerMinute(1));
    Http.Reply started = http.post(SPACE + "/start-conversation", "{\"content\":\"q\"}");
    String path = SPACE + "/conversations/" + started.text("/conversation_id") + "/messages/"
        + started.text("/message_id");

    for (int i = 0; i < 20; i++) {
      assertThat(http.get(path).status).isEqualTo(200);
    }
  }

  @Test
  void noQuestionLimit_acceptsAnyNumberOfQuestions() {
    Http http = start(DatabricksEmulator.builder().noQuestionLimit());

    for (int i = 0; i < 12; i++) {
      assertThat(http.post(SPACE + "/start-conversation", "{\"content\":\"q\"}").status).isEqualTo(200);
    }
  }
}
