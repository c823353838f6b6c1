package dev.genieheal.databricks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.databricks.http.ApiCall;
import dev.genieheal.databricks.http.Json;
import dev.genieheal.databricks.http.Polling;
import dev.genieheal.databricks.http.StatementResponse;
import dev.genieheal.error.ServiceException;
import dev.genieheal.internal.Checks;
import dev.genieheal.judge.JudgeMethod;
import dev.genieheal.judge.ReasonCode;
import dev.genieheal.judge.Verdict;
import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.ResultTable;
import dev.genieheal.score.Attempt;
import dev.genieheal.score.QuestionResult;
import dev.genieheal.score.ScoreCard;
import dev.genieheal.score.Scorer;
import dev.genieheal.score.ScoringRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Scorer} that lets Databricks judge: it starts a Genie eval run over the requested benchmarks (or all the
 * space's benchmarks), waits for it, and reads each result's assessment — GOOD passes, BAD fails with Genie's
 * reasons mapped to {@link ReasonCode}s (unknown reasons become {@link ReasonCode#OTHER}, named in the explanation),
 * NEEDS_REVIEW fails unless {@code needsReviewPasses}. Verdicts carry {@link JudgeMethod#GENIE_EVAL}.
 *
 * <p>Benchmarks are matched by id, so they must be the space's own benchmark questions ({@code benchmarks.questions[].id}).
 * A benchmark without a result (the run failed, timed out, or skipped it) is a failed question, never an exception.
 * Thread-safe.
 */
public final class GenieEvalRunScorer implements Scorer {
  private static final Logger LOG = LoggerFactory.getLogger(GenieEvalRunScorer.class);
  private static final Set<String> TERMINAL =
      Set.of("DONE", "EVALUATION_FAILED", "EVALUATION_CANCELLED", "EVALUATION_TIMEOUT");

  private final DatabricksWorkspace workspace;
  private final Builder settings;

  private GenieEvalRunScorer(Builder b) {
    this.workspace = b.workspace;
    this.settings = b.copy();
  }

  /** A builder on the given workspace. */
  public static Builder builder(DatabricksWorkspace workspace) {
    return new Builder(workspace);
  }

  /**
   * {@inheritDoc}
   *
   * @throws dev.genieheal.error.AuthenticationException when the caller may not run evals on the space
   * @throws dev.genieheal.error.NotFoundException when the space does not exist
   */
  @Override
  public ScoreCard score(ScoringRequest request) {
    String space = request.spaceId();
    Instant start = workspace.clock().instant();
    Instant deadline = start.plus(settings.timeout);
    ObjectNode body = Json.object();
    if (!settings.allBenchmarks) {
      ArrayNode ids = body.putArray("benchmark_question_ids");
      new LinkedHashSet<>(request.benchmarks().stream().map(Benchmark::id).toList()).forEach(ids::add);
    }
    JsonNode run = workspace.transport().send(ApiCall.post("create eval run", "space", space,
        runsPath(space), body));
    String runId = Json.text(run, "eval_run_id");
    if (runId == null) {
      throw new ServiceException("create eval run (space " + space + ") returned no eval_run_id", 200,
          "MALFORMED_RESPONSE");
    }
    String status = Json.text(run, "eval_run_status");
    Duration wait = settings.firstPoll;
    while (!TERMINAL.contains(status) && workspace.clock().instant().isBefore(deadline)) {
      Polling.sleep(workspace.sleeper(), wait, "for an eval run on space " + space);
      wait = Polling.doubled(wait, settings.maxPoll);
      run = workspace.transport().send(ApiCall.get("get eval run", "space", space, runsPath(space) + "/" + runId));
      status = Json.text(run, "eval_run_status");
    }
    String runProblem = "DONE".equals(status) ? null : TERMINAL.contains(status)
        ? "eval run " + runId + " ended " + status
        : "eval run " + runId + " did not finish within " + settings.timeout + " (status " + status + ")";
    if (runProblem != null) {
      LOG.warn("{} on space {}; questions without a result count as failed", runProblem, space);
    }
    Map<String, JsonNode> details = readResults(space, runId);
    Duration latency = Duration.between(start, workspace.clock().instant());
    List<QuestionResult> results = new ArrayList<>();
    for (Benchmark b : request.benchmarks()) {
      JsonNode d = details.get(b.id());
      Attempt attempt = d == null
          ? new Attempt(GenieAnswer.failed("EVAL_NO_RESULT", missing(runId, runProblem), latency),
              Verdict.fail(JudgeMethod.GENIE_EVAL, List.of(ReasonCode.OTHER), missing(runId, runProblem)))
          : new Attempt(answer(d, latency), verdict(d));
      QuestionResult result = QuestionResult.of(b, attempt);
      request.onQuestion().accept(result);
      results.add(result);
    }
    return new ScoreCard(results);
  }

  private static String missing(String runId, String runProblem) {
    return "no result for this benchmark in eval run " + runId + (runProblem == null ? "" : " (" + runProblem + ")");
  }

  /** Result details keyed by benchmark question id. */
  private Map<String, JsonNode> readResults(String space, String runId) {
    Map<String, JsonNode> byBenchmark = new LinkedHashMap<>();
    String token = null;
    String resultsPath = runsPath(space) + "/" + runId + "/results";
    do {
      ApiCall list = ApiCall.get("list eval results", "space", space, resultsPath).withQuery("page_size", "100");
      if (token != null) {
        list = list.withQuery("page_token", token);
      }
      JsonNode page = workspace.transport().send(list);
      for (JsonNode r : Json.array(page, "eval_results")) {
        String resultId = Json.text(r, "result_id");
        String benchmarkId = Json.text(r, "benchmark_question_id");
        if (resultId == null || benchmarkId == null) {
          continue;
        }
        byBenchmark.put(benchmarkId, workspace.transport().send(ApiCall.get("get eval result", "space", space,
            resultsPath + "/" + resultId)));
      }
      token = Json.text(page, "next_page_token");
    } while (token != null && !token.isEmpty());
    return byBenchmark;
  }

  private Verdict verdict(JsonNode d) {
    String assessment = Json.text(d, "assessment");
    List<String> raw = new ArrayList<>();
    Json.array(d, "assessment_reasons").forEach(r -> raw.add(r.asText()));
    String explanation = "Genie eval: " + assessment + (raw.isEmpty() ? "" : " (" + String.join(", ", raw) + ")");
    if ("GOOD".equals(assessment) || ("NEEDS_REVIEW".equals(assessment) && settings.needsReviewPasses)) {
      return Verdict.pass(JudgeMethod.GENIE_EVAL, explanation);
    }
    List<ReasonCode> reasons = new ArrayList<>(new LinkedHashSet<>(raw.stream().map(GenieEvalRunScorer::reason)
        .toList()));
    if (reasons.isEmpty()) {
      reasons.add(ReasonCode.OTHER);
    }
    return Verdict.fail(JudgeMethod.GENIE_EVAL, reasons, assessment == null
        ? "Genie eval gave no assessment (result status " + Json.text(d, "eval_run_status") + ")" : explanation);
  }

  /** Maps one of Genie's assessment reasons; the LLM judge's many reasons all mean "not equivalent". */
  static ReasonCode reason(String genieReason) {
    if (genieReason.startsWith("LLM_JUDGE_")) {
      return ReasonCode.LLM_JUDGE_NOT_EQUIVALENT;
    }
    for (ReasonCode c : ReasonCode.values()) {
      if (c.name().equals(genieReason)) {
        return c;
      }
    }
    return ReasonCode.OTHER;
  }

  private static GenieAnswer answer(JsonNode d, Duration latency) {
    List<JsonNode> actual = Json.array(d, "actual_response");
    if (actual.isEmpty()) {
      return GenieAnswer.failed("EVAL_NO_RESPONSE", "the eval result has no actual_response", latency);
    }
    JsonNode first = actual.get(0);
    String response = Json.text(first, "response");
    if (!"SQL".equals(Json.text(first, "response_type")) || response == null || response.isBlank()) {
      return GenieAnswer.noSql(response, latency);
    }
    ResultTable table = null;
    JsonNode execution = first.path("sql_execution_result");
    if (!execution.isMissingNode()) {
      StatementResponse statement = StatementResponse.parse(execution);
      if ("SUCCEEDED".equals(statement.state())) {
        try {
          table = statement.toTable();
        } catch (IllegalArgumentException e) {
          LOG.debug("eval result rows do not fit their column types: {}", e.getMessage());
        }
      }
    }
    return GenieAnswer.sql(response, table, latency);
  }

  private static String runsPath(String space) {
    return "/api/2.0/genie/spaces/" + space + "/eval-runs";
  }

  /** A builder with this scorer's settings. */
  public Builder toBuilder() {
    return settings.copy();
  }

  @Override
  public String toString() {
    return "GenieEvalRunScorer[timeout=" + settings.timeout + ", needsReviewPasses=" + settings.needsReviewPasses
        + ", allBenchmarks=" + settings.allBenchmarks + "]";
  }

  /**
   * Builds a {@link GenieEvalRunScorer}. Defaults: timeout 30 min per run, first poll after 1 s doubling to 15 s,
   * NEEDS_REVIEW fails, only the requested benchmarks are run. Not thread-safe.
   */
  public static final class Builder {
    private final DatabricksWorkspace workspace;
    private Duration timeout = Duration.ofMinutes(30);
    private Duration firstPoll = Duration.ofSeconds(1);
    private Duration maxPoll = Duration.ofSeconds(15);
    private boolean needsReviewPasses;
    private boolean allBenchmarks;

    private Builder(DatabricksWorkspace workspace) {
      this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    /** How long to wait for an eval run; default 30 min. */
    public Builder timeout(Duration value) {
      this.timeout = Checks.positive(value, "timeout");
      return this;
    }

    /** The first wait between polls of the run; default 1 s. */
    public Builder firstPoll(Duration value) {
      this.firstPoll = Checks.positive(value, "firstPoll");
      return this;
    }

    /** The longest wait between polls of the run; default 15 s. */
    public Builder maxPoll(Duration value) {
      this.maxPoll = Checks.positive(value, "maxPoll");
      return this;
    }

    /** Whether NEEDS_REVIEW counts as a pass; default false. */
    public Builder needsReviewPasses(boolean value) {
      this.needsReviewPasses = value;
      return this;
    }

    /** Whether to run all the space's benchmarks (not just the requested ones); default false. */
    public Builder allBenchmarks(boolean value) {
      this.allBenchmarks = value;
      return this;
    }

    /** Builds. */
    public GenieEvalRunScorer build() {
      return new GenieEvalRunScorer(this);
    }

    private Builder copy() {
      Builder b = new Builder(workspace);
      b.timeout = timeout;
      b.firstPoll = firstPoll;
      b.maxPoll = maxPoll;
      b.needsReviewPasses = needsReviewPasses;
      b.allBenchmarks = allBenchmarks;
      return b;
    }
  }
}
