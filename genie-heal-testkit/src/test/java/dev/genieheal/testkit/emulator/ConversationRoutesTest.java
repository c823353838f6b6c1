package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.testkit.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ConversationRoutesTest {
  private static final String SPACE = "/api/2.0/genie/spaces/" + Fixtures.SPACE_ID;
  private static final GenieClient GENIE = q -> {
    switch (q.text()) {
      case "Revenue by region": return GenieAnswer.sql(Fixtures.REGION_SQL, null, Duration.ZERO);
      case "big": return GenieAnswer.sql(Fixtures.BIG_SQL, null, Duration.ZERO);
      case "hello": return GenieAnswer.noSql("Hi! Ask me about orders.", Duration.ZERO);
      case "boom": throw new IllegalStateException("engine exploded");
      default: return GenieAnswer.failed("SQL_EXECUTION_EXCEPTION", "cannot answer " + q.text(), Duration.ZERO);
    }
  };
  private DatabricksEmulator emulator;

  private Http start(DatabricksEmulator.Builder builder) {
    emulator = builder.space(Fixtures.space()).sqlExecutor(Fixtures.warehouse()).start();
    return new Http(emulator);
  }

  @AfterEach
  void stop() {
    if (emulator != null) {
      emulator.close();
    }
  }

  private static String ask(String question) {
    return "{\"content\":\"" + question + "\"}";
  }

  private static String messagePath(JsonNode started) {
    return SPACE + "/conversations/" + started.get("conversation_id").asText() + "/messages/"
        + started.get("message_id").asText();
  }

  @Test
  void startConversation_validQuestion_returnsIdsConversationAndSubmittedMessage() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));
    Http.Reply r = http.post(SPACE + "/start-conversation", ask("Revenue by region"));

    assertThat(r.status).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("conversation_id").asText()).hasSize(32);
    assertThat(json.get("message_id").asText()).hasSize(32);
    assertThat(json.at("/conversation/conversation_id").asText()).isEqualTo(json.get("conversation_id").asText());
    assertThat(json.at("/message/status").asText()).isEqualTo("SUBMITTED");
    assertThat(json.at("/message/id").asText()).isEqualTo(json.get("message_id").asText());
    assertThat(json.at("/message/message_id").asText()).isEqualTo(json.get("message_id").asText());
    assertThat(json.at("/message/space_id").asText()).isEqualTo(Fixtures.SPACE_ID);
    assertThat(json.at("/message/content").asText()).isEqualTo("Revenue by region");
    assertThat(json.at("/message").has("attachments")).isFalse();
    assertThat(r.header("Content-Type")).isEqualTo("application/json");
  }

  @Test
  void getMessage_defaultProgression_walksEveryStateToCompleted() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("Revenue by region")).json();

    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      seen.add(http.get(messagePath(started)).text("/status"));
    }
    assertThat(seen).containsExactly("FETCHING_METADATA", "ASKING_AI", "EXECUTING_QUERY", "COMPLETED", "COMPLETED");
  }

  @Test
  void getMessage_executingQuery_alreadyShowsTheQueryAttachmentButNoText() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("Revenue by region")).json();
    http.get(messagePath(started));
    http.get(messagePath(started));

    JsonNode executing = http.get(messagePath(started)).json();

    assertThat(executing.get("status").asText()).isEqualTo("EXECUTING_QUERY");
    assertThat(executing.at("/attachments/0/query/query").asText()).isEqualTo(Fixtures.REGION_SQL);
  }

  @Test
  void genieFactory_receivesTheEmulatorsOwnSpaceStore() {
    java.util.concurrent.atomic.AtomicReference<dev.genieheal.port.SpaceStore> seen =
        new java.util.concurrent.atomic.AtomicReference<>();
    start(DatabricksEmulator.builder().genieFactory(store -> {
      seen.set(store);
      return GENIE;
    }));

    assertThat(seen.get()).isSameAs(emulator.spaceStore());
  }

  @Test
  void getMessage_timedProgression_advancesOnlyWithTheClock() {
    ManualClock clock = ManualClock.create();
    Http http = start(DatabricksEmulator.builder().genie(GENIE).clock(clock)
        .messageProgression(StatusProgression.timed(StatusProgression.MESSAGE_STATES, Duration.ofSeconds(2))));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("Revenue by region")).json();

    assertThat(http.get(messagePath(started)).text("/status")).isEqualTo("SUBMITTED");
    assertThat(http.get(messagePath(started)).text("/status")).isEqualTo("SUBMITTED");
    clock.advance(Duration.ofSeconds(2));
    assertThat(http.get(messagePath(started)).text("/status")).isEqualTo("FETCHING_METADATA");
    clock.advance(Duration.ofSeconds(5));
    assertThat(http.get(messagePath(started)).text("/status")).isEqualTo("EXECUTING_QUERY");
    clock.advance(Duration.ofSeconds(1));
    assertThat(http.get(messagePath(started)).text("/status")).isEqualTo("COMPLETED");
  }

  @Test
  void getMessage_completed_hasQueryAttachmentWithStatementIdAndMetadata() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE).messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("Revenue by region")).json();
    JsonNode message = http.get(messagePath(started)).json();

    assertThat(message.get("status").asText()).isEqualTo("COMPLETED");
    JsonNode attachment = message.at("/attachments/0");
    assertThat(attachment.get("attachment_id").asText()).hasSize(32);
    assertThat(attachment.at("/query/query").asText()).isEqualTo(Fixtures.REGION_SQL);
    assertThat(attachment.at("/query/statement_id").asText()).isNotBlank();
    assertThat(attachment.at("/query/query_result_metadata/row_count").asInt()).isEqualTo(2);
    assertThat(attachment.at("/query/query_result_metadata/is_truncated").asBoolean()).isFalse();
    assertThat(attachment.has("text")).isFalse();
    assertThat(message.has("error")).isFalse();
  }

  @Test
  void queryResult_completedMessage_returnsStatementResponseWithJsonArrayStrings() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE).messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("Revenue by region")).json();
    JsonNode message = http.get(messagePath(started)).json();
    String attachmentId = message.at("/attachments/0/attachment_id").asText();

    JsonNode result = http.get(messagePath(started) + "/attachments/" + attachmentId + "/query-result").json();

    JsonNode sr = result.get("statement_response");
    assertThat(sr.get("statement_id").asText()).isEqualTo(message.at("/attachments/0/query/statement_id").asText());
    assertThat(sr.at("/status/state").asText()).isEqualTo("SUCCEEDED");
    assertThat(sr.at("/manifest/schema/column_count").asInt()).isEqualTo(2);
    assertThat(sr.at("/manifest/schema/columns/0/type_name").asText()).isEqualTo("STRING");
    assertThat(sr.at("/manifest/schema/columns/1/type_name").asText()).isEqualTo("DECIMAL");
    assertThat(sr.at("/manifest/schema/columns/1/type_precision").asInt()).isEqualTo(28);
    assertThat(sr.at("/manifest/schema/columns/1/type_scale").asInt()).isEqualTo(2);
    assertThat(sr.at("/manifest/total_row_count").asInt()).isEqualTo(2);
    assertThat(sr.at("/result/data_array").toString()).isEqualTo("[[\"EMEA\",\"1200.50\"],[\"APAC\",null]]");
  }

  @Test
  void queryResult_deprecatedMessageRoute_returnsTheSameRows() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE).messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("Revenue by region")).json();
    http.get(messagePath(started));

    JsonNode result = http.get(messagePath(started) + "/query-result").json();

    assertThat(result.at("/statement_response/result/row_count").asInt()).isEqualTo(2);
  }

  @Test
  void queryResult_moreThanMaxRows_isCutAndMarkedTruncated() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE).messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("big")).json();
    JsonNode message = http.get(messagePath(started)).json();
    String attachmentId = message.at("/attachments/0/attachment_id").asText();

    JsonNode sr = http.get(messagePath(started) + "/attachments/" + attachmentId + "/query-result").json()
        .get("statement_response");

    assertThat(message.at("/attachments/0/query/query_result_metadata/row_count").asInt()).isEqualTo(5_000);
    assertThat(message.at("/attachments/0/query/query_result_metadata/is_truncated").asBoolean()).isTrue();
    assertThat(sr.at("/manifest/truncated").asBoolean()).isTrue();
    assertThat(sr.at("/result/data_array").size()).isEqualTo(5_000);
  }

  @Test
  void queryResult_beforeTheQueryIsVisible_is404() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("Revenue by region")).json();

    Http.Reply r = http.get(messagePath(started) + "/attachments/whatever/query-result");

    r.error(404, "RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void getMessage_genieFails_showsFailedWithErrorAndType() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE).messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("unknowable")).json();

    JsonNode message = http.get(messagePath(started)).json();

    assertThat(message.get("status").asText()).isEqualTo("FAILED");
    assertThat(message.at("/error/type").asText()).isEqualTo("SQL_EXECUTION_EXCEPTION");
    assertThat(message.at("/error/error").asText()).isEqualTo("cannot answer unknowable");
    assertThat(message.has("attachments")).isFalse();
  }

  @Test
  void getMessage_genieThrows_showsFailedUnexpectedReply() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE).messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("boom")).json();

    JsonNode message = http.get(messagePath(started)).json();

    assertThat(message.get("status").asText()).isEqualTo("FAILED");
    assertThat(message.at("/error/type").asText()).isEqualTo("UNEXPECTED_REPLY_PROCESS_EXCEPTION");
    assertThat(message.at("/error/error").asText()).contains("engine exploded");
  }

  @Test
  void getMessage_textOnlyAnswer_hasTextAttachmentOnly() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE).messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("hello")).json();

    JsonNode message = http.get(messagePath(started)).json();

    assertThat(message.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(message.get("attachments")).hasSize(1);
    assertThat(message.at("/attachments/0/text/content").asText()).isEqualTo("Hi! Ask me about orders.");
  }

  @Test
  void createMessage_existingConversation_addsMessageAndListsBoth() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("hello")).json();
    String conversation = SPACE + "/conversations/" + started.get("conversation_id").asText();

    Http.Reply created = http.post(conversation + "/messages", ask("Revenue by region"));

    assertThat(created.status).isEqualTo(200);
    assertThat(created.text("/status")).isEqualTo("SUBMITTED");
    assertThat(created.text("/conversation_id")).isEqualTo(started.get("conversation_id").asText());
    JsonNode listed = http.get(conversation + "/messages").json();
    assertThat(listed.get("messages")).hasSize(2);
    JsonNode conversations = http.get(SPACE + "/conversations").json();
    assertThat(conversations.get("conversations")).hasSize(1);
    assertThat(conversations.at("/conversations/0/title").asText()).isEqualTo("hello");
  }

  @Test
  void deleteConversation_thenGetMessage_is404() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("hello")).json();

    Http.Reply deleted = http.delete(SPACE + "/conversations/" + started.get("conversation_id").asText());

    assertThat(deleted.status).isEqualTo(200);
    assertThat(deleted.body).isEqualTo("{}");
    assertThat(http.get(messagePath(started)).status).isEqualTo(404);
  }

  @Test
  void sendFeedback_validRating_isShownOnTheMessage() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("hello")).json();

    assertThat(http.post(messagePath(started) + "/feedback", "{\"rating\":\"POSITIVE\"}").status).isEqualTo(200);
    assertThat(http.post(messagePath(started) + "/feedback", "{\"rating\":\"MEH\"}").status).isEqualTo(400);
    assertThat(http.get(messagePath(started)).text("/feedback/rating")).isEqualTo("POSITIVE");
  }

  @Test
  void expireQueryResults_thenExecuteQuery_refreshesTheResult() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE).messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("Revenue by region")).json();
    JsonNode message = http.get(messagePath(started)).json();
    String attachment = messagePath(started) + "/attachments/" + message.at("/attachments/0/attachment_id").asText();
    String oldStatement = message.at("/attachments/0/query/statement_id").asText();

    assertThat(emulator.expireQueryResults()).isEqualTo(1);
    assertThat(http.get(messagePath(started)).text("/status")).isEqualTo("QUERY_RESULT_EXPIRED");
    assertThat(http.get(attachment + "/query-result").text("/statement_response/status/state")).isEqualTo("CLOSED");

    JsonNode refreshed = http.post(attachment + "/execute-query", "{}").json();

    assertThat(refreshed.at("/statement_response/status/state").asText()).isEqualTo("SUCCEEDED");
    assertThat(refreshed.at("/statement_response/statement_id").asText()).isNotEqualTo(oldStatement);
    assertThat(refreshed.at("/statement_response/result/row_count").asInt()).isEqualTo(2);
    assertThat(http.get(messagePath(started)).text("/status")).isEqualTo("COMPLETED");
  }

  @Test
  void startConversation_unknownSpace_is404ResourceDoesNotExist() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));

    Http.Reply r = http.post("/api/2.0/genie/spaces/nope/start-conversation", ask("hello"));

    r.error(404, "RESOURCE_DOES_NOT_EXIST");
    assertThat(r.text("/message")).contains("nope");
  }

  @Test
  void getMessage_unknownMessage_is404() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("hello")).json();

    Http.Reply r = http.get(SPACE + "/conversations/" + started.get("conversation_id").asText() + "/messages/x");

    r.error(404, "RESOURCE_DOES_NOT_EXIST");
  }

  @Test
  void startConversation_missingContent_is400InvalidParameterValue() {
    Http http = start(DatabricksEmulator.builder().genie(GENIE));

    Http.Reply r = http.post(SPACE + "/start-conversation", "{}");

    r.error(400, "INVALID_PARAMETER_VALUE");
    assertThat(r.text("/message")).contains("content");
  }

  @Test
  void defaultGenie_exampleQuestion_isAnsweredWithItsSql() {
    Http http = start(DatabricksEmulator.builder().messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("how many orders?")).json();

    JsonNode message = http.get(messagePath(started)).json();

    assertThat(message.get("status").asText()).isEqualTo("COMPLETED");
    assertThat(message.at("/attachments/0/query/query").asText()).isEqualTo(Fixtures.COUNT_SQL);
  }

  @Test
  void defaultGenie_otherQuestion_failsSayingNoGenieIsConfigured() {
    Http http = start(DatabricksEmulator.builder().messageProgression(StatusProgression.immediate()));
    JsonNode started = http.post(SPACE + "/start-conversation", ask("Revenue by region")).json();

    JsonNode message = http.get(messagePath(started)).json();

    assertThat(message.get("status").asText()).isEqualTo("FAILED");
    assertThat(message.at("/error/error").asText()).contains("No Genie engine is configured");
  }
}
