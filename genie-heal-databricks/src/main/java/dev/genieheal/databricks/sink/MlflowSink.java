package dev.genieheal.databricks.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.IterationRecord;
import dev.genieheal.LoopEvent;
import dev.genieheal.LoopResult;
import dev.genieheal.LoopStatus;
import dev.genieheal.databricks.DatabricksWorkspace;
import dev.genieheal.databricks.http.ApiCall;
import dev.genieheal.databricks.http.Json;
import dev.genieheal.error.NotFoundException;
import dev.genieheal.error.ServiceException;
import dev.genieheal.error.ValidationException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records each loop run as an MLflow run in a workspace experiment (created when missing): the run's settings as
 * params (target, limits, prompt version, ...), per iteration the metrics {@code score}, {@code delta},
 * {@code held_out_score}, {@code applied_fixes}, {@code rejected_fixes} and {@code failures.<category>} at
 * step = iteration, a {@code rolled_back} metric when the loop rolls back, and at the end {@code final_score},
 * {@code best_score}, {@code baseline_score}, tags {@code status} and {@code stop_reason}, and the run marked
 * FINISHED (FAILED when the loop failed). A failing call is logged and the loop goes on. Thread-safe.
 */
public final class MlflowSink extends SafeSink {
  private static final int MAX_PARAM = 500;
  private static final int MAX_KEY = 250;

  private final DatabricksWorkspace workspace;
  private final String experimentName;
  private final Map<String, String> runs = new ConcurrentHashMap<>();
  private volatile String experimentId;

  private MlflowSink(DatabricksWorkspace workspace, String experimentName) {
    this.workspace = workspace;
    this.experimentName = experimentName;
  }

  /**
   * A sink logging to the experiment at {@code experimentName} (a workspace path such as
   * {@code /Users/me@example.com/genie-heal}).
   */
  public static MlflowSink of(DatabricksWorkspace workspace, String experimentName) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(experimentName, "experimentName");
    if (!experimentName.startsWith("/")) {
      throw new IllegalArgumentException("experimentName must be a workspace path starting with '/': "
          + experimentName);
    }
    return new MlflowSink(workspace, experimentName);
  }

  /** The MLflow run id recording the given loop run, once it started. */
  public java.util.Optional<String> mlflowRunId(String loopRunId) {
    return java.util.Optional.ofNullable(runs.get(loopRunId));
  }

  @Override
  void handle(LoopEvent event) {
    if (event instanceof LoopEvent.Started s) {
      start(s);
      return;
    }
    String runId = runs.get(event.runId());
    if (runId == null) {
      return;
    }
    long ts = event.at().toEpochMilli();
    if (event instanceof LoopEvent.IterationFinished it) {
      IterationRecord r = it.record();
      ObjectNode batch = batch(runId);
      ArrayNode metrics = batch.putArray("metrics");
      metric(metrics, "score", r.score(), ts, r.iteration());
      metric(metrics, "delta", r.delta(), ts, r.iteration());
      r.heldOutScore().ifPresent(h -> metric(metrics, "held_out_score", h, ts, r.iteration()));
      metric(metrics, "applied_fixes", r.applied().size(), ts, r.iteration());
      metric(metrics, "rejected_fixes", r.rejected().size(), ts, r.iteration());
      r.failuresByCategory().forEach((c, n) -> metric(metrics, "failures." + c.id(), n, ts, r.iteration()));
      post("log iteration metrics", "/api/2.0/mlflow/runs/log-batch", batch);
    } else if (event instanceof LoopEvent.RolledBack rb) {
      ObjectNode batch = batch(runId);
      metric(batch.putArray("metrics"), "rolled_back", 1, ts, rb.iteration());
      post("log roll-back", "/api/2.0/mlflow/runs/log-batch", batch);
    } else if (event instanceof LoopEvent.Finished f) {
      finish(runId, f.result(), ts);
      runs.remove(event.runId());
    }
  }

  private void start(LoopEvent.Started s) {
    String experiment = experiment();
    ObjectNode create = Json.object()
        .put("experiment_id", experiment)
        .put("run_name", "genie-heal " + s.spaceId())
        .put("start_time", s.at().toEpochMilli());
    ArrayNode tags = create.putArray("tags");
    tags.addObject().put("key", "genie_heal.run_id").put("value", s.runId());
    tags.addObject().put("key", "genie_heal.space_id").put("value", s.spaceId());
    JsonNode created = post("create run", "/api/2.0/mlflow/runs/create", create);
    JsonNode info = created.path("run").path("info");
    String runId = Json.text(info, "run_id") != null ? Json.text(info, "run_id") : Json.text(info, "run_uuid");
    if (runId == null) {
      throw new ServiceException("MLflow create run returned no run id", 200, "MALFORMED_RESPONSE");
    }
    runs.put(s.runId(), runId);
    ObjectNode batch = batch(runId);
    ArrayNode params = batch.putArray("params");
    Map<String, String> settings = new TreeMap<>(s.settings());
    settings.put("space_id", s.spaceId());
    settings.put("tuning_questions", Integer.toString(s.tuningQuestions()));
    settings.put("held_out_questions", Integer.toString(s.heldOutQuestions()));
    settings.entrySet().stream().limit(100).forEach(e -> params.addObject()
        .put("key", truncate(e.getKey(), MAX_KEY)).put("value", truncate(e.getValue(), MAX_PARAM)));
    post("log params", "/api/2.0/mlflow/runs/log-batch", batch);
  }

  private void finish(String runId, LoopResult r, long ts) {
    ObjectNode batch = batch(runId);
    ArrayNode metrics = batch.putArray("metrics");
    metric(metrics, "final_score", r.finalScore(), ts, r.iterations());
    metric(metrics, "best_score", r.bestScore(), ts, r.iterations());
    metric(metrics, "baseline_score", r.baselineScore(), ts, r.iterations());
    ArrayNode tags = batch.putArray("tags");
    tags.addObject().put("key", "status").put("value", r.status().name());
    tags.addObject().put("key", "stop_reason").put("value", truncate(r.stopReason(), 5000));
    post("log final metrics", "/api/2.0/mlflow/runs/log-batch", batch);
    post("finish run", "/api/2.0/mlflow/runs/update", Json.object()
        .put("run_id", runId)
        .put("status", r.status() == LoopStatus.FAILED ? "FAILED" : "FINISHED")
        .put("end_time", ts));
  }

  /** The experiment id, looked up by name or created; cached. */
  private String experiment() {
    String id = experimentId;
    if (id != null) {
      return id;
    }
    synchronized (this) {
      if (experimentId == null) {
        experimentId = lookupOrCreate();
      }
      return experimentId;
    }
  }

  private String lookupOrCreate() {
    try {
      return lookup();
    } catch (NotFoundException missing) {
      try {
        JsonNode created = post("create experiment", "/api/2.0/mlflow/experiments/create",
            Json.object().put("name", experimentName));
        return Json.text(created, "experiment_id");
      } catch (ValidationException | ServiceException raced) {
        // RESOURCE_ALREADY_EXISTS: another run created it between our lookup and create.
        return lookup();
      }
    }
  }

  private String lookup() {
    JsonNode node = workspace.transport().send(ApiCall.get("get experiment", "experiment", experimentName,
        "/api/2.0/mlflow/experiments/get-by-name").withQuery("experiment_name", experimentName));
    String id = Json.text(node.path("experiment"), "experiment_id");
    if (id == null) {
      throw new NotFoundException("experiment " + experimentName + " has no id in the response");
    }
    return id;
  }

  private JsonNode post(String operation, String path, ObjectNode body) {
    return workspace.transport().send(ApiCall.post("MLflow " + operation, "experiment", experimentName, path, body));
  }

  private static ObjectNode batch(String runId) {
    return Json.object().put("run_id", runId);
  }

  private static void metric(ArrayNode metrics, String key, double value, long ts, int step) {
    if (Double.isFinite(value)) {
      metrics.addObject().put("key", key).put("value", value).put("timestamp", ts).put("step", step);
    }
  }

  private static String truncate(String s, int max) {
    return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
  }

  @Override
  public String toString() {
    return "MlflowSink[" + experimentName + "]";
  }
}
