package dev.genieheal.doubles;

import dev.genieheal.LoopEvent;
import dev.genieheal.ProgressSink;
import java.util.ArrayList;
import java.util.List;

/** Records every event; thread-safe. */
public final class RecordingSink implements ProgressSink {
  private final List<LoopEvent> events = new ArrayList<>();

  @Override
  public synchronized void accept(LoopEvent event) {
    events.add(event);
  }

  public synchronized List<LoopEvent> events() {
    return List.copyOf(events);
  }

  public <T extends LoopEvent> List<T> of(Class<T> type) {
    return events().stream().filter(type::isInstance).map(type::cast).toList();
  }
}
