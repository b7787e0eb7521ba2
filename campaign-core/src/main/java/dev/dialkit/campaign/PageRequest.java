package dev.dialkit.campaign;

/**
 * Which slice of a list to read: {@code limit} items after skipping {@code offset}, or, for live
 * tailing, the items after a cursor ({@code afterSequence}, the last sequence already seen).
 *
 * @param offset items to skip, >= 0
 * @param limit items to return, 1 to 1000
 * @param afterSequence return only items whose sequence is greater; 0 for no cursor
 */
public record PageRequest(int offset, int limit, long afterSequence) {
  public static final int MAX_LIMIT = 1000;

  public PageRequest {
    if (offset < 0) {
      throw new IllegalArgumentException("offset must be >= 0, was " + offset);
    }
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (afterSequence < 0) {
      throw new IllegalArgumentException("afterSequence must be >= 0, was " + afterSequence);
    }
  }

  /** Page {@code page} (0-based) of {@code size} items. */
  public static PageRequest of(int page, int size) {
    if (page < 0) {
      throw new IllegalArgumentException("page must be >= 0, was " + page);
    }
    return new PageRequest(Math.multiplyExact(page, size), size, 0);
  }

  /** Up to {@code limit} items after the cursor {@code afterSequence}. */
  public static PageRequest after(long afterSequence, int limit) {
    return new PageRequest(0, limit, afterSequence);
  }
}
