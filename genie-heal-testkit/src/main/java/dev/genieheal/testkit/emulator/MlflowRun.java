package dev.genieheal.testkit.emulator;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A snapshot of an MLflow run the emulator recorded.
 *
 * @param runId the run id
 * @param experimentId the experiment id
 * @param runName the run name, or null
 * @param status RUNNING, SCHEDULED, FINISHED, FAILED or KILLED
 * @param startTime epoch milliseconds
 * @param endTime epoch milliseconds, or null while running
 * @param params logged parameters
 * @param tags tags
 * @param metrics every logged metric value in logging order
 */
public record MlflowRun(
    String runId,
    String experimentId,
    String runName,
    String status,
    long startTime,
    Long endTime,
    Map<String, String> params,
    Map<String, String> tags,
    List<MlflowMetric> metrics) {

  /** Validates and copies. */
  public MlflowRun {
    Objects.requireNonNull(runId, "runId");
    Objects.requireNonNull(status, "status");
    params = Map.copyOf(params);
    tags = Map.copyOf(tags);
    metrics = List.copyOf(metrics);
  }

  /** The last logged value of a metric, if any. */
  public java.util.OptionalDouble latest(String key) {
    for (int i = metrics.size() - 1; i >= 0; i--) {
      if (metrics.get(i).key().equals(key)) {
        return java.util.OptionalDouble.of(metrics.get(i).value());
      }
    }
    return java.util.OptionalDouble.empty();
  }
}
