package dev.genieheal.internal;

import dev.genieheal.error.GenieHealException;
import dev.genieheal.error.RateLimitedException;
import dev.genieheal.error.Redactor;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.Sleeper;
import java.time.Duration;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls a model with bounded retries: a failing call (timeout, 429, 5xx surfaced as an exception) is retried with
 * exponential back-off, honouring a rate limit's retry-after. Not API; thread-safe.
 *
 * @param llm the model
 * @param attempts total attempts, at least 1
 * @param backoff the first back-off, doubled per retry
 * @param sleeper waits between attempts
 */
public record LlmCall(LlmClient llm, int attempts, Duration backoff, Sleeper sleeper) {
  private static final Logger LOG = LoggerFactory.getLogger(LlmCall.class);

  /** Validates. */
  public LlmCall {
    Objects.requireNonNull(llm, "llm");
    Objects.requireNonNull(backoff, "backoff");
    Objects.requireNonNull(sleeper, "sleeper");
    Checks.atLeast(attempts, 1, "attempts");
  }

  /**
   * Sends the request.
   *
   * @throws GenieHealException when every attempt failed (the last failure is the cause), or the thread was
   *     interrupted while waiting
   */
  public LlmResponse send(LlmRequest request) {
    RuntimeException last = null;
    Duration wait = backoff;
    for (int attempt = 1; attempt <= attempts; attempt++) {
      try {
        return llm.chat(request);
      } catch (RuntimeException e) {
        last = e;
        if (attempt == attempts) {
          break;
        }
        Duration pause = e instanceof RateLimitedException r ? r.retryAfter().orElse(wait) : wait;
        LOG.warn("LLM call failed (attempt {}/{}), retrying in {}: {}", attempt, attempts, pause,
            Redactor.redact(String.valueOf(e.getMessage())));
        try {
          sleeper.sleep(pause);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          throw new GenieHealException("interrupted while waiting to retry the LLM call", ie);
        }
        wait = wait.multipliedBy(2);
      }
    }
    throw new GenieHealException("LLM call failed after " + attempts + " attempts: "
        + Redactor.redact(String.valueOf(last.getMessage())), last);
  }
}
