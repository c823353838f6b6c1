package dev.genieheal.testkit.emulator;

import java.util.Objects;

/**
 * One logged MLflow metric value.
 *
 * @param key the metric name
 * @param value the value
 * @param timestamp epoch milliseconds as sent
 * @param step the step, 0 by default
 */
public record MlflowMetric(String key, double value, long timestamp, long step) {
  /** Validates. */
  public MlflowMetric {
    Objects.requireNonNull(key, "key");
  }
}
