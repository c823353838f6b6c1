package dev.genieheal.judge;

/**
 * A counting set of 64-bit row hashes with open addressing, so many rows cost two primitive arrays instead of boxed
 * map entries. Not thread-safe; one per comparison.
 */
final class LongMultiset {
  private long[] keys;
  private int[] counts;
  private int mask;
  private int used;
  private int zeroCount;
  private int size;

  LongMultiset(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[capacity];
    counts = new int[capacity];
    mask = capacity - 1;
  }

  boolean isEmpty() {
    return size == 0;
  }

  void add(long key) {
    size++;
    if (key == 0) {
      zeroCount++;
      return;
    }
    int i = slot(key);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        counts[i]++;
        return;
      }
      i = (i + 1) & mask;
    }
    keys[i] = key;
    counts[i] = 1;
    if (++used * 2 > keys.length) {
      grow();
    }
  }

  /** Takes one occurrence away; false when none was left. Emptied slots keep their key (count 0) as tombstones. */
  boolean remove(long key) {
    if (key == 0) {
      if (zeroCount == 0) {
        return false;
      }
      zeroCount--;
      size--;
      return true;
    }
    int i = slot(key);
    while (keys[i] != 0) {
      if (keys[i] == key) {
        if (counts[i] == 0) {
          return false;
        }
        counts[i]--;
        size--;
        return true;
      }
      i = (i + 1) & mask;
    }
    return false;
  }

  private int slot(long key) {
    return (int) Cells.mix(key) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldCounts = counts;
    keys = new long[oldKeys.length * 2];
    counts = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(oldKeys[j]);
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        counts[i] = oldCounts[j];
      }
    }
  }
}
