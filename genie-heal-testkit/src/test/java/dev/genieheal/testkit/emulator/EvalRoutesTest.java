package dev.genieheal.testkit.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EvalRoutesTest {
  private static final String RUNS = "/api/2.0/genie/spaces/" + Fixtures.SPACE_ID + "/eval-runs";
  private static final String B1 = "b0000000000000000000000000000001";
  private static final String B2 = "b0000000000000000000000000000002";
  /** Answers the region question wrongly (missing a column) and the count question rightly. */
  private static final GenieClient GENIE = q -> q.text().startsWith("Revenue")
      ? GenieAnswer.sql(Fixtures.WRONG_SQL, null, Duration.ZERO)
      : GenieAnswer.sql(Fixtures.COUNT_SQL, null, Duration.ZERO);
  private DatabricksEmulator emulator;
  private Http http;

  @BeforeEach
  void start() {
    emulator = DatabricksEmulator.builder().space(Fixtures.space()).genie(GENIE).sqlExecutor(Fixtures.warehouse())
        .start();
    http = new Http(emulator);
  }

  @AfterEach
  void stop() {
    emulator.close();
  }

  @Test
  void createEvalRun_allBenchmarks_progressesToDoneWithCounters() {
    JsonNode created = http.post(RUNS, "{}").json();
    String run = RUNS + "/" + created.get("eval_run_id").asText();

    assertThat(created.get("eval_run_status").asText()).isEqualTo("NOT_STARTED");
    assertThat(created.get("num_questions").asInt()).isEqualTo(2);
    JsonNode running = http.get(run).json();
    assertThat(running.get("eval_run_status").asText()).isEqualTo("RUNNING");
    JsonNode done = http.get(run).json();
    assertThat(done.get("eval_run_status").asText()).isEqualTo("DONE");
    assertThat(done.get("num_done").asInt()).isEqualTo(2);
    assertThat(done.get("num_correct").asInt()).isEqualTo(1);
    assertThat(done.get("num_needs_review").asInt()).isZero();
  }

  @Test
  void evalResults_afterDone_listsAndDetailsGoodAndBadWithReasons() {
    String runId = http.post(RUNS, "{}").text("/eval_run_id");
    http.get(RUNS + "/" + runId);
    http.get(RUNS + "/" + runId);

    JsonNode results = http.get(RUNS + "/" + runId + "/results").json().get("eval_results");

    assertThat(results).hasSize(2);
    Map<String, JsonNode> details = new HashMap<>();
    for (JsonNode r : results) {
      assertThat(r.get("status").asText()).isEqualTo("DONE");
      details.put(r.get("benchmark_question_id").asText(),
          http.get(RUNS + "/" + runId + "/results/" + r.get("result_id").asText()).json());
    }
    JsonNode bad = details.get(B1);
    assertThat(bad.get("assessment").asText()).isEqualTo("BAD");
    assertThat(bad.get("assessment_reasons").toString()).isEqualTo("[\"RESULT_MISSING_COLUMNS\"]");
    assertThat(bad.at("/actual_response/0/response").asText()).isEqualTo(Fixtures.WRONG_SQL);
    assertThat(bad.at("/actual_response/0/response_type").asText()).isEqualTo("SQL");
    assertThat(bad.at("/expected_response/0/sql_execution_result/status/state").asText()).isEqualTo("SUCCEEDED");
    JsonNode good = details.get(B2);
    assertThat(good.get("assessment").asText()).isEqualTo("GOOD");
    assertThat(good.get("assessment_reasons")).isEmpty();
    assertThat(good.get("manual_assessment").asBoolean()).isFalse();
  }

  @Test
  void createEvalRun_selectedIds_evaluatesOnlyThose() {
    JsonNode created = http.post(RUNS, "{\"benchmark_question_ids\":[\"" + B2 + "\"]}").json();

    assertThat(created.get("num_questions").asInt()).isEqualTo(1);
  }

  @Test
  void createEvalRun_unknownBenchmarkId_is400NamingIt() {
    Http.Reply r = http.post(RUNS, "{\"benchmark_question_ids\":[\"nope\"]}");

    r.error(400, "INVALID_PARAMETER_VALUE");
    assertThat(r.text("/message")).contains("nope");
  }

  @Test
  void listEvalRuns_returnsRunsOfTheSpace() {
    http.post(RUNS, "{}");
    http.post(RUNS, "{}");

    assertThat(http.get(RUNS).json().get("eval_runs")).hasSize(2);
  }

  @Test
  void getEvalRun_unknown_is404() {
    assertThat(http.get(RUNS + "/nope").status).isEqualTo(404);
  }

  @Test
  void customJudge_decidesTheAssessment() {
    emulator.close();
    emulator = DatabricksEmulator.builder().space(Fixtures.space()).genie(GENIE).sqlExecutor(Fixtures.warehouse())
        .evalJudge(c -> EvalAssessment.needsReview("LLM_JUDGE_OTHER"))
        .evalProgression(StatusProgression.polls(java.util.List.of("NOT_STARTED"), 1)).start();
    http = new Http(emulator);
    String runId = http.post(RUNS, "{}").text("/eval_run_id");

    JsonNode done = http.get(RUNS + "/" + runId).json();

    assertThat(done.get("eval_run_status").asText()).isEqualTo("DONE");
    assertThat(done.get("num_needs_review").asInt()).isEqualTo(2);
  }
}
