package dev.genieheal.sql;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.function.Function;

/**
 * Remembers what the toolkit derived from a SQL text, so that the texts a loop run sees again and again (every
 * benchmark's expected SQL each iteration; Genie's SQL by the guard, the judge and the categorizer) are parsed once.
 * Parsing dominates the toolkit's cost (milliseconds per text); a hit costs a map look-up.
 *
 * <p>Only immutable results are stored (Optional of String, Boolean or {@link SqlStructure}), never a JSqlParser
 * tree: the canonicaliser rewrites trees in place, so a shared tree would be corrupted across threads.
 *
 * <p>Bounded, least recently used first out: at most {@link #MAX_ENTRIES} texts and {@link #MAX_TOTAL_CHARS}
 * characters of texts; a text longer than {@link #MAX_SQL_CHARS} is not stored at all. Each stored value is derived
 * from its text and is at most a small multiple of its size (the normal form is about as long as the text; a
 * structure holds a few expression texts per clause), so the worst case is about 2 M key characters (4 MiB as
 * UTF-16) plus values of the same order — roughly 20 MiB — and typical Genie SQL (300 to 1,500 characters) keeps
 * 2,048 entries in a few MiB.
 *
 * <p>Thread-safe. Values are computed outside the lock; two threads missing on the same text may both compute it,
 * which is harmless because the result depends only on the text. A value computed while a parse timed out is not
 * stored, because a timeout says something about the machine's load at that moment, not about the text.
 */
final class DerivedCache {
  /** What is derived from a text; each kind is one slot of an entry. */
  enum Kind { PARSEABLE, VIOLATION, NORMAL_FORM, ORDERS_RESULT, STRUCTURE }

  static final int MAX_ENTRIES = 2_048;
  static final int MAX_TOTAL_CHARS = 2 * 1024 * 1024;
  static final int MAX_SQL_CHARS = 16 * 1024;

  /** The one cache the toolkit's static entry points share. */
  static final DerivedCache SHARED = new DerivedCache(MAX_ENTRIES, MAX_TOTAL_CHARS, MAX_SQL_CHARS);

  private static final int KINDS = Kind.values().length;

  private final int maxEntries;
  private final long maxTotalChars;
  private final int maxSqlChars;
  /** Access-ordered, so iteration starts at the least recently used text. Guarded by itself. */
  private final LinkedHashMap<String, AtomicReferenceArray<Object>> entries = new LinkedHashMap<>(64, 0.75f, true);
  private long totalChars;

  DerivedCache(int maxEntries, long maxTotalChars, int maxSqlChars) {
    this.maxEntries = maxEntries;
    this.maxTotalChars = maxTotalChars;
    this.maxSqlChars = maxSqlChars;
  }

  /** The value of {@code kind} for {@code sql}, computing and storing it on a miss. */
  @SuppressWarnings("unchecked")
  <T> T get(String sql, Kind kind, Function<String, T> compute) {
    if (sql == null || sql.length() > maxSqlChars) {
      return compute.apply(sql);
    }
    AtomicReferenceArray<Object> entry = entry(sql);
    Object value = entry.get(kind.ordinal());
    if (value == null) {
      int timeouts = SqlParsing.timeoutsOnThisThread();
      T computed = compute.apply(sql);
      if (computed != null && SqlParsing.timeoutsOnThisThread() == timeouts) {
        entry.set(kind.ordinal(), computed);
      }
      return computed;
    }
    return (T) value;
  }

  /** The value of {@code kind} for {@code sql} if present, without computing it. */
  @SuppressWarnings("unchecked")
  <T> T peek(String sql, Kind kind) {
    if (sql == null || sql.length() > maxSqlChars) {
      return null;
    }
    synchronized (entries) {
      AtomicReferenceArray<Object> entry = entries.get(sql);
      return entry == null ? null : (T) entry.get(kind.ordinal());
    }
  }

  /** Stores {@code value} for {@code sql} unless a parse timed out since {@code timeouts} was read. */
  void put(String sql, Kind kind, Object value, int timeouts) {
    if (sql != null && sql.length() <= maxSqlChars && SqlParsing.timeoutsOnThisThread() == timeouts) {
      entry(sql).set(kind.ordinal(), value);
    }
  }

  private AtomicReferenceArray<Object> entry(String sql) {
    synchronized (entries) {
      AtomicReferenceArray<Object> entry = entries.get(sql);
      if (entry == null) {
        entry = new AtomicReferenceArray<>(KINDS);
        entries.put(sql, entry);
        totalChars += sql.length();
        evict();
      }
      return entry;
    }
  }

  private void evict() {
    Iterator<Map.Entry<String, AtomicReferenceArray<Object>>> eldest = entries.entrySet().iterator();
    while ((entries.size() > maxEntries || totalChars > maxTotalChars) && eldest.hasNext()) {
      totalChars -= eldest.next().getKey().length();
      eldest.remove();
    }
  }

  /** How many texts are stored. */
  int size() {
    synchronized (entries) {
      return entries.size();
    }
  }

  /** How many characters of text are stored. */
  long totalChars() {
    synchronized (entries) {
      return totalChars;
    }
  }
}
