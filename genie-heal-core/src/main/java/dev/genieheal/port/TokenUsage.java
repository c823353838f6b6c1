package dev.genieheal.port;

/**
 * Tokens a model call used.
 *
 * @param promptTokens tokens in the request
 * @param completionTokens tokens in the answer
 */
public record TokenUsage(long promptTokens, long completionTokens) {
  /** No tokens. */
  public static final TokenUsage NONE = new TokenUsage(0, 0);

  /** Validates. */
  public TokenUsage {
    if (promptTokens < 0 || completionTokens < 0) {
      throw new IllegalArgumentException("token counts must not be negative");
    }
  }

  /** Prompt plus completion tokens. */
  public long total() {
    return promptTokens + completionTokens;
  }

  /** The sum of two usages. */
  public TokenUsage plus(TokenUsage other) {
    return new TokenUsage(promptTokens + other.promptTokens, completionTokens + other.completionTokens);
  }
}
