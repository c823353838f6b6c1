package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.port.ChatMessage;
import dev.genieheal.port.LlmClient;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /serving-endpoints/{name}/invocations} in the OpenAI chat shape, answered by the endpoint's
 * {@link LlmClient}. An endpoint without a model is 404; a model that throws is 500. Thread-safe.
 */
final class ServingApi {
  static final int DEFAULT_MAX_TOKENS = 1024;
  private final Map<String, LlmClient> endpoints;
  private final LlmClient fallback;
  private final Ids ids;
  private final Clock clock;

  ServingApi(Map<String, LlmClient> endpoints, LlmClient fallback, Ids ids, Clock clock) {
    this.endpoints = Map.copyOf(endpoints);
    this.fallback = fallback;
    this.ids = ids;
    this.clock = clock;
  }

  EmulatorResponse invoke(Call call) {
    String name = call.param(0);
    LlmClient llm = endpoints.getOrDefault(name, fallback);
    if (llm == null) {
      throw ApiError.notFound("Endpoint with name '" + name + "' does not exist.");
    }
    LlmRequest request = request(call.body());
    LlmResponse response;
    try {
      response = llm.chat(request);
    } catch (RuntimeException e) {
      throw ApiError.internal("The model behind endpoint '" + name + "' failed: " + e.getMessage());
    }
    ObjectNode out = Json.object();
    out.put("id", "chatcmpl-" + ids.hex(24));
    out.put("object", "chat.completion");
    out.put("created", clock.millis() / 1000);
    out.put("model", name);
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", response.text());
    choice.put("finish_reason", "stop");
    ObjectNode usage = out.putObject("usage");
    usage.put("prompt_tokens", response.usage().promptTokens());
    usage.put("completion_tokens", response.usage().completionTokens());
    usage.put("total_tokens", response.usage().total());
    return Json.ok(out);
  }

  private static LlmRequest request(ObjectNode body) {
    JsonNode messages = body.get("messages");
    if (messages == null || !messages.isArray() || messages.isEmpty()) {
      throw ApiError.invalid("Missing required field: messages (a non-empty array of {role, content})");
    }
    List<ChatMessage> chat = new ArrayList<>();
    for (int i = 0; i < messages.size(); i++) {
      JsonNode m = messages.get(i);
      String role = Json.requiredText(m, "role");
      if (!List.of("system", "user", "assistant").contains(role)) {
        throw ApiError.invalid("Invalid value for messages[" + i + "].role: '" + role
            + "' (expected system, user or assistant)");
      }
      String content = Json.text(m, "content");
      if (content == null) {
        throw ApiError.invalid("Missing required field: messages[" + i + "].content");
      }
      chat.add(new ChatMessage(role, content));
    }
    double temperature = Json.doubleValue(body, "temperature", 1.0);
    if (temperature < 0 || temperature > 2) {
      throw ApiError.invalid("temperature must be between 0.0 and 2.0, got " + temperature);
    }
    long maxTokens = Json.longValue(body, "max_tokens", DEFAULT_MAX_TOKENS);
    if (maxTokens <= 0 || maxTokens > Integer.MAX_VALUE) {
      throw ApiError.invalid("max_tokens must be a positive integer, got " + maxTokens);
    }
    return new LlmRequest(chat, temperature, (int) maxTokens);
  }
}
