package dev.genieheal.space;

import java.math.BigInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Counter ids, for tests. */
final class SequentialIdGenerator implements IdGenerator {
  private final AtomicLong counter;

  SequentialIdGenerator(long start) {
    if (start < 0) {
      throw new IllegalArgumentException("start must not be negative: " + start);
    }
    this.counter = new AtomicLong(start);
  }

  @Override
  public String next() {
    return Ids.format(BigInteger.valueOf(counter.incrementAndGet()));
  }
}
