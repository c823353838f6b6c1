package dev.genieheal.space;

import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Makes ids for new space elements: 32 lowercase hex characters that sort after the ids already there, so new items
 * keep their display order (Databricks' own ids are time-ordered the same way). Injectable for tests.
 *
 * <p>Implementations must be thread-safe.
 */
@FunctionalInterface
public interface IdGenerator {

  /** A fresh id. */
  String next();

  /**
   * A fresh id strictly greater than {@code floor} (plain string comparison); when {@link #next()} is not, the
   * floor plus one (as a 128-bit hex number) is used instead. {@code floor} may be null.
   */
  default String nextAfter(String floor) {
    String id = next();
    if (floor == null || id.compareTo(floor) > 0) {
      return id;
    }
    return Ids.increment(floor);
  }

  /** Time-ordered ids: 48 bits of epoch milliseconds, a 16-bit counter, then random bits. */
  static IdGenerator timeOrdered(Clock clock, RandomGenerator random) {
    return new TimeOrderedIdGenerator(clock, random);
  }

  /** Counter ids {@code 000...001}, {@code 000...002}, ... starting after {@code start}; for tests. */
  static IdGenerator sequential(long start) {
    return new SequentialIdGenerator(start);
  }
}
