package dev.genieheal;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Delivers events to several sinks, isolating their failures. */
final class FanOutSink implements ProgressSink {
  private static final Logger LOG = LoggerFactory.getLogger(FanOutSink.class);

  private final List<ProgressSink> sinks;

  FanOutSink(List<ProgressSink> sinks) {
    this.sinks = List.copyOf(sinks);
  }

  @Override
  public void accept(LoopEvent event) {
    deliver(sinks, event);
  }

  /** Delivers {@code event} to every sink; a sink that throws is logged and skipped. */
  static void deliver(List<ProgressSink> sinks, LoopEvent event) {
    for (ProgressSink sink : sinks) {
      try {
        sink.accept(event);
      } catch (RuntimeException e) {
        LOG.warn("progress sink {} failed on {}; skipped", sink, event.getClass().getSimpleName(), e);
      }
    }
  }

  @Override
  public String toString() {
    return "fanOut" + sinks;
  }
}
