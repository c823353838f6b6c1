package dev.genieheal.testkit;

import dev.genieheal.port.ChatMessage;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * An {@link LlmClient} that forwards to another and records every request, response and the total token usage, so
 * tests can assert on the prompts that were sent. Failed calls are recorded as requests and rethrown. Thread-safe.
 */
public final class RecordingLlm implements LlmClient {
  private final LlmClient delegate;
  private final List<LlmRequest> requests = new ArrayList<>();
  private final List<LlmResponse> responses = new ArrayList<>();
  private int taken;
  private int failures;
  private TokenUsage usage = TokenUsage.NONE;

  private RecordingLlm(LlmClient delegate) {
    this.delegate = delegate;
  }

  /** Records calls to {@code delegate}. */
  public static RecordingLlm wrapping(LlmClient delegate) {
    return new RecordingLlm(Objects.requireNonNull(delegate, "delegate"));
  }

  @Override
  public LlmResponse chat(LlmRequest request) {
    synchronized (this) {
      requests.add(Objects.requireNonNull(request, "request"));
    }
    LlmResponse response;
    try {
      response = delegate.chat(request);
    } catch (RuntimeException e) {
      synchronized (this) {
        failures++;
      }
      throw e;
    }
    synchronized (this) {
      responses.add(response);
      usage = usage.plus(response.usage());
    }
    return response;
  }

  /** Every request, in the order they were made. */
  public synchronized List<LlmRequest> requests() {
    return List.copyOf(requests);
  }

  /** Every successful response, in order. */
  public synchronized List<LlmResponse> responses() {
    return List.copyOf(responses);
  }

  /**
   * The oldest request not yet taken, like MockWebServer's {@code takeRequest()}.
   *
   * @throws IllegalStateException when every request was taken
   */
  public synchronized LlmRequest takeRequest() {
    if (taken >= requests.size()) {
      throw new IllegalStateException("no request left to take: " + requests.size() + " request(s) were made");
    }
    return requests.get(taken++);
  }

  /** The text of each request's messages joined by blank lines, in request order: what the model was asked. */
  public synchronized List<String> prompts() {
    return requests.stream()
        .map(r -> r.messages().stream().map(ChatMessage::content).collect(Collectors.joining("\n\n")))
        .collect(Collectors.toList());
  }

  /** The number of calls, including failed ones. */
  public synchronized int callCount() {
    return requests.size();
  }

  /** The number of calls that threw. */
  public synchronized int failureCount() {
    return failures;
  }

  /** The token usage summed over successful calls. */
  public synchronized TokenUsage usage() {
    return usage;
  }
}
