package dev.genieheal.databricks.sink;

import dev.genieheal.LoopEvent;
import dev.genieheal.ProgressSink;
import dev.genieheal.error.Redactor;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A sink that never throws: reporting is a side channel, and a dashboard being down must not stop a healing run.
 * Failures are logged (redacted) and counted.
 */
abstract class SafeSink implements ProgressSink {
  private final Logger log = LoggerFactory.getLogger(getClass());
  private final AtomicLong failures = new AtomicLong();

  @Override
  public final void accept(LoopEvent event) {
    try {
      handle(event);
    } catch (RuntimeException e) {
      failures.incrementAndGet();
      log.warn("{} could not record {} of run {}: {}", this, event.getClass().getSimpleName(), event.runId(),
          Redactor.redact(e.getMessage()));
    }
  }

  /** How many events could not be recorded. */
  public final long failures() {
    return failures.get();
  }

  /** Records one event; may throw. */
  abstract void handle(LoopEvent event);
}
