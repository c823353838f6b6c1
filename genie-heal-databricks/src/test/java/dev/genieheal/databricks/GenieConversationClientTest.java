package dev.genieheal.databricks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.genieheal.error.AuthenticationException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.testkit.emulator.DatabricksEmulator;
import dev.genieheal.testkit.emulator.EmulatorResponse;
import dev.genieheal.testkit.emulator.EmulatorRoute;
import dev.genieheal.testkit.emulator.Fault;
import dev.genieheal.testkit.emulator.RecordedRequest;
import dev.genieheal.testkit.emulator.RequestMatcher;
import dev.genieheal.testkit.emulator.StatusProgression;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class GenieConversationClientTest extends EmulatorTestSupport {

  private GenieConversationClient client(DatabricksEmulator.Builder builder) {
    db = builder.start();
    return GenieConversationClient.builder(Emulated.workspace(db, clock, sleeper)).build();
  }

  private static GenieQuestion question(String text) {
    return new GenieQuestion(Emulated.SPACE_ID, text, Duration.ofMinutes(10));
  }

  private List<EmulatorRoute> routes() {
    List<EmulatorRoute> out = new ArrayList<>();
    for (RecordedRequest r : db.requests()) {
      r.route().ifPresent(out::add);
    }
    return out;
  }

  @Test
  void ask_completed_returnsSqlTypedResultAndIds() {
    GenieConversationClient genie = client(Emulated.emulator());

    GenieAnswer answer = genie.ask(question("Sales by country"));

    assertThat(answer.status()).isEqualTo(AnswerStatus.COMPLETED);
    assertThat(answer.sql()).isEqualTo(Emulated.SALES_SQL);
    assertThat(answer.conversationId()).isNotBlank();
    assertThat(answer.messageId()).isNotBlank();
    assertThat(answer.result().rows()).hasSize(2);
    assertThat(answer.result().rows().get(0).get(1)).isEqualTo(new BigDecimal("10.50"));
    assertThat(routes()).containsOnlyOnce(EmulatorRoute.START_CONVERSATION).contains(EmulatorRoute.QUERY_RESULT);
  }

  @Test
  void ask_failed_returnsFailedWithGenieErrorType() {
    GenieAnswer answer = client(Emulated.emulator()).ask(question("Unknown thing"));

    assertThat(answer.status()).isEqualTo(AnswerStatus.FAILED);
    assertThat(answer.errorType()).isEqualTo("INVALID_TABLE_IDENTIFIER_EXCEPTION");
    assertThat(answer.error()).contains("no table for");
    assertThat(answer.messageId()).isNotBlank();
  }

  @Test
  void ask_textOnly_returnsNoSqlWithText() {
    GenieAnswer answer = client(Emulated.emulator()).ask(question("say hi"));

    assertThat(answer.status()).isEqualTo(AnswerStatus.NO_SQL);
    assertThat(answer.text()).contains("Hello");
  }

  @Test
  void ask_cancelled_returnsCancelled() {
    assertThat(client(Emulated.emulator()).ask(question("cancel")).status()).isEqualTo(AnswerStatus.CANCELLED);
  }

  @Test
  void ask_messageQueryResultExpired_executesTheQueryAgainAndReadsIt() {
    GenieConversationClient genie = client(Emulated.emulator());
    GenieAnswer first = genie.ask(question("Sales by country"));
    assertThat(db.expireQueryResult(first.messageId())).isTrue();
    // The next question is answered by the expired message, as if Genie had taken long enough for it to age out.
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.START_CONVERSATION), Fault.respond(EmulatorResponse.json(200,
        "{\"conversation_id\":\"" + first.conversationId() + "\",\"message_id\":\"" + first.messageId() + "\"}")), 1);

    GenieAnswer answer = genie.ask(question("Sales by country"));

    assertThat(answer.status()).isEqualTo(AnswerStatus.COMPLETED);
    assertThat(answer.result().rows()).hasSize(2);
    assertThat(routes()).contains(EmulatorRoute.EXECUTE_QUERY);
  }

  @Test
  void ask_completedButResultClosed_executesTheQueryAgain() {
    GenieConversationClient genie = client(Emulated.emulator());
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.QUERY_RESULT), Fault.respond(EmulatorResponse.json(200,
        "{\"statement_response\":{\"statement_id\":\"s1\",\"status\":{\"state\":\"CLOSED\"}}}")), 1);

    GenieAnswer answer = genie.ask(question("Sales by country"));

    assertThat(answer.result().rows()).hasSize(2);
    assertThat(routes()).contains(EmulatorRoute.EXECUTE_QUERY);
  }

  @Test
  void ask_stuckInAskingAiPastTheTimeout_timesOutWithoutHanging() {
    db = Emulated.emulator()
        .messageProgression(StatusProgression.timed(List.of("SUBMITTED", "ASKING_AI"), Duration.ofDays(1)))
        .start();
    GenieConversationClient genie = GenieConversationClient.builder(Emulated.workspace(db, clock, sleeper)).build();

    GenieAnswer answer = genie.ask(new GenieQuestion(Emulated.SPACE_ID, "Sales by country", Duration.ofSeconds(30)));

    assertThat(answer.status()).isEqualTo(AnswerStatus.TIMED_OUT);
    assertThat(answer.messageId()).isNotBlank();
    assertThat(sleeper.total()).isEqualTo(Duration.ofSeconds(30));
  }

  @Test
  void ask_adaptivePolling_startsFastAndBacksOffToTheCap() {
    db = Emulated.emulator()
        .messageProgression(StatusProgression.timed(List.of("SUBMITTED", "ASKING_AI"), Duration.ofDays(1)))
        .start();
    GenieConversationClient genie = GenieConversationClient.builder(Emulated.workspace(db, clock, sleeper))
        .firstPoll(Duration.ofMillis(100)).pollMultiplier(2).maxPoll(Duration.ofSeconds(1)).build();

    genie.ask(new GenieQuestion(Emulated.SPACE_ID, "Sales by country", Duration.ofSeconds(10)));

    assertThat(sleeper.sleeps()).startsWith(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
        Duration.ofMillis(800), Duration.ofSeconds(1), Duration.ofSeconds(1));
  }

  @Test
  void ask_afterAnswersWereSeen_firstPollLearnsTheTypicalAnswerTime() {
    db = Emulated.emulator().clock(clock)
        .messageProgression(StatusProgression.timed(List.of("SUBMITTED", "ASKING_AI"), Duration.ofMillis(1_000)))
        .start();
    GenieConversationClient genie = GenieConversationClient.builder(Emulated.workspace(db, clock, sleeper))
        .firstPoll(Duration.ofMillis(100)).pollMultiplier(2).maxPoll(Duration.ofSeconds(5)).build();
    genie.ask(question("Sales by country"));
    int firstQuestionSleeps = sleeper.sleeps().size();

    GenieAnswer second = genie.ask(question("Sales by country"));

    List<Duration> secondSleeps = sleeper.sleeps().subList(firstQuestionSleeps, sleeper.sleeps().size());
    assertThat(second.status()).isEqualTo(AnswerStatus.COMPLETED);
    // the first answer was ready at 2 s and seen at 3.1 s (polls at 0.1, 0.3, 0.7, 1.5, 3.1 s); it is known to be
    // ready after the last pending poll, 1.5 s, and 80 % of that is 1.2 s
    Duration firstAnswerSeen = sleeper.sleeps().subList(0, firstQuestionSleeps).stream()
        .reduce(Duration.ZERO, Duration::plus);
    assertThat(firstAnswerSeen).isEqualTo(Duration.ofMillis(3_100));
    assertThat(secondSleeps.get(0)).isEqualTo(Duration.ofMillis(1_200));
    assertThat(secondSleeps).hasSizeLessThan(firstQuestionSleeps);
  }

  @Test
  void ask_adaptivePollingOff_keepsTheFixedSchedule() {
    db = Emulated.emulator().clock(clock)
        .messageProgression(StatusProgression.timed(List.of("SUBMITTED", "ASKING_AI"), Duration.ofMillis(1_000)))
        .start();
    GenieConversationClient genie = GenieConversationClient.builder(Emulated.workspace(db, clock, sleeper))
        .firstPoll(Duration.ofMillis(100)).pollMultiplier(2).adaptivePolling(false).build();
    genie.ask(question("Sales by country"));
    int firstQuestionSleeps = sleeper.sleeps().size();

    genie.ask(question("Sales by country"));

    assertThat(sleeper.sleeps().get(firstQuestionSleeps)).isEqualTo(Duration.ofMillis(100));
  }

  @Test
  void ask_transient429OnStart_retriesHonouringRetryAfterAndSucceeds() {
    GenieConversationClient genie = client(Emulated.emulator());
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.START_CONVERSATION), Fault.tooManyRequests(Duration.ofSeconds(7)),
        2);

    GenieAnswer answer = genie.ask(question("Sales by country"));

    assertThat(answer.status()).isEqualTo(AnswerStatus.COMPLETED);
    assertThat(sleeper.sleeps()).startsWith(Duration.ofSeconds(7), Duration.ofSeconds(7));
  }

  @Test
  void ask_429Storm_isAFailedQuestionAfterBoundedRetries() {
    GenieConversationClient genie = client(Emulated.emulator());
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.START_CONVERSATION), Fault.tooManyRequests(Duration.ofSeconds(1)),
        1000);

    GenieAnswer answer = genie.ask(question("Sales by country"));

    assertThat(answer.status()).isEqualTo(AnswerStatus.FAILED);
    assertThat(answer.errorType()).isEqualTo("RATE_LIMITED");
    assertThat(answer.error()).contains("rate limited").contains("after 5 attempts");
    assertThat(db.requestCount()).isEqualTo(5);
  }

  @Test
  void ask_503And500WhilePolling_areRetriedBecausePollsAreIdempotent() {
    GenieConversationClient genie = client(Emulated.emulator());
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.GET_MESSAGE), Fault.unavailable(Duration.ofSeconds(2)), 1);
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.GET_MESSAGE), Fault.internalError(), 1);

    assertThat(genie.ask(question("Sales by country")).status()).isEqualTo(AnswerStatus.COMPLETED);
  }

  @Test
  void ask_500OnStart_isNotRepeatedAndFailsTheQuestion() {
    GenieConversationClient genie = client(Emulated.emulator());
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.START_CONVERSATION), Fault.internalError(), 1);

    GenieAnswer answer = genie.ask(question("Sales by country"));

    assertThat(answer.status()).isEqualTo(AnswerStatus.FAILED);
    assertThat(answer.errorType()).isEqualTo("INTERNAL_ERROR");
    assertThat(db.requestCount()).isEqualTo(1);
  }

  @Test
  void ask_malformedJsonWhilePolling_failsTheQuestionNamingIt() {
    GenieConversationClient genie = client(Emulated.emulator());
    db.enqueueFault(RequestMatcher.route(EmulatorRoute.GET_MESSAGE), Fault.malformedBody(), 1);

    GenieAnswer answer = genie.ask(question("Sales by country"));

    assertThat(answer.status()).isEqualTo(AnswerStatus.FAILED);
    assertThat(answer.errorType()).isEqualTo("MALFORMED_RESPONSE");
    assertThat(answer.error()).contains("get message").contains("malformed response");
  }

  @Test
  void ask_unknownSpace_throwsNotFound() {
    GenieConversationClient genie = client(Emulated.emulator());

    assertThatThrownBy(() -> genie.ask(new GenieQuestion("ffff0000ffff0000ffff0000ffff0000", "hi",
        Duration.ofMinutes(1))))
        .isInstanceOf(NotFoundException.class).hasMessageContaining("ffff0000ffff0000ffff0000ffff0000");
  }

  @Test
  void ask_wrongToken_throwsAuthenticationWithoutTheToken() {
    db = Emulated.emulator().start();
    String wrong = "dapi99999999999999999999999999999999";
    GenieConversationClient genie = GenieConversationClient.builder(Emulated.workspace(db, wrong, clock, sleeper))
        .build();

    assertThatThrownBy(() -> genie.ask(question("Sales by country")))
        .isInstanceOf(AuthenticationException.class).hasMessageContaining("DATABRICKS_TOKEN")
        .hasMessageNotContaining(wrong);
  }

  @Test
  void ask_unreachableHost_failsTheQuestionNamingTheHost() {
    DatabricksWorkspace ws = DatabricksWorkspace.builder(DatabricksConfig.builder().host("http://127.0.0.1:1")
        .token("dapi0123456789abcdef0123456789abcdef").connectTimeout(Duration.ofSeconds(2)).build())
        .clock(clock).sleeper(sleeper).questionRateLimiter(dev.genieheal.score.RateLimiter.unlimited()).build();

    GenieAnswer answer = GenieConversationClient.builder(ws).build().ask(question("Sales by country"));

    assertThat(answer.status()).isEqualTo(AnswerStatus.FAILED);
    assertThat(answer.errorType()).isEqualTo("IO_ERROR");
    assertThat(answer.error()).contains("could not reach http://127.0.0.1:1");
  }

  @Test
  void ask_reportsTimingsWithPollsAndDetectionLag() {
    List<AskTimings> timings = new ArrayList<>();
    db = Emulated.emulator().start();
    GenieConversationClient genie = GenieConversationClient.builder(Emulated.workspace(db, clock, sleeper))
        .onTimings(timings::add).build();

    genie.ask(question("Sales by country"));

    assertThat(timings).singleElement().satisfies(t -> {
      assertThat(t.polls()).isEqualTo(4);
      assertThat(t.messageId()).isNotBlank();
      assertThat(t.answerTime()).isPositive();
    });
  }

  @Test
  void workspaces_ofOneHost_shareOneQuestionLimiter() {
    DatabricksConfig config = DatabricksConfig.builder().host("https://shared-limiter.example.com")
        .token("dapi0123456789abcdef0123456789abcdef").build();

    assertThat(DatabricksWorkspace.connect(config).questionRateLimiter())
        .isSameAs(DatabricksWorkspace.connect(config).questionRateLimiter());
  }
}
