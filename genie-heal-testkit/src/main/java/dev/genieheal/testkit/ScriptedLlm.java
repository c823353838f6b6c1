package dev.genieheal.testkit;

import dev.genieheal.error.GenieHealException;
import dev.genieheal.port.ChatMessage;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * An {@link LlmClient} that answers from a script: a queue of answers (each call takes the next; an empty queue is
 * an error) or a function of the request. Token usage is the scripted one, or else the characters of the messages
 * and of the answer divided by four, rounded up. Thread-safe.
 *
 * <pre>{@code
 * ScriptedLlm llm = ScriptedLlm.builder()
 *     .answer("[{\"type\": \"column_synonyms\", ...}]")
 *     .failure(new GenieHealException("endpoint down"))
 *     .build();
 * }</pre>
 */
public final class ScriptedLlm implements LlmClient {
  private final Deque<Scripted> queue;
  private final Function<LlmRequest, String> function;
  private final int scripted;
  private int calls;

  private ScriptedLlm(List<Scripted> queue, Function<LlmRequest, String> function) {
    this.queue = new ArrayDeque<>(queue);
    this.function = function;
    this.scripted = queue.size();
  }

  /** A client answering with {@code answers} in order. */
  public static ScriptedLlm of(String... answers) {
    Builder b = builder();
    for (String a : answers) {
      b.answer(a);
    }
    return b.build();
  }

  /** A client answering every request with {@code function(request)}. */
  public static ScriptedLlm answering(Function<LlmRequest, String> function) {
    return new ScriptedLlm(List.of(), Objects.requireNonNull(function, "function"));
  }

  /** A builder for a queue of answers. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Returns the next answer.
   *
   * @throws GenieHealException when the queue is exhausted (naming how many answers were scripted) or when the
   *     scripted entry is a failure
   */
  @Override
  public LlmResponse chat(LlmRequest request) {
    Objects.requireNonNull(request, "request");
    Scripted next;
    synchronized (this) {
      calls++;
      if (function != null) {
        String text = function.apply(request);
        if (text == null) {
          throw new GenieHealException("ScriptedLlm function returned null for call #" + calls);
        }
        return new LlmResponse(text, estimate(request, text));
      }
      next = queue.poll();
      if (next == null) {
        throw new GenieHealException("ScriptedLlm has no answer left for call #" + calls + ": " + scripted
            + " answer(s) were scripted; script more with ScriptedLlm.builder().answer(...)");
      }
    }
    if (next.failure != null) {
      throw next.failure;
    }
    return new LlmResponse(next.text, next.usage != null ? next.usage : estimate(request, next.text));
  }

  /** How many queued answers are left (0 for a function-backed client). */
  public synchronized int remaining() {
    return queue.size();
  }

  /** How many calls were made. */
  public synchronized int calls() {
    return calls;
  }

  /** Characters divided by four, rounded up: the usual rough token count. */
  static TokenUsage estimate(LlmRequest request, String answer) {
    long promptChars = 0;
    for (ChatMessage m : request.messages()) {
      promptChars += m.content().length();
    }
    return new TokenUsage((promptChars + 3) / 4, (answer.length() + 3L) / 4);
  }

  private static final class Scripted {
    final String text;
    final TokenUsage usage;
    final GenieHealException failure;

    Scripted(String text, TokenUsage usage, GenieHealException failure) {
      this.text = text;
      this.usage = usage;
      this.failure = failure;
    }
  }

  /** Builds a {@link ScriptedLlm} from a queue of answers and failures, in order. Not thread-safe. */
  public static final class Builder {
    private final List<Scripted> queue = new ArrayList<>();

    private Builder() {}

    /** Queues an answer whose usage is estimated from the text. */
    public Builder answer(String text) {
      queue.add(new Scripted(Objects.requireNonNull(text, "text"), null, null));
      return this;
    }

    /** Queues an answer with a scripted usage. */
    public Builder answer(String text, TokenUsage usage) {
      queue.add(new Scripted(Objects.requireNonNull(text, "text"), Objects.requireNonNull(usage, "usage"), null));
      return this;
    }

    /** Queues a failure: that call throws {@code failure}. */
    public Builder failure(GenieHealException failure) {
      queue.add(new Scripted(null, null, Objects.requireNonNull(failure, "failure")));
      return this;
    }

    /**
     * Builds the client.
     *
     * @throws IllegalStateException when nothing was queued
     */
    public ScriptedLlm build() {
      if (queue.isEmpty()) {
        throw new IllegalStateException("at least one answer is required; use ScriptedLlm.answering(f) for a function");
      }
      return new ScriptedLlm(queue, null);
    }
  }
}
