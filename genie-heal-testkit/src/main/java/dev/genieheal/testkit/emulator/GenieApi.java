package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Genie conversation routes: start-conversation, messages with their status progression, attachments,
 * query results, execute-query, feedback, conversation listing and deletion. Thread-safe: state is guarded by this
 * object's monitor, and Genie is asked outside it.
 */
final class GenieApi {
  static final long USER_ID = 6_051_921_418_418_893L;
  private final SpaceRegistry spaces;
  private final Backends backends;
  private final QuestionRateLimiter limiter;
  private final Ids ids;
  private final Clock clock;
  private final StatusProgression progression;
  private final int chunkRows;
  private final Map<String, Conversation> conversations = new LinkedHashMap<>();
  private final Map<String, MessageRecord> messages = new LinkedHashMap<>();

  GenieApi(SpaceRegistry spaces, Backends backends, QuestionRateLimiter limiter, Ids ids, Clock clock,
      StatusProgression progression, int chunkRows) {
    this.spaces = spaces;
    this.backends = backends;
    this.limiter = limiter;
    this.ids = ids;
    this.clock = clock;
    this.progression = progression;
    this.chunkRows = chunkRows;
  }

  EmulatorResponse startConversation(Call call) {
    String spaceId = call.param(0);
    String content = Json.requiredText(call.body(), "content");
    spaces.get(spaceId);
    limiter.acquire();
    String conversationId = ids.id();
    MessageRecord message = ask(spaceId, conversationId, content);
    ObjectNode out = Json.object();
    synchronized (this) {
      Conversation conversation = new Conversation(conversationId, spaceId, content, message.createdMs);
      conversation.messageIds.add(message.messageId);
      conversations.put(conversationId, conversation);
      messages.put(message.messageId, message);
      out.put("conversation_id", conversationId);
      out.put("message_id", message.messageId);
      out.set("conversation", renderConversation(conversation, true));
      out.set("message", render(message, message.progress.current(message.terminalStatus())));
    }
    return Json.ok(out);
  }

  EmulatorResponse createMessage(Call call) {
    String spaceId = call.param(0);
    String conversationId = call.param(1);
    String content = Json.requiredText(call.body(), "content");
    conversation(spaceId, conversationId);
    limiter.acquire();
    MessageRecord message = ask(spaceId, conversationId, content);
    synchronized (this) {
      Conversation conversation = conversation(spaceId, conversationId);
      conversation.messageIds.add(message.messageId);
      conversation.lastUpdatedMs = message.createdMs;
      messages.put(message.messageId, message);
      return Json.ok(render(message, message.progress.current(message.terminalStatus())));
    }
  }

  synchronized EmulatorResponse getMessage(Call call) {
    MessageRecord m = message(call);
    return Json.ok(render(m, observe(m)));
  }

  synchronized EmulatorResponse listMessages(Call call) {
    Conversation c = conversation(call.param(0), call.param(1));
    List<MessageRecord> all = new ArrayList<>();
    c.messageIds.forEach(id -> all.add(messages.get(id)));
    return Json.ok(Page.of(all, call).toJson("messages", m -> render(m, m.progress.current(m.terminalStatus()))));
  }

  synchronized EmulatorResponse listConversations(Call call) {
    String spaceId = call.param(0);
    spaces.get(spaceId);
    List<Conversation> all = new ArrayList<>();
    conversations.values().stream().filter(c -> c.spaceId.equals(spaceId)).forEach(all::add);
    return Json.ok(Page.of(all, call).toJson("conversations", c -> renderConversation(c, false)));
  }

  synchronized EmulatorResponse deleteConversation(Call call) {
    Conversation c = conversation(call.param(0), call.param(1));
    conversations.remove(c.conversationId);
    c.messageIds.forEach(messages::remove);
    return Json.ok(Json.object());
  }

  synchronized EmulatorResponse sendFeedback(Call call) {
    MessageRecord m = message(call);
    String rating = Json.requiredText(call.body(), "rating");
    if (!List.of("POSITIVE", "NEGATIVE", "NONE").contains(rating)) {
      throw ApiError.invalid("Invalid value for field 'rating': " + rating
          + " (expected POSITIVE, NEGATIVE or NONE)");
    }
    m.feedbackRating = rating;
    return Json.ok(Json.object());
  }

  /** query-result: the query attachment's rows as {@code statement_response}. */
  synchronized EmulatorResponse queryResult(Call call) {
    MessageRecord m = message(call);
    String attachmentId = call.request().route().get() == EmulatorRoute.MESSAGE_QUERY_RESULT
        ? m.queryAttachmentId : call.param(3);
    requireQueryAttachment(m, attachmentId);
    StatementRecord s = m.statement;
    return Json.ok(StatementJson.wrapped(s, s.state(clock.instant(), false), chunkRows));
  }

  /** execute-query: runs the attachment's SQL again (the way to refresh a QUERY_RESULT_EXPIRED message). */
  EmulatorResponse executeQuery(Call call) {
    MessageRecord m;
    String attachmentId;
    synchronized (this) {
      m = message(call);
      attachmentId = call.request().route().get() == EmulatorRoute.EXECUTE_MESSAGE_QUERY
          ? m.queryAttachmentId : call.param(3);
      requireQueryAttachment(m, attachmentId);
    }
    StatementRecord fresh = backends.resultOf(ids.statementId(), m.answer);
    synchronized (this) {
      m.statement = fresh;
      m.expired = false;
      m.completedMs = clock.millis();
      return Json.ok(StatementJson.wrapped(fresh, fresh.terminalState(), chunkRows));
    }
  }

  /** Marks every completed query result (or one message's) as expired; returns how many changed. */
  synchronized int expire(String messageIdOrNull) {
    int n = 0;
    for (MessageRecord m : messages.values()) {
      if ((messageIdOrNull == null || m.messageId.equals(messageIdOrNull)) && m.statement != null && !m.expired
          && m.progress.done()) {
        m.expired = true;
        m.statement.closed = true;
        n++;
      }
    }
    return n;
  }

  synchronized int messageCount() {
    return messages.size();
  }

  private MessageRecord ask(String spaceId, String conversationId, String content) {
    long created = clock.millis();
    GenieAnswer answer = backends.ask(spaceId, content);
    String queryAttachment = answer.hasSql() && answer.status() == AnswerStatus.COMPLETED ? ids.id() : null;
    StatementRecord statement = queryAttachment == null ? null : backends.resultOf(ids.statementId(), answer);
    String textAttachment = answer.text() != null && isAnswered(answer) ? ids.id() : null;
    return new MessageRecord(spaceId, conversationId, ids.id(), content, created,
        new Progress(progression, clock.instant()), answer, queryAttachment, textAttachment, statement);
  }

  private static boolean isAnswered(GenieAnswer a) {
    return a.status() == AnswerStatus.COMPLETED || a.status() == AnswerStatus.NO_SQL;
  }

  private String observe(MessageRecord m) {
    boolean wasDone = m.progress.done();
    String status = m.progress.observe(clock.instant(), m.terminalStatus());
    if (!wasDone && m.progress.done()) {
      m.completedMs = clock.millis();
    }
    return status;
  }

  private void requireQueryAttachment(MessageRecord m, String attachmentId) {
    String status = m.progress.current(m.terminalStatus());
    if (attachmentId == null || !attachmentId.equals(m.queryAttachmentId) || !m.showsQuery(status)) {
      throw ApiError.notFound("Query attachment " + attachmentId + " does not exist in message " + m.messageId
          + ".");
    }
  }

  private Conversation conversation(String spaceId, String conversationId) {
    synchronized (this) {
      spaces.get(spaceId);
      Conversation c = conversations.get(conversationId);
      if (c == null || !c.spaceId.equals(spaceId)) {
        throw ApiError.notFound("Conversation " + conversationId + " does not exist in Genie space " + spaceId
            + ".");
      }
      return c;
    }
  }

  private MessageRecord message(Call call) {
    Conversation c = conversation(call.param(0), call.param(1));
    MessageRecord m = messages.get(call.param(2));
    if (m == null || !m.conversationId.equals(c.conversationId)) {
      throw ApiError.notFound("Message " + call.param(2) + " does not exist in conversation " + c.conversationId
          + ".");
    }
    return m;
  }

  private ObjectNode render(MessageRecord m, String status) {
    ObjectNode out = Json.object();
    out.put("message_id", m.messageId);
    out.put("id", m.messageId);
    out.put("conversation_id", m.conversationId);
    out.put("space_id", m.spaceId);
    out.put("user_id", USER_ID);
    out.put("content", m.content);
    out.put("status", status);
    out.put("created_timestamp", m.createdMs);
    out.put("last_updated_timestamp", m.progress.done() && m.completedMs > 0 ? m.completedMs : m.createdMs);
    boolean terminal = m.progress.done();
    if (status.equals("FAILED")) {
      ObjectNode error = out.putObject("error");
      error.put("error", m.answer.error() == null ? "Genie could not answer the question." : m.answer.error());
      error.put("type", m.answer.errorType() == null ? "UNEXPECTED_REPLY_PROCESS_EXCEPTION" : m.answer.errorType());
    }
    ArrayNode attachments = Json.array();
    if (m.showsQuery(status)) {
      ObjectNode a = attachments.addObject();
      a.put("attachment_id", m.queryAttachmentId);
      ObjectNode q = a.putObject("query");
      q.put("id", m.queryAttachmentId);
      q.put("title", "Query result");
      q.put("description", "The query Genie wrote for: " + m.content);
      q.put("query", m.answer.sql());
      q.put("statement_id", m.statement.statementId);
      q.put("last_updated_timestamp", m.createdMs);
      if (m.statement.result != null) {
        ObjectNode meta = q.putObject("query_result_metadata");
        meta.put("row_count", m.statement.result.rowCount());
        meta.put("is_truncated", m.statement.result.truncated());
        ObjectNode legacy = out.putObject("query_result");
        legacy.put("statement_id", m.statement.statementId);
        legacy.put("row_count", m.statement.result.rowCount());
        legacy.put("is_truncated", m.statement.result.truncated());
      }
    }
    if (terminal && m.textAttachmentId != null && !status.equals("FAILED")) {
      ObjectNode a = attachments.addObject();
      a.put("attachment_id", m.textAttachmentId);
      ObjectNode t = a.putObject("text");
      t.put("id", m.textAttachmentId);
      t.put("content", m.answer.text());
    }
    if (!attachments.isEmpty()) {
      out.set("attachments", attachments);
    }
    if (m.feedbackRating != null) {
      out.putObject("feedback").put("rating", m.feedbackRating);
    }
    return out;
  }

  private static ObjectNode renderConversation(Conversation c, boolean full) {
    ObjectNode out = Json.object();
    out.put("conversation_id", c.conversationId);
    out.put("title", c.title);
    out.put("created_timestamp", c.createdMs);
    if (full) {
      out.put("id", c.conversationId);
      out.put("space_id", c.spaceId);
      out.put("user_id", USER_ID);
      out.put("last_updated_timestamp", c.lastUpdatedMs);
    }
    return out;
  }

  /** A conversation: its messages in order. */
  private static final class Conversation {
    final String conversationId;
    final String spaceId;
    final String title;
    final long createdMs;
    final List<String> messageIds = new ArrayList<>();
    long lastUpdatedMs;

    Conversation(String conversationId, String spaceId, String title, long createdMs) {
      this.conversationId = conversationId;
      this.spaceId = spaceId;
      this.title = title;
      this.createdMs = createdMs;
      this.lastUpdatedMs = createdMs;
    }
  }
}
