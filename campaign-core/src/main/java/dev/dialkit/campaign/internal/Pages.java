package dev.dialkit.campaign.internal;

import dev.dialkit.campaign.Page;
import dev.dialkit.campaign.PageRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.ToLongFunction;

/** Cuts a page out of a list ordered by increasing sequence, as the store contract says. */
final class Pages {
  private Pages() {}

  static <T, R> Page<R> page(
      List<T> ordered, ToLongFunction<T> sequence, PageRequest request, Function<T, R> mapper) {
    int from = firstAfter(ordered, sequence, request.afterSequence());
    // long arithmetic: offset + limit may overflow an int
    long start = Math.min(ordered.size(), (long) from + request.offset());
    long end = Math.min(ordered.size(), start + request.limit());
    List<R> items = new ArrayList<>((int) (end - start));
    for (int i = (int) start; i < end; i++) {
      items.add(mapper.apply(ordered.get(i)));
    }
    long cursor =
        start == end ? request.afterSequence() : sequence.applyAsLong(ordered.get((int) end - 1));
    return new Page<>(items, ordered.size(), cursor);
  }

  static <T> Page<T> empty(PageRequest request) {
    return new Page<>(List.of(), 0, request.afterSequence());
  }

  /** The index of the first item whose sequence is greater than {@code after}. */
  private static <T> int firstAfter(List<T> ordered, ToLongFunction<T> sequence, long after) {
    int low = 0;
    int high = ordered.size();
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (sequence.applyAsLong(ordered.get(mid)) <= after) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    return low;
  }
}
