package dev.genieheal.doubles;

import dev.genieheal.port.Benchmark;
import dev.genieheal.port.GenieAnswer;
import dev.genieheal.port.GenieClient;
import dev.genieheal.port.GenieQuestion;
import dev.genieheal.port.SpaceStore;
import dev.genieheal.space.ColumnConfig;
import dev.genieheal.space.DataObject;
import dev.genieheal.space.GenieSpace;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * A Genie whose answers depend on the space as stored: a question whose text contains {@code [term]} is answered
 * right only when some column has the synonym {@code term}; questions without a term are always answered right;
 * every answer is wrong while any column has a synonym starting with {@code poison}. Thread-safe.
 */
public final class SynonymGenie implements GenieClient {
  private final SpaceStore store;
  private final Map<String, String> expectedByQuestion;
  private final AtomicInteger asked = new AtomicInteger();
  private volatile Consumer<GenieQuestion> onAsk = q -> { };

  public SynonymGenie(SpaceStore store, java.util.List<Benchmark> benchmarks) {
    this.store = store;
    this.expectedByQuestion = benchmarks.stream()
        .collect(Collectors.toMap(Benchmark::question, Benchmark::expectedSql));
  }

  /** Runs before every answer (to move a clock, throw, ...). */
  public SynonymGenie onAsk(Consumer<GenieQuestion> hook) {
    this.onAsk = hook;
    return this;
  }

  public int asked() {
    return asked.get();
  }

  @Override
  public GenieAnswer ask(GenieQuestion question) {
    asked.incrementAndGet();
    onAsk.accept(question);
    GenieSpace space = store.load(question.spaceId()).space();
    Set<String> synonyms = space.tables().stream().map(DataObject::columnConfigs).flatMap(java.util.List::stream)
        .map(ColumnConfig::synonyms).flatMap(java.util.List::stream)
        .map(s -> s.toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
    String expected = expectedByQuestion.getOrDefault(question.text(), "SELECT 'unknown question'");
    boolean poisoned = synonyms.stream().anyMatch(s -> s.startsWith("poison"));
    String term = term(question.text());
    boolean right = !poisoned && (term == null || synonyms.contains(term));
    return GenieAnswer.sql(right ? expected : "SELECT 'wrong'", null, Duration.ofMillis(5));
  }

  private static String term(String text) {
    int open = text.indexOf('[');
    int close = text.indexOf(']');
    return open >= 0 && close > open ? text.substring(open + 1, close).toLowerCase(Locale.ROOT) : null;
  }
}
