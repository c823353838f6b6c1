package dev.genieheal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.databricks.http.ApiCall;
import dev.genieheal.databricks.http.Json;
import dev.genieheal.error.ServiceException;
import dev.genieheal.internal.Checks;
import dev.genieheal.port.ChatMessage;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.TokenUsage;
import java.util.List;
import java.util.Objects;

/**
 * A chat model behind a Databricks model serving endpoint ({@code POST /serving-endpoints/{name}/invocations},
 * OpenAI-style chat format). Reads {@code choices[0].message.content} and the token usage. A 429 from a
 * pay-per-token endpoint is retried by the transport; the call is otherwise not repeated (it is not idempotent).
 * Thread-safe.
 */
public final class ServingEndpointLlmClient implements LlmClient {
  private final DatabricksWorkspace workspace;
  private final String endpoint;

  private ServingEndpointLlmClient(Builder b) {
    this.workspace = b.workspace;
    this.endpoint = b.endpoint;
  }

  /** A builder on the given workspace. */
  public static Builder builder(DatabricksWorkspace workspace) {
    return new Builder(workspace);
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.genieheal.error.NotFoundException when the endpoint does not exist
   * @throws dev.genieheal.error.RateLimitedException when the endpoint kept refusing with 429
   * @throws ServiceException when the answer has no choices
   */
  @Override
  public LlmResponse chat(LlmRequest request) {
    ObjectNode body = Json.object();
    ArrayNode messages = body.putArray("messages");
    for (ChatMessage m : request.messages()) {
      messages.addObject().put("role", m.role()).put("content", m.content());
    }
    body.put("temperature", request.temperature());
    body.put("max_tokens", request.maxTokens());
    JsonNode answer = workspace.transport().send(ApiCall.post("query serving endpoint", "serving endpoint",
        endpoint, "/serving-endpoints/" + endpoint + "/invocations", body));
    List<JsonNode> choices = Json.array(answer, "choices");
    String text = choices.isEmpty() ? null : Json.text(choices.get(0).path("message"), "content");
    if (text == null) {
      throw new ServiceException("serving endpoint " + endpoint + " answered without choices[0].message.content; "
          + "check that it is a chat endpoint", 200, "MALFORMED_RESPONSE");
    }
    JsonNode usage = answer.path("usage");
    return new LlmResponse(text, new TokenUsage(Math.max(0, Json.longValue(usage, "prompt_tokens", 0)),
        Math.max(0, Json.longValue(usage, "completion_tokens", 0))));
  }

  /** The endpoint name. */
  public String endpoint() {
    return endpoint;
  }

  /** A builder with this client's settings. */
  public Builder toBuilder() {
    return new Builder(workspace).endpoint(endpoint);
  }

  @Override
  public String toString() {
    return "ServingEndpointLlmClient[endpoint=" + endpoint + "]";
  }

  /** Builds a {@link ServingEndpointLlmClient}. Required: {@code endpoint}. Not thread-safe. */
  public static final class Builder {
    private final DatabricksWorkspace workspace;
    private String endpoint;

    private Builder(DatabricksWorkspace workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** The serving endpoint name, e.g. {@code databricks-meta-llama-3-3-70b-instruct}. */
    public Builder endpoint(String value) {
      Objects.requireNonNull(value, "endpoint");
      if (value.isBlank() || value.contains("/")) {
        throw new IllegalArgumentException("endpoint must be a serving endpoint name: " + value);
      }
      this.endpoint = value.strip();
      return this;
    }

    /**
     * Builds.
     *
     * @throws IllegalStateException when the endpoint is missing
     */
    public ServingEndpointLlmClient build() {
      Checks.required(endpoint, "endpoint");
      return new ServingEndpointLlmClient(this);
    }
  }
}
