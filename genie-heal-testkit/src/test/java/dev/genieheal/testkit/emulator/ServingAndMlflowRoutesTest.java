package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.port.LlmRequest;
import dev.genieheal.port.LlmResponse;
import dev.genieheal.port.TokenUsage;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ServingAndMlflowRoutesTest {
  private static final String MLFLOW = "/api/2.0/mlflow";
  private final List<LlmRequest> prompts = new ArrayList<>();
  private DatabricksEmulator emulator;
  private Http http;

  @BeforeEach
  void start() {
    emulator = DatabricksEmulator.builder().servingEndpoint("judge", r -> {
      prompts.add(r);
      return new LlmResponse("Revenue rose 4%.", new TokenUsage(42, 6));
    }).start();
    http = new Http(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void invocations_chatRequest_returnsOpenAiShapeWithUsage() {
    Http.Reply r = http.post("/serving-endpoints/judge/invocations", "{\"messages\":["
        + "{\"role\":\"system\",\"content\":\"Be terse.\"},{\"role\":\"user\",\"content\":\"Summarise\"}],"
        + "\"max_tokens\":256,\"temperature\":0.1}");

    assertThat(r.status).isEqualTo(200);
    JsonNode json = r.json();
    assertThat(json.get("object").asText()).isEqualTo("chat.completion");
    assertThat(json.at("/choices/0/message/role").asText()).isEqualTo("assistant");
    assertThat(json.at("/choices/0/message/content").asText()).isEqualTo("Revenue rose 4%.");
    assertThat(json.at("/choices/0/finish_reason").asText()).isEqualTo("stop");
    assertThat(json.at("/usage/total_tokens").asInt()).isEqualTo(48);
    assertThat(prompts).singleElement().satisfies(p -> {
      assertThat(p.maxTokens()).isEqualTo(256);
      assertThat(p.temperature()).isEqualTo(0.1);
      assertThat(p.messages()).hasSize(2);
    });
  }

  @Test
  void invocations_unknownEndpoint_is404() {
    Http.Reply r = http.post("/serving-endpoints/other/invocations", "{\"messages\":[{\"role\":\"user\","
        + "\"content\":\"x\"}]}");

    assertThat(r.status).isEqualTo(404);
    assertThat(r.text("/message")).contains("other");
  }

  @Test
  void invocations_badRole_is400() {
    Http.Reply r = http.post("/serving-endpoints/judge/invocations", "{\"messages\":[{\"role\":\"bot\","
        + "\"content\":\"x\"}]}");

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/message")).contains("role");
  }

  @Test
  void mlflow_runLifecycle_isRecordedAndReadableFromJava() {
    String experimentId = http.post(MLFLOW + "/experiments/create", "{\"name\":\"/Users/me/heal\"}")
        .text("/experiment_id");
    assertThat(http.get(MLFLOW + "/experiments/get-by-name?experiment_name=/Users/me/heal")
        .text("/experiment/experiment_id")).isEqualTo(experimentId);
    JsonNode run = http.post(MLFLOW + "/runs/create", "{\"experiment_id\":\"" + experimentId
        + "\",\"run_name\":\"iteration-1\",\"start_time\":1000,\"tags\":[{\"key\":\"k\",\"value\":\"v\"}]}").json();
    String runId = run.at("/run/info/run_id").asText();
    assertThat(run.at("/run/info/status").asText()).isEqualTo("RUNNING");

    assertThat(http.post(MLFLOW + "/runs/log-metric", "{\"run_id\":\"" + runId
        + "\",\"key\":\"score\",\"value\":0.5,\"timestamp\":1001,\"step\":1}").body).isEqualTo("{}");
    http.post(MLFLOW + "/runs/log-parameter", "{\"run_id\":\"" + runId + "\",\"key\":\"model\",\"value\":\"m1\"}");
    http.post(MLFLOW + "/runs/log-batch", "{\"run_id\":\"" + runId + "\",\"metrics\":[{\"key\":\"score\","
        + "\"value\":0.75,\"timestamp\":1002,\"step\":2}],\"params\":[{\"key\":\"model\",\"value\":\"m1\"}],"
        + "\"tags\":[{\"key\":\"t\",\"value\":\"1\"}]}");
    http.post(MLFLOW + "/runs/set-tag", "{\"run_id\":\"" + runId + "\",\"key\":\"phase\",\"value\":\"done\"}");
    JsonNode updated = http.post(MLFLOW + "/runs/update", "{\"run_id\":\"" + runId
        + "\",\"status\":\"FINISHED\",\"end_time\":2000}").json();

    assertThat(updated.at("/run_info/status").asText()).isEqualTo("FINISHED");
    MlflowRun recorded = emulator.mlflowRun(runId).orElseThrow();
    assertThat(recorded.runName()).isEqualTo("iteration-1");
    assertThat(recorded.status()).isEqualTo("FINISHED");
    assertThat(recorded.endTime()).isEqualTo(2000L);
    assertThat(recorded.params()).containsEntry("model", "m1");
    assertThat(recorded.tags()).containsEntry("k", "v").containsEntry("t", "1").containsEntry("phase", "done");
    assertThat(recorded.metrics()).extracting(MlflowMetric::value).containsExactly(0.5, 0.75);
    assertThat(recorded.latest("score")).hasValue(0.75);
    assertThat(http.get(MLFLOW + "/runs/get?run_id=" + runId).json().at("/run/data/metrics/0/value").asDouble())
        .isEqualTo(0.75);
  }

  @Test
  void mlflow_changingAParam_is400AndKeepsTheOldValue() {
    String runId = http.post(MLFLOW + "/runs/create", "{}").text("/run/info/run_id");
    http.post(MLFLOW + "/runs/log-parameter", "{\"run_id\":\"" + runId + "\",\"key\":\"a\",\"value\":\"1\"}");

    Http.Reply r = http.post(MLFLOW + "/runs/log-parameter", "{\"run_id\":\"" + runId
        + "\",\"key\":\"a\",\"value\":\"2\"}");

    assertThat(r.status).isEqualTo(400);
    assertThat(r.text("/message")).contains("Changing param values is not allowed");
    assertThat(emulator.mlflowRun(runId).orElseThrow().params()).containsEntry("a", "1");
  }

  @Test
  void mlflow_logBatchOverLimit_is400AndLogsNothing() {
    String runId = http.post(MLFLOW + "/runs/create", "{}").text("/run/info/run_id");
    StringBuilder params = new StringBuilder();
    for (int i = 0; i < 101; i++) {
      params.append(i == 0 ? "" : ",").append("{\"key\":\"p").append(i).append("\",\"value\":\"v\"}");
    }

    Http.Reply r = http.post(MLFLOW + "/runs/log-batch", "{\"run_id\":\"" + runId + "\",\"params\":[" + params
        + "]}");

    assertThat(r.status).isEqualTo(400);
    assertThat(emulator.mlflowRun(runId).orElseThrow().params()).isEmpty();
  }

  @Test
  void mlflow_unknownRunAndExperiment_are404() {
    assertThat(http.post(MLFLOW + "/runs/log-metric", "{\"run_id\":\"x\",\"key\":\"k\",\"value\":1}").status)
        .isEqualTo(404);
    assertThat(http.get(MLFLOW + "/experiments/get-by-name?experiment_name=nope").status).isEqualTo(404);
    assertThat(http.post(MLFLOW + "/experiments/create", "{\"name\":\"Default\"}").text("/error_code"))
        .isEqualTo("RESOURCE_ALREADY_EXISTS");
  }
}
