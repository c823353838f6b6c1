package dev.genieheal.error;

import java.util.Objects;

/**
 * One broken rule: where ({@code path}, a JSON path such as {@code $.data_sources.tables[2].identifier}),
 * which rule ({@code rule}, a stable id such as {@code sort-order}), and a message as precise as the API's own.
 *
 * @param path JSON path of the offending element, never null
 * @param rule stable rule id, never null
 * @param message human readable explanation, never null
 */
public record Violation(String path, String rule, String message) {
  /** Validates that all parts are present. */
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return path + ": [" + rule + "] " + message;
  }
}
