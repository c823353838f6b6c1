package dev.genieheal.databricks.sink;

import dev.genieheal.LoopEvent;
import dev.genieheal.databricks.DatabricksWorkspace;
import dev.genieheal.databricks.http.ApiCall;
import java.net.URI;
import java.util.Objects;

/**
 * POSTs each iteration's JSON (and the run's end) to a Databricks App endpoint, authenticated with the workspace's
 * token. Other events are not sent. A failing POST is logged and the loop goes on; 429 and 503 are retried by the
 * transport. Thread-safe.
 *
 * <p>Body of an iteration: {@code {"event":"iteration","run_id","iteration","timestamp","score","score_delta",
 * "questions","passed","held_out_score","failures_by_category":{...},"changes_made":[{type,path,reason}],
 * "rejected":[...],"rolled_back","duration_seconds","eta_seconds"}}; of the end: {@code {"event":"finished",
 * "run_id","status","stop_reason","baseline_score","final_score","best_score","iterations",...}}.
 */
public final class AppEndpointSink extends SafeSink {
  private final DatabricksWorkspace workspace;
  private final URI endpoint;

  private AppEndpointSink(DatabricksWorkspace workspace, URI endpoint) {
    this.workspace = workspace;
    this.endpoint = endpoint;
  }

  /**
   * A sink posting to {@code endpoint}.
   *
   * @throws IllegalArgumentException when the endpoint is not an absolute http(s) URL
   */
  public static AppEndpointSink of(DatabricksWorkspace workspace, URI endpoint) {
    Objects.requireNonNull(workspace, "workspace");
    Objects.requireNonNull(endpoint, "endpoint");
    if (endpoint.getScheme() == null || !endpoint.getScheme().startsWith("http") || endpoint.getHost() == null) {
      throw new IllegalArgumentException("endpoint must be an absolute http(s) URL: " + endpoint);
    }
    return new AppEndpointSink(workspace, endpoint);
  }

  /** The endpoint. */
  public URI endpoint() {
    return endpoint;
  }

  @Override
  void handle(LoopEvent event) {
    Object body;
    if (event instanceof LoopEvent.IterationFinished it) {
      body = EventJson.iteration(it.runId(), it.record());
    } else if (event instanceof LoopEvent.Finished f) {
      body = EventJson.finished(f.result());
    } else {
      return;
    }
    workspace.transport().send(ApiCall.post("post progress to app", "app endpoint", endpoint.getHost(),
        endpoint.toString(), body));
  }

  @Override
  public String toString() {
    return "AppEndpointSink[" + endpoint + "]";
  }
}
