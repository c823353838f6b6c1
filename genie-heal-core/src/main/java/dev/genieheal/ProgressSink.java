package dev.genieheal;

import java.util.List;

/**
 * Receives the loop's progress events, for logs, audit files, reports and dashboards.
 *
 * <p>Built-ins: {@link #logging()}, {@link #fanOut(ProgressSink...)}, and in {@code dev.genieheal.report} the
 * JSON Lines audit sink and the HTML report. A sink that throws is logged and skipped; the loop goes on.
 * Events of one run are delivered in order from one thread at a time, except {@link LoopEvent.QuestionScored},
 * which may arrive from scoring threads: implementations must be thread-safe.
 */
@FunctionalInterface
public interface ProgressSink {

  /** Receives one event. */
  void accept(LoopEvent event);

  /**
   * Logs through slf4j (logger {@code dev.genieheal.progress}): one line per question at DEBUG, one line per
   * iteration, rollback, rejection batch, start and finish at INFO. Thread-safe.
   */
  static ProgressSink logging() {
    return LoggingSink.INSTANCE;
  }

  /**
   * Delivers each event to every sink in order. A sink that throws is logged and skipped; the others still get the
   * event. Thread-safe when the sinks are.
   *
   * @throws NullPointerException when a sink is null
   */
  static ProgressSink fanOut(ProgressSink... sinks) {
    return new FanOutSink(List.of(sinks));
  }
}
