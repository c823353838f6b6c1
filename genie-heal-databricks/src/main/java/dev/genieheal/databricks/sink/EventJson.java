package dev.genieheal.databricks.sink;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.genieheal.IterationRecord;
import dev.genieheal.LoopResult;
import dev.genieheal.databricks.http.Json;
import dev.genieheal.fix.AppliedFix;
import dev.genieheal.fix.RejectedFix;

/**
 * The JSON shape of an iteration and of a run's end that the Databricks sinks send: the seed's report fields
 * (iteration, timestamp, score, score delta, changes made, failures by category, duration) plus held-out score,
 * rejections, roll-back and ETA. One shape for the app endpoint and the Delta table's {@code detail} column.
 */
final class EventJson {
  private EventJson() {}

  static ObjectNode iteration(String runId, IterationRecord r) {
    ObjectNode n = Json.object()
        .put("event", "iteration")
        .put("run_id", runId)
        .put("iteration", r.iteration())
        .put("timestamp", r.finishedAt().toString())
        .put("score", r.score())
        .put("score_delta", r.delta())
        .put("questions", r.tuning().results().size())
        .put("passed", r.tuning().passedCount())
        .put("rolled_back", r.rolledBack())
        .put("duration_seconds", r.duration().toMillis() / 1000.0);
    r.heldOutScore().ifPresent(s -> n.put("held_out_score", s));
    r.eta().ifPresent(eta -> n.put("eta_seconds", eta.toSeconds()));
    ObjectNode failures = n.putObject("failures_by_category");
    r.failuresByCategory().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(e -> failures.put(e.getKey().id(), e.getValue()));
    ArrayNode changes = n.putArray("changes_made");
    for (AppliedFix a : r.applied()) {
      changes.addObject().put("type", a.fix().type()).put("path", a.path()).put("reason", a.fix().reason());
    }
    ArrayNode rejected = n.putArray("rejected");
    for (RejectedFix x : r.rejected()) {
      rejected.addObject().put("type", x.fix() == null ? null : x.fix().type()).put("reason", x.reason());
    }
    return n;
  }

  static ObjectNode finished(LoopResult result) {
    return Json.object()
        .put("event", "finished")
        .put("run_id", result.runId())
        .put("status", result.status().name())
        .put("stop_reason", result.stopReason())
        .put("baseline_score", result.baselineScore())
        .put("final_score", result.finalScore())
        .put("best_score", result.bestScore())
        .put("iterations", result.iterations())
        .put("applied_fixes", result.applied().size())
        .put("rejected_fixes", result.rejected().size())
        .put("dry_run", result.dryRun())
        .put("duration_seconds", result.duration().toMillis() / 1000.0);
  }
}
