package dev.genieheal.port;

import java.util.List;

/**
 * A chat completion request.
 *
 * @param messages the conversation, at least one message
 * @param temperature sampling temperature, 0 to 2
 * @param maxTokens the most tokens the answer may have, positive
 */
public record LlmRequest(List<ChatMessage> messages, double temperature, int maxTokens) {
  /** Validates and copies. */
  public LlmRequest {
    messages = List.copyOf(messages);
    if (messages.isEmpty()) {
      throw new IllegalArgumentException("messages must not be empty");
    }
    if (temperature < 0 || temperature > 2 || Double.isNaN(temperature)) {
      throw new IllegalArgumentException("temperature must be within [0, 2]: " + temperature);
    }
    if (maxTokens <= 0) {
      throw new IllegalArgumentException("maxTokens must be positive: " + maxTokens);
    }
  }
}
