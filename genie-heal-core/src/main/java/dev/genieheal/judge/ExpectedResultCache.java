package dev.genieheal.judge;

import dev.genieheal.port.ResultTable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Expected results per run and benchmark, least recently used first out. Concurrent requests for the same key
 * wait for one execution instead of running the expected SQL twice. Failures are handed to everyone waiting at
 * that moment but not kept, so a transient warehouse error does not mark a benchmark broken for the whole run.
 * Thread-safe.
 */
final class ExpectedResultCache {
  /** What running the expected SQL gave: a table, or the reason it failed. */
  record Outcome(ResultTable table, String failure) {}

  /** The cache key: the expected SQL is part of it, so an edited benchmark is run again. */
  record Key(String runId, String benchmarkId, String expectedSql) {}

  private final int capacity;
  private final Map<Key, CompletableFuture<Outcome>> entries;

  ExpectedResultCache(int capacity) {
    this.capacity = capacity;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Outcome>> eldest) {
        return size() > ExpectedResultCache.this.capacity;
      }
    };
  }

  /** The cached outcome for {@code key}, computing it with {@code run} when absent. */
  Outcome get(Key key, Supplier<Outcome> run) {
    if (capacity == 0) {
      return run.get();
    }
    CompletableFuture<Outcome> future;
    boolean mine = false;
    synchronized (entries) {
      future = entries.get(key);
      if (future == null) {
        future = new CompletableFuture<>();
        entries.put(key, future);
        mine = true;
      }
    }
    if (!mine) {
      return future.join();
    }
    Outcome outcome;
    try {
      outcome = run.get();
    } catch (RuntimeException e) { // never leave waiters hanging
      outcome = new Outcome(null, String.valueOf(e));
    }
    if (outcome.table() == null) {
      synchronized (entries) {
        entries.remove(key, future);
      }
    }
    future.complete(outcome);
    return outcome;
  }

  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }
}
