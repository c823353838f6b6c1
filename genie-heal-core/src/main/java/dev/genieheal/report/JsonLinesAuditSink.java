package dev.genieheal.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.IterationRecord;
import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.ProgressSink;
import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.Redactor;
import dev.genieheal.fix.AppliedFix;
import dev.genieheal.fix.Fix;
import dev.genieheal.fix.FixJson;
import dev.genieheal.fix.RejectedFix;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import java.io.Closeable;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Objects;

/**
 * Writes every loop event as one JSON object per line (JSON Lines), for audits and dashboards: every question with
 * its verdict, every iteration with every applied change (its JSON path and the element before and after), every
 * rejection with its reason, rollbacks and the final result.
 *
 * <p>Each line has {@code event} ({@code started}, {@code question_scored}, {@code fixes_rejected},
 * {@code rolled_back}, {@code iteration_finished}, {@code finished}), {@code run_id} and {@code at} (ISO-8601),
 * then the event's fields in snake_case. Lines are flushed as written. Error texts pass through
 * {@link Redactor}.
 *
 * <p>Thread-safe: lines from scoring threads never interleave. Close it when the run is over; events after
 * {@link #close()} are refused with an {@link IllegalStateException} (which the loop logs and skips).
 */
public final class JsonLinesAuditSink implements ProgressSink, Closeable {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final Writer writer;
  private final String name;
  private boolean closed;

  private JsonLinesAuditSink(Writer writer, String name) {
    this.writer = writer;
    this.name = name;
  }

  /**
   * A sink appending to {@code file} (created, with its parent directories, when missing), UTF-8.
   *
   * @throws GenieHealException when the file cannot be opened
   */
  public static JsonLinesAuditSink open(Path file) {
    Objects.requireNonNull(file, "file");
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return new JsonLinesAuditSink(Files.newBufferedWriter(file, StandardCharsets.UTF_8,
          StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), file.toString());
    } catch (IOException e) {
      throw new GenieHealException("cannot open audit file " + file + ": " + e.getMessage(), e);
    }
  }

  /** A sink writing to {@code writer}; {@link #close()} closes it. */
  public static JsonLinesAuditSink of(Writer writer) {
    return new JsonLinesAuditSink(Objects.requireNonNull(writer, "writer"), writer.getClass().getSimpleName());
  }

  /**
   * Writes the event as one line.
   *
   * @throws IllegalStateException when the sink is closed
   * @throws GenieHealException when writing fails
   */
  @Override
  public void accept(LoopEvent event) {
    String line = toJson(event);
    synchronized (this) {
      if (closed) {
        throw new IllegalStateException("audit sink " + name + " is closed");
      }
      try {
        writer.write(line);
        writer.write('\n');
        writer.flush();
      } catch (IOException e) {
        throw new GenieHealException("cannot write audit file " + name + ": " + e.getMessage(), e);
      }
    }
  }

  /** Closes the file; idempotent. */
  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      try {
        writer.close();
      } catch (IOException e) {
        throw new GenieHealException("cannot close audit file " + name + ": " + e.getMessage(), e);
      }
    }
  }

  /** The event as one line of JSON (no line break). */
  static String toJson(LoopEvent event) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("run_id", event.runId());
    o.put("at", event.at().toString());
    if (event instanceof LoopEvent.Started s) {
      o.put("event", "started");
      o.put("space_id", s.spaceId());
      o.put("tuning_questions", s.tuningQuestions());
      o.put("held_out_questions", s.heldOutQuestions());
      ObjectNode settings = o.putObject("settings");
      s.settings().forEach(settings::put);
    } else if (event instanceof LoopEvent.QuestionScored q) {
      o.put("event", "question_scored");
      o.put("iteration", q.iteration());
      o.put("set", q.set().name().toLowerCase(java.util.Locale.ROOT));
      question(o, q.result());
      o.put("category", q.category() == null ? null : q.category().id());
    } else if (event instanceof LoopEvent.FixesRejected r) {
      o.put("event", "fixes_rejected");
      o.put("iteration", r.iteration());
      rejected(o.putArray("rejected"), r.rejected());
    } else if (event instanceof LoopEvent.RolledBack b) {
      o.put("event", "rolled_back");
      o.put("iteration", b.iteration());
      o.put("score", b.score());
      o.put("best_score", b.bestScore());
      ArrayNode fixes = o.putArray("fixes");
      b.rolledBack().forEach(f -> fixes.add(fix(f)));
    } else if (event instanceof LoopEvent.IterationFinished f) {
      o.put("event", "iteration_finished");
      iteration(o, f.record());
    } else if (event instanceof LoopEvent.Finished f) {
      o.put("event", "finished");
      finished(o, f.result());
    }
    try {
      return MAPPER.writeValueAsString(o);
    } catch (JsonProcessingException e) {
      throw new GenieHealException("cannot write an audit line for " + event.getClass().getSimpleName(), e);
    }
  }

  private static void question(ObjectNode o, QuestionResult r) {
    o.put("benchmark_id", r.benchmark().id());
    o.put("question", r.benchmark().question());
    o.put("passed", r.passed());
    o.put("pass_rate", r.passRate());
    ArrayNode attempts = o.putArray("attempts");
    for (Attempt a : r.attempts()) {
      GenieAnswer answer = a.answer();
      ObjectNode n = attempts.addObject();
      n.put("status", answer.status().name());
      n.put("sql", answer.sql());
      n.put("rows", answer.result() == null ? null : answer.result().rowCount());
      n.put("error_type", answer.errorType());
      n.put("error", Redactor.redact(answer.error()));
      n.put("conversation_id", answer.conversationId());
      n.put("message_id", answer.messageId());
      n.put("latency_ms", answer.latency().toMillis());
      ObjectNode verdict = n.putObject("verdict");
      verdict.put("passed", a.verdict().passed());
      verdict.put("method", a.verdict().method().name());
      ArrayNode reasons = verdict.putArray("reasons");
      a.verdict().reasons().forEach(c -> reasons.add(c.name()));
      verdict.put("explanation", Redactor.redact(a.verdict().explanation()));
    }
  }

  private static void iteration(ObjectNode o, IterationRecord r) {
    o.put("iteration", r.iteration());
    o.put("finished_at", r.finishedAt().toString());
    o.put("score", r.score());
    o.put("passed", r.tuning().passedCount());
    o.put("questions", r.tuning().results().size());
    if (r.heldOut() != null) {
      o.put("held_out_score", r.heldOut().score());
    }
    o.put("delta", r.delta());
    ObjectNode categories = o.putObject("failures_by_category");
    r.failuresByCategory().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> categories.put(e.getKey().id(), e.getValue()));
    ArrayNode applied = o.putArray("applied");
    for (AppliedFix a : r.applied()) {
      ObjectNode n = applied.addObject();
      n.set("fix", fix(a.fix()));
      n.put("path", a.path());
      n.set("before", a.before() == null ? null : json(a.before()));
      n.set("after", json(a.after()));
    }
    rejected(o.putArray("rejected"), r.rejected());
    o.put("rolled_back", r.rolledBack());
    o.put("duration_ms", r.duration().toMillis());
    o.put("eta_ms", r.etaToTarget() == null ? null : r.etaToTarget().toMillis());
  }

  private static void finished(ObjectNode o, LoopResult r) {
    o.put("status", r.status().name());
    o.put("stop_reason", Redactor.redact(r.stopReason()));
    o.put("baseline_score", r.baselineScore());
    o.put("final_score", r.finalScore());
    o.put("best_score", r.bestScore());
    o.put("iterations", r.iterations());
    o.put("duration_ms", r.duration().toMillis());
    o.put("applied", r.applied().size());
    o.put("rejected", r.rejected().size());
    o.put("dry_run", r.dryRun());
  }

  private static void rejected(ArrayNode array, List<RejectedFix> rejected) {
    for (RejectedFix x : rejected) {
      ObjectNode n = array.addObject();
      n.set("fix", x.fix() == null ? null : fix(x.fix()));
      n.put("proposal", x.fix() == null ? x.proposal() : null);
      n.put("reason", Redactor.redact(x.reason()));
    }
  }

  private static JsonNode fix(Fix fix) {
    return json(FixJson.write(fix));
  }

  /** Embeds JSON text as JSON; text that is not JSON is embedded as a string. */
  private static JsonNode json(String text) {
    try {
      JsonNode node = MAPPER.readTree(text);
      return node == null ? MAPPER.getNodeFactory().textNode(text) : node;
    } catch (JsonProcessingException e) {
      return MAPPER.getNodeFactory().textNode(text);
    }
  }

  @Override
  public String toString() {
    return "JsonLinesAuditSink[" + name + "]";
  }
}
