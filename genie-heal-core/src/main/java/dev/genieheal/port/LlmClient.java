package dev.genieheal.port;

/**
 * A provider-neutral chat model: any OpenAI-compatible endpoint can implement it. Implementations:
 * {@code ServingEndpointLlmClient} (Databricks), {@code ScriptedLlm} and {@code RecordingLlm} (testkit).
 * Must be thread-safe.
 */
@FunctionalInterface
public interface LlmClient {

  /**
   * Sends one chat request.
   *
   * @throws dev.genieheal.error.GenieHealException when the call fails after the client's own retries
   */
  LlmResponse chat(LlmRequest request);
}
