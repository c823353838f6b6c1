package dev.genieheal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.databricks.http.ApiCall;
import dev.genieheal.databricks.http.Json;
import dev.genieheal.databricks.http.Polling;
import dev.genieheal.databricks.http.StatementResponse;
import dev.genieheal.error.AuthenticationException;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.RateLimitedException;
import dev.genieheal.error.ServiceException;
import dev.genieheal.internal.Checks;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.ResultTable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks a Genie space questions through the conversation API: one new conversation per question, then polls the
 * message with adaptive back-off (first poll after {@code firstPoll}, each later wait {@code pollMultiplier} times
 * longer, capped at {@code maxPoll}) until a terminal state or the question's timeout. Once this client has seen
 * answers, the first poll comes after about 80 % of their typical time, then in short steps
 * ({@link Builder#adaptivePolling}), which keeps detection lag small without polling early.
 *
 * <ul>
 *   <li>COMPLETED: Genie's SQL and, when {@code fetchResults}, its query result as a {@link ResultTable}; without a
 *       query attachment the answer is {@link AnswerStatus#NO_SQL} with Genie's text.
 *   <li>FAILED: {@link GenieAnswer#failed} with Genie's error type and message.
 *   <li>CANCELLED: a {@link AnswerStatus#CANCELLED} answer.
 *   <li>QUERY_RESULT_EXPIRED: the query is executed again and its result fetched.
 *   <li>No terminal state in time: {@link GenieAnswer#timedOut}.
 * </ul>
 * Question POSTs go through the workspace's question rate limiter; polls do not. Rate limits that outlast the
 * transport's retries and server errors become failed answers (error types {@code RATE_LIMITED}, the service's
 * {@code error_code} such as {@code INTERNAL_ERROR}, {@code IO_ERROR} when unreachable, else
 * {@code HTTP_<status>}); only problems the caller must fix (authentication, a missing space) are thrown.
 * Thread-safe.
 */
public final class GenieConversationClient implements GenieClient {
  private static final Logger LOG = LoggerFactory.getLogger(GenieConversationClient.class);

  private final DatabricksWorkspace workspace;
  private final Builder settings;
  private final AtomicLong typicalAnswerNanos = new AtomicLong();

  private GenieConversationClient(Builder b) {
    this.workspace = b.workspace;
    this.settings = b.copy();
  }

  /** A builder on the given workspace. */
  public static Builder builder(DatabricksWorkspace workspace) {
    return new Builder(workspace);
  }

  /**
   * {@inheritDoc}
   *
   * @throws AuthenticationException when the token is refused or the caller may not use the space
   * @throws NotFoundException when the space does not exist
   */
  @Override
  public GenieAnswer ask(GenieQuestion question) {
    Objects.requireNonNull(question, "question");
    Duration rateWait;
    try {
      rateWait = workspace.questionRateLimiter().acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GenieHealException("interrupted while waiting to ask space " + question.spaceId());
    }
    Instant sent = workspace.clock().instant();
    Poll poll = new Poll(question, sent, sent.plus(question.timeout()));
    GenieAnswer answer;
    try {
      answer = converse(poll);
    } catch (AuthenticationException | NotFoundException e) {
      throw e;
    } catch (RateLimitedException e) {
      answer = failure(poll, "RATE_LIMITED", e.getMessage());
    } catch (ServiceException e) {
      answer = failure(poll, e.errorCode().orElse("HTTP_" + e.status()), e.getMessage());
    } catch (GenieHealException e) {
      answer = failure(poll, e.getClass().getSimpleName(), e.getMessage());
    }
    settings.onTimings.accept(new AskTimings(poll.messageId, rateWait, elapsed(poll), poll.polls, poll.lag));
    return answer;
  }

  /** Asks with the builder's default timeout. */
  public GenieAnswer ask(String spaceId, String text) {
    return ask(new GenieQuestion(spaceId, text, settings.timeout));
  }

  private GenieAnswer converse(Poll p) {
    String space = p.question.spaceId();
    JsonNode started = workspace.transport().send(ApiCall.post("start conversation", "space", space,
        spacePath(space) + "/start-conversation", Json.object().put("content", p.question.text())));
    p.conversationId = Json.text(started, "conversation_id");
    p.messageId = Json.text(started, "message_id");
    JsonNode message = started.path("message");
    if (p.messageId == null) {
      p.messageId = Json.text(message, "message_id") != null ? Json.text(message, "message_id")
          : Json.text(message, "id");
    }
    if (p.conversationId == null) {
      p.conversationId = Json.text(message, "conversation_id");
    }
    if (p.conversationId == null || p.messageId == null) {
      throw new ServiceException("start conversation (space " + space + ") returned no conversation_id or "
          + "message_id", 200, "MALFORMED_RESPONSE");
    }
    Instant startedAt = workspace.clock().instant();
    boolean learned = settings.adaptive && typicalAnswerNanos.get() > 0;
    Duration wait = learned ? learnedFirstWait() : settings.firstPoll;
    Duration lastPending = Duration.ZERO;
    while (true) {
      String status = Json.text(message, "status");
      if (isTerminal(status)) {
        noteLag(p, message);
        learn(lastPending, Duration.between(startedAt, workspace.clock().instant()), p.polls);
        return finish(p, message, status);
      }
      Instant now = workspace.clock().instant();
      lastPending = Duration.between(startedAt, now);
      if (!now.isBefore(p.deadline)) {
        LOG.info("question to space {} (message {}) still {} after {}; giving up", space, p.messageId, status,
            p.question.timeout());
        return GenieAnswer.timedOut(p.question.timeout()).withIds(p.conversationId, p.messageId);
      }
      Duration left = Duration.between(now, p.deadline);
      sleep(wait.compareTo(left) > 0 ? left : wait, space);
      wait = learned && p.polls == 0 ? afterLearnedFirstPoll() : next(wait);
      message = workspace.transport().send(ApiCall.get("get message", "space", space, messagePath(p)));
      p.polls++;
    }
  }

  private static boolean isTerminal(String status) {
    return "COMPLETED".equals(status) || "FAILED".equals(status) || "CANCELLED".equals(status)
        || "QUERY_RESULT_EXPIRED".equals(status);
  }

  private GenieAnswer finish(Poll p, JsonNode message, String status) {
    Duration latency = elapsed(p);
    switch (status) {
      case "FAILED": {
        JsonNode error = message.path("error");
        String type = Json.text(error, "type");
        String text = Json.text(error, "error");
        return new GenieAnswer(AnswerStatus.FAILED, null, null, null, type == null ? "UNKNOWN" : type,
            text == null ? "Genie reported FAILED without a message" : text, p.conversationId, p.messageId, latency);
      }
      case "CANCELLED":
        return new GenieAnswer(AnswerStatus.CANCELLED, null, null, null, null, "the message was cancelled",
            p.conversationId, p.messageId, latency);
      default:
        break;
    }
    String sql = null;
    String attachmentId = null;
    StringBuilder text = new StringBuilder();
    for (JsonNode attachment : Json.array(message, "attachments")) {
      JsonNode query = attachment.path("query");
      if (!query.isMissingNode() && sql == null && Json.text(query, "query") != null) {
        sql = Json.text(query, "query");
        attachmentId = Json.text(attachment, "attachment_id") != null ? Json.text(attachment, "attachment_id")
            : Json.text(query, "id");
      }
      String content = Json.text(attachment.path("text"), "content");
      if (content != null) {
        text.append(text.length() == 0 ? "" : "\n").append(content);
      }
    }
    if (sql == null || sql.isBlank()) {
      return new GenieAnswer(AnswerStatus.NO_SQL, null, null, text.length() == 0 ? null : text.toString(), null,
          null, p.conversationId, p.messageId, latency);
    }
    ResultTable result = null;
    if (settings.fetchResults && attachmentId != null) {
      result = fetchResult(p, attachmentId, "QUERY_RESULT_EXPIRED".equals(status));
    }
    return new GenieAnswer(AnswerStatus.COMPLETED, sql, result, text.length() == 0 ? null : text.toString(), null,
        null, p.conversationId, p.messageId, latency);
  }

  /** Reads the query result; null when it cannot be had (the judge then runs the SQL itself). */
  private ResultTable fetchResult(Poll p, String attachmentId, boolean expired) {
    String path = messagePath(p) + "/attachments/" + attachmentId;
    String space = p.question.spaceId();
    try {
      JsonNode node = expired
          ? workspace.transport().send(ApiCall.post("execute query", "space", space, path + "/execute-query",
              Json.object()))
          : workspace.transport().send(ApiCall.get("get query result", "space", space, path + "/query-result"));
      StatementResponse response = StatementResponse.parse(node.path("statement_response"));
      if (!expired && "CLOSED".equals(response.state())) {
        // The message completed but its result aged out before we read it: run the query again, as for
        // QUERY_RESULT_EXPIRED.
        response = StatementResponse.parse(workspace.transport().send(ApiCall.post("execute query", "space", space,
            path + "/execute-query", Json.object())).path("statement_response"));
      }
      Duration wait = settings.firstPoll;
      while (!response.terminal() && workspace.clock().instant().isBefore(p.deadline)) {
        sleep(wait, space);
        wait = next(wait);
        response = StatementResponse.parse(workspace.transport().send(ApiCall.get("get query result", "space",
            space, path + "/query-result")).path("statement_response"));
      }
      if (!"SUCCEEDED".equals(response.state())) {
        LOG.info("query result of message {} is {} ({}); the judge will run the SQL itself", p.messageId,
            response.state(), response.errorMessage());
        return null;
      }
      return response.toTable();
    } catch (AuthenticationException e) {
      throw e;
    } catch (GenieHealException | IllegalArgumentException e) {
      LOG.warn("could not read the query result of message {} in space {}: {}", p.messageId, space, e.getMessage());
      return null;
    }
  }

  private void noteLag(Poll p, JsonNode message) {
    long updated = Json.longValue(message, "last_updated_timestamp", -1);
    if (updated > 0) {
      // Epoch milliseconds per the API; tolerate seconds as older examples show.
      Instant at = updated < 100_000_000_000L ? Instant.ofEpochSecond(updated) : Instant.ofEpochMilli(updated);
      Duration lag = Duration.between(at, workspace.clock().instant());
      p.lag = lag.isNegative() ? Duration.ZERO : lag;
    }
  }

  private GenieAnswer failure(Poll p, String type, String message) {
    return new GenieAnswer(AnswerStatus.FAILED, null, null, null, type, message, p.conversationId, p.messageId,
        elapsed(p));
  }

  private Duration elapsed(Poll p) {
    return Duration.between(p.sent, workspace.clock().instant());
  }

  /**
   * The first wait after starting a conversation. Once answers have been seen, it is most of the typical answer
   * time (an average of past answers, each measured to the poll that saw it): polling much earlier wastes requests,
   * and polling on a fixed schedule adds up to a whole interval of lag to every answer.
   */
  private Duration learnedFirstWait() {
    Duration learned = Duration.ofNanos((long) (typicalAnswerNanos.get() * LEARNED_FIRST_POLL));
    return learned.compareTo(settings.maxPoll) > 0 ? settings.maxPoll : learned;
  }

  /** After a learned first poll the answer is close: poll again after a small fraction of the typical time. */
  private Duration afterLearnedFirstPoll() {
    Duration step = Duration.ofNanos((long) (typicalAnswerNanos.get() * LEARNED_STEP));
    return step.compareTo(MIN_STEP) < 0 ? MIN_STEP : step;
  }

  /**
   * Folds one answer time into the running average; an answer already complete when started teaches nothing. The
   * answer was ready after the last poll that saw it pending: learning that lower bound (not the poll that saw it
   * done) keeps the estimate from creeping up with our own polling, even against a server whose states advance per
   * poll rather than with time. When the first poll already saw it done, half that wait is the estimate.
   */
  private void learn(Duration lastPending, Duration seenDone, int polls) {
    if (!settings.adaptive || polls == 0) {
      return;
    }
    long sample = lastPending.isZero() ? seenDone.toNanos() / 2 : lastPending.toNanos();
    typicalAnswerNanos.updateAndGet(old -> old <= 0 ? sample : (long) (old * 0.8 + sample * 0.2));
  }

  private Duration next(Duration wait) {
    Duration grown = Duration.ofNanos((long) (wait.toNanos() * settings.pollMultiplier));
    return grown.compareTo(settings.maxPoll) > 0 ? settings.maxPoll : grown;
  }

  private void sleep(Duration d, String space) {
    Polling.sleep(workspace.sleeper(), d, "for an answer from space " + space);
  }

  private static String spacePath(String spaceId) {
    return "/api/2.0/genie/spaces/" + spaceId;
  }

  private static String messagePath(Poll p) {
    return spacePath(p.question.spaceId()) + "/conversations/" + p.conversationId + "/messages/" + p.messageId;
  }

  /** A builder with this client's settings. */
  public Builder toBuilder() {
    return settings.copy();
  }

  @Override
  public String toString() {
    return "GenieConversationClient[host=" + workspace.config().host() + ", firstPoll=" + settings.firstPoll
        + ", maxPoll=" + settings.maxPoll + "]";
  }

  /** The state of one question in flight; confined to the asking thread. */
  private static final double LEARNED_FIRST_POLL = 0.8;
  private static final double LEARNED_STEP = 0.08;
  private static final Duration MIN_STEP = Duration.ofMillis(5);

  private static final class Poll {
    final GenieQuestion question;
    final Instant sent;
    final Instant deadline;
    String conversationId;
    String messageId;
    int polls;
    Duration lag;

    Poll(GenieQuestion question, Instant sent, Instant deadline) {
      this.question = question;
      this.sent = sent;
      this.deadline = deadline;
    }
  }

  /**
   * Builds a {@link GenieConversationClient}. Defaults: first poll after 200 ms, each wait 1.5 times the previous,
   * capped at 5 s; results fetched; default timeout for {@link #ask(String, String)} 10 min; no timings listener.
   * Not thread-safe.
   */
  public static final class Builder {
    private final DatabricksWorkspace workspace;
    private Duration firstPoll = Duration.ofMillis(200);
    private Duration maxPoll = Duration.ofSeconds(5);
    private double pollMultiplier = 1.5;
    private boolean adaptive = true;
    private boolean fetchResults = true;
    private Duration timeout = Duration.ofMinutes(10);
    private Consumer<AskTimings> onTimings = t -> { };

    private Builder(DatabricksWorkspace workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The wait before the first poll; default 200 ms. */
    public Builder firstPoll(Duration value) {
      this.firstPoll = Checks.positive(value, "firstPoll");
      return this;
    }

    /** The longest wait between polls; default 5 s. */
    public Builder maxPoll(Duration value) {
      this.maxPoll = Checks.positive(value, "maxPoll");
      return this;
    }

    /**
     * Whether the first poll learns from earlier answers of this client (default true): once answers have been
     * seen, it comes after about 80 % of the typical answer time and is followed by short steps, instead of the
     * fixed {@code firstPoll} schedule. It assumes answers take time, as Genie's do; against a server whose states
     * advance per poll (such as the testkit emulator's default progression) turn it off.
     */
    public Builder adaptivePolling(boolean value) {
      this.adaptive = value;
      return this;
    }

    /** How much each wait grows, at least 1; default 1.5. */
    public Builder pollMultiplier(double value) {
      if (!(value >= 1.0) || Double.isInfinite(value)) {
        throw new IllegalArgumentException("pollMultiplier must be at least 1: " + value);
      }
      this.pollMultiplier = value;
      return this;
    }

    /** Whether to read the query result of completed answers; default true. */
    public Builder fetchResults(boolean value) {
      this.fetchResults = value;
      return this;
    }

    /** The timeout of {@link GenieConversationClient#ask(String, String)}; default 10 min. */
    public Builder timeout(Duration value) {
      this.timeout = Checks.positive(value, "timeout");
      return this;
    }

    /** Receives the timings of every question, from the asking thread. */
    public Builder onTimings(Consumer<AskTimings> value) {
      this.onTimings = Objects.requireNonNull(value, "onTimings");
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalStateException when {@code firstPoll} exceeds {@code maxPoll}
     */
    public GenieConversationClient build() {
      if (firstPoll.compareTo(maxPoll) > 0) {
        throw new IllegalStateException("firstPoll " + firstPoll + " exceeds maxPoll " + maxPoll);
      }
      return new GenieConversationClient(this);
    }

    private Builder copy() {
      Builder b = new Builder(workspace);
      b.firstPoll = firstPoll;
      b.maxPoll = maxPoll;
      b.pollMultiplier = pollMultiplier;
      b.adaptive = adaptive;
      b.fetchResults = fetchResults;
      b.timeout = timeout;
      b.onTimings = onTimings;
      return b;
    }
  }
}
