package dev.genieheal.port;

import java.util.Objects;

/**
 * A chat completion answer.
 *
 * @param text the answer text
 * @param usage tokens used
 */
public record LlmResponse(String text, TokenUsage usage) {
  /** Validates. */
  public LlmResponse {
    Objects.requireNonNull(text, "text");
    usage = usage == null ? TokenUsage.NONE : usage;
  }
}
