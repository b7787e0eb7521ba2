package dev.dialkit.campaign.internal.csv;

/**
 * A map from positive {@code long} to non-zero {@code int} with open addressing and linear probing:
 * the E.164 number (its digits) to the line it first appeared on. A {@code HashMap<Long, Integer>}
 * costs about 80 bytes an entry; this costs 24 at its fullest (load at most 2/3), so a million
 * numbers fit in about 24 MB.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int size;

  LongIntMap(int expected) {
    int capacity = Integer.highestOneBit(Math.max(16, expected * 3 / 2)) << 1;
    keys = new long[capacity];
    values = new int[capacity];
  }

  /**
   * Puts {@code value} for {@code key} unless it has one.
   *
   * @param key positive (0 marks a free slot)
   * @return the value already there, or 0 if {@code value} was put
   */
  int putIfAbsent(long key, int value) {
    if (key <= 0 || value == 0) {
      throw new IllegalArgumentException("key must be > 0 and value != 0");
    }
    int mask = keys.length - 1;
    for (int i = slot(key, mask); ; i = (i + 1) & mask) {
      if (keys[i] == key) {
        return values[i];
      }
      if (keys[i] == 0) {
        keys[i] = key;
        values[i] = value;
        if (++size * 3 > keys.length * 2) {
          grow();
        }
        return 0;
      }
    }
  }

  int size() {
    return size;
  }

  private static int slot(long key, int mask) {
    long h =
        key * 0x9E3779B97F4A7C15L; // Fibonacci hashing: numbers in a range differ in low digits
    return (int) (h ^ (h >>> 32)) & mask;
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    int mask = keys.length - 1;
    for (int j = 0; j < oldKeys.length; j++) {
      if (oldKeys[j] != 0) {
        int i = slot(oldKeys[j], mask);
        while (keys[i] != 0) {
          i = (i + 1) & mask;
        }
        keys[i] = oldKeys[j];
        values[i] = oldValues[j];
      }
    }
  }
}
