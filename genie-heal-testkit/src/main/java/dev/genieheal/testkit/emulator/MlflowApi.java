package dev.genieheal.testkit.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * MLflow tracking: experiments (get-by-name, create), runs (create, get, update), metrics, immutable params,
 * tags and log-batch with the service's limits. Everything is recorded and readable as {@link MlflowRun}s.
 * Thread-safe (one monitor).
 */
final class MlflowApi {
  private static final List<String> RUN_STATUSES = List.of("RUNNING", "SCHEDULED", "FINISHED", "FAILED", "KILLED");
  private final Ids ids;
  private final Clock clock;
  private final Map<String, String> experimentsByName = new LinkedHashMap<>();
  private final Map<String, RunState> runs = new LinkedHashMap<>();
  private int nextExperiment = 1;

  MlflowApi(Ids ids, Clock clock) {
    this.ids = ids;
    this.clock = clock;
    experimentsByName.put("Default", "0");
  }

  synchronized EmulatorResponse getExperimentByName(Call call) {
    String name = call.query("experiment_name");
    if (name == null || name.isBlank()) {
      throw ApiError.invalid("Missing required parameter: experiment_name");
    }
    String id = experimentsByName.get(name);
    if (id == null) {
      throw ApiError.notFound("Could not find experiment with name '" + name + "'");
    }
    ObjectNode out = Json.object();
    ObjectNode e = out.putObject("experiment");
    e.put("experiment_id", id);
    e.put("name", name);
    e.put("artifact_location", "dbfs:/databricks/mlflow-tracking/" + id);
    e.put("lifecycle_stage", "active");
    return Json.ok(out);
  }

  synchronized EmulatorResponse createExperiment(Call call) {
    String name = Json.requiredText(call.body(), "name");
    if (experimentsByName.containsKey(name)) {
      throw ApiError.alreadyExists("Experiment '" + name + "' already exists.");
    }
    String id = Long.toString(1_000_000L + nextExperiment++);
    experimentsByName.put(name, id);
    ObjectNode out = Json.object();
    out.put("experiment_id", id);
    return Json.ok(out);
  }

  synchronized EmulatorResponse createRun(Call call) {
    ObjectNode body = call.body();
    String experimentId = Json.text(body, "experiment_id");
    experimentId = experimentId == null ? "0" : experimentId;
    if (!experimentsByName.containsValue(experimentId)) {
      throw ApiError.notFound("No Experiment with id=" + experimentId + " exists");
    }
    RunState run = new RunState(ids.id(), experimentId, Json.text(body, "run_name"),
        Json.longValue(body, "start_time", clock.millis()));
    for (JsonNode t : body.path("tags")) {
      run.tags.put(Json.requiredText(t, "key"), String.valueOf(Json.text(t, "value")));
    }
    runs.put(run.runId, run);
    ObjectNode out = Json.object();
    out.set("run", render(run));
    return Json.ok(out);
  }

  synchronized EmulatorResponse getRun(Call call) {
    String runId = call.query("run_id");
    if (runId == null) {
      runId = call.query("run_uuid");
    }
    ObjectNode out = Json.object();
    out.set("run", render(run(runId)));
    return Json.ok(out);
  }

  synchronized EmulatorResponse logMetric(Call call) {
    ObjectNode body = call.body();
    RunState run = run(runId(body));
    run.metrics.add(metric(body));
    return Json.ok(Json.object());
  }

  synchronized EmulatorResponse logParameter(Call call) {
    ObjectNode body = call.body();
    RunState run = run(runId(body));
    String key = key(body);
    String value = Json.text(body, "value");
    checkParam(run, key, value == null ? "" : value);
    run.params.put(key, value == null ? "" : value);
    return Json.ok(Json.object());
  }

  synchronized EmulatorResponse setTag(Call call) {
    ObjectNode body = call.body();
    RunState run = run(runId(body));
    run.tags.put(key(body), String.valueOf(Json.text(body, "value")));
    return Json.ok(Json.object());
  }

  synchronized EmulatorResponse logBatch(Call call) {
    ObjectNode body = call.body();
    RunState run = run(runId(body));
    JsonNode metrics = body.path("metrics");
    JsonNode params = body.path("params");
    JsonNode tags = body.path("tags");
    if (metrics.size() > 1000 || params.size() > 100 || tags.size() > 100
        || metrics.size() + params.size() + tags.size() > 1000) {
      throw ApiError.invalid("A batch logging request can contain at most 1000 metrics, 100 params and 100 tags, "
          + "and at most 1000 items in total; got " + metrics.size() + " metrics, " + params.size() + " params and "
          + tags.size() + " tags");
    }
    List<MlflowMetric> newMetrics = new ArrayList<>();
    metrics.forEach(m -> newMetrics.add(metric(m)));
    Map<String, String> newParams = new LinkedHashMap<>();
    for (JsonNode p : params) {
      String key = key(p);
      String value = String.valueOf(Json.text(p, "value"));
      checkParam(run, key, value);
      newParams.put(key, value);
    }
    Map<String, String> newTags = new LinkedHashMap<>();
    tags.forEach(t -> newTags.put(key(t), String.valueOf(Json.text(t, "value"))));
    run.metrics.addAll(newMetrics);
    run.params.putAll(newParams);
    run.tags.putAll(newTags);
    return Json.ok(Json.object());
  }

  synchronized EmulatorResponse updateRun(Call call) {
    ObjectNode body = call.body();
    RunState run = run(runId(body));
    String status = Json.text(body, "status");
    if (status != null && !RUN_STATUSES.contains(status)) {
      throw ApiError.invalid("Invalid value for field 'status': " + status + " (expected one of "
          + String.join(", ", RUN_STATUSES) + ")");
    }
    if (status != null) {
      run.status = status;
    }
    if (body.hasNonNull("end_time")) {
      run.endTime = Json.longValue(body, "end_time", 0);
    }
    String name = Json.text(body, "run_name");
    if (name != null) {
      run.runName = name;
    }
    ObjectNode out = Json.object();
    out.set("run_info", render(run).get("info"));
    return Json.ok(out);
  }

  synchronized List<MlflowRun> runs() {
    List<MlflowRun> out = new ArrayList<>();
    for (RunState r : runs.values()) {
      out.add(new MlflowRun(r.runId, r.experimentId, r.runName, r.status, r.startTime, r.endTime, r.params, r.tags,
          r.metrics));
    }
    return out;
  }

  private static String runId(JsonNode body) {
    String id = Json.text(body, "run_id");
    if (id == null) {
      id = Json.text(body, "run_uuid");
    }
    if (id == null || id.isBlank()) {
      throw ApiError.invalid("Missing required field: run_id");
    }
    return id;
  }

  private static String key(JsonNode node) {
    String key = Json.requiredText(node, "key");
    if (key.length() > 250) {
      throw ApiError.invalid("Key '" + key.substring(0, 20) + "…' is longer than 250 characters");
    }
    return key;
  }

  private static MlflowMetric metric(JsonNode node) {
    String key = key(node);
    if (!node.hasNonNull("value")) {
      throw ApiError.invalid("Missing required field: value");
    }
    return new MlflowMetric(key, Json.doubleValue(node, "value", 0), Json.longValue(node, "timestamp", 0),
        Json.longValue(node, "step", 0));
  }

  private static void checkParam(RunState run, String key, String value) {
    if (value.length() > 500) {
      throw ApiError.invalid("Param value for key '" + key + "' is longer than 500 characters");
    }
    String old = run.params.get(key);
    if (old != null && !old.equals(value)) {
      throw ApiError.invalid("Changing param values is not allowed. Param with key='" + key
          + "' was already logged with value='" + old + "' for run ID='" + run.runId
          + "'. Attempted logging new value '" + value + "'.");
    }
  }

  private RunState run(String runId) {
    RunState run = runId == null ? null : runs.get(runId);
    if (run == null) {
      throw ApiError.notFound("Run '" + runId + "' not found");
    }
    return run;
  }

  private static ObjectNode render(RunState r) {
    ObjectNode run = Json.object();
    ObjectNode info = run.putObject("info");
    info.put("run_id", r.runId);
    info.put("run_uuid", r.runId);
    info.put("experiment_id", r.experimentId);
    info.put("run_name", r.runName);
    info.put("status", r.status);
    info.put("start_time", r.startTime);
    info.put("end_time", r.endTime);
    info.put("artifact_uri", "dbfs:/databricks/mlflow-tracking/" + r.experimentId + "/" + r.runId + "/artifacts");
    info.put("lifecycle_stage", "active");
    ObjectNode data = run.putObject("data");
    Map<String, MlflowMetric> latest = new LinkedHashMap<>();
    r.metrics.forEach(m -> latest.put(m.key(), m));
    ArrayNode metrics = data.putArray("metrics");
    latest.values().forEach(m -> metrics.addObject().put("key", m.key()).put("value", m.value())
        .put("timestamp", m.timestamp()).put("step", m.step()));
    ArrayNode params = data.putArray("params");
    r.params.forEach((k, v) -> params.addObject().put("key", k).put("value", v));
    ArrayNode tags = data.putArray("tags");
    r.tags.forEach((k, v) -> tags.addObject().put("key", k).put("value", v));
    return run;
  }

  /** A run's mutable state. */
  private static final class RunState {
    final String runId;
    final String experimentId;
    final long startTime;
    final Map<String, String> params = new LinkedHashMap<>();
    final Map<String, String> tags = new LinkedHashMap<>();
    final List<MlflowMetric> metrics = new ArrayList<>();
    String runName;
    String status = "RUNNING";
    Long endTime;

    RunState(String runId, String experimentId, String runName, long startTime) {
      this.runId = runId;
      this.experimentId = experimentId;
      this.runName = runName;
      this.startTime = startTime;
    }
  }
}
