package dev.genieheal.testkit.emulator;

import dev.genieheal.port.AnswerStatus;
import dev.genieheal.port.GenieAnswer;

/** One Genie message: the question, Genie's answer, its query result, and where it is in its progression. */
final class MessageRecord {
  final String spaceId;
  final String conversationId;
  final String messageId;
  final String content;
  final long createdMs;
  final Progress progress;
  final GenieAnswer answer;
  final String queryAttachmentId;
  final String textAttachmentId;
  StatementRecord statement;
  boolean expired;
  long completedMs;
  String feedbackRating;

  MessageRecord(String spaceId, String conversationId, String messageId, String content, long createdMs,
      Progress progress, GenieAnswer answer, String queryAttachmentId, String textAttachmentId,
      StatementRecord statement) {
    this.spaceId = spaceId;
    this.conversationId = conversationId;
    this.messageId = messageId;
    this.content = content;
    this.createdMs = createdMs;
    this.progress = progress;
    this.answer = answer;
    this.queryAttachmentId = queryAttachmentId;
    this.textAttachmentId = textAttachmentId;
    this.statement = statement;
  }

  /** The terminal message status for the answer. */
  String terminalStatus() {
    AnswerStatus s = answer.status();
    if (s == AnswerStatus.CANCELLED) {
      return "CANCELLED";
    }
    if (s == AnswerStatus.FAILED || s == AnswerStatus.TIMED_OUT) {
      return "FAILED";
    }
    return expired && statement != null ? "QUERY_RESULT_EXPIRED" : "COMPLETED";
  }

  /** Whether a query attachment is visible in {@code status}. */
  boolean showsQuery(String status) {
    return statement != null
        && (status.equals("EXECUTING_QUERY") || status.equals("COMPLETED") || status.equals("QUERY_RESULT_EXPIRED"));
  }
}
