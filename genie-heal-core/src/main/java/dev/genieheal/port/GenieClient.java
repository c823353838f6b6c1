package dev.genieheal.port;

/**
 * Asks a Genie space a question and waits for the answer.
 *
 * <p>Implementations: {@code GenieConversationClient} (Databricks, over HTTP), {@code ScriptedGenie} and
 * {@code SimulatedGenie} (testkit). Implementations must be thread-safe: the scorer asks several questions at once.
 * Genie-side failures and timeouts are answers ({@link AnswerStatus}), not exceptions; exceptions are for
 * problems the caller must fix (authentication, a missing space).
 */
@FunctionalInterface
public interface GenieClient {

  /**
   * Asks one question in a new conversation.
   *
   * @throws dev.genieheal.error.GenieHealException for configuration problems (auth, unknown space) only
   */
  GenieAnswer ask(GenieQuestion question);
}
