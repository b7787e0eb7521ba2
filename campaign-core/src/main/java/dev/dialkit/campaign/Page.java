package dev.dialkit.campaign;

import java.util.List;

/**
 * A slice of a list.
 *
 * @param items the items, in order
 * @param total how many items the whole list holds (ignoring the cursor)
 * @param nextCursor the cursor for the next page when tailing: the last item's sequence, or the
 *     request's cursor when the page is empty
 */
public record Page<T>(List<T> items, long total, long nextCursor) {
  public Page {
    items = List.copyOf(items);
  }
}
