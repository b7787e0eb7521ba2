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
    if (size < 1 || size > MAX_LIMIT) {
      // checked before the offset is computed from it, so a bad size is named as such
      throw new IllegalArgumentException(
          "size must be between 1 and " + MAX_LIMIT + ", was " + size);
    }
    long offset = (long) page * size;
    if (offset > Integer.MAX_VALUE) {
      // an offset past int: say so rather than throw an ArithmeticException
      throw new IllegalArgumentException(
          "page * size must be at most " + Integer.MAX_VALUE + ", was " + offset);
    }
    return new PageRequest((int) offset, size, 0);
  }

  /** Up to {@code limit} items after the cursor {@code afterSequence}. */
  public static PageRequest after(long afterSequence, int limit) {
    return new PageRequest(0, limit, afterSequence);
  }
}
