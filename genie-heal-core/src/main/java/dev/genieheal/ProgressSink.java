package dev.genieheal;

/**
 * Receives the loop's progress events, for logs, audit files, reports and dashboards.
 *
 * <p>Built-ins: {@code ProgressSink.logging()}, {@code ProgressSink.fanOut(...)}, and in {@code dev.genieheal.report}
 * the JSON Lines audit sink and the HTML report. A sink that throws is logged and skipped; the loop goes on.
 * Events of one run are delivered in order from one thread at a time, except {@link LoopEvent.QuestionScored},
 * which may arrive from scoring threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface ProgressSink {

  /** Receives one event. */
  void accept(LoopEvent event);
}
