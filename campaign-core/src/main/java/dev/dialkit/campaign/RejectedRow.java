package dev.dialkit.campaign;

import java.util.List;
import java.util.Objects;

/**
 * A row an import turned away.
 *
 * @param line the CSV line the row started on (for {@link Leads#add}: its 1-based position)
 * @param reason why
 * @param column the header of the offending column, or {@code ""} for the whole row
 * @param message what is wrong, Dialkit's words; values in it are escaped and phone numbers masked
 * @param firstLine for {@link Reason#DUPLICATE_IN_FILE}, the line where the number first appeared;
 *     otherwise 0
 * @param fields the row's fields as read (raw, hostile text: escape before logging); at most the
 *     header's count plus a few, each at most the import's field length
 */
public record RejectedRow(
    long line, Reason reason, String column, String message, long firstLine, List<String> fields) {

  /** Why a row was turned away. */
  public enum Reason {
    /** No field holds anything but spaces. */
    BLANK,
    /** More or fewer fields than the header. */
    MALFORMED,
    /** A field's value is not valid ({@link #column} says which). */
    INVALID,
    /** An earlier row of the same input has the number ({@link #firstLine} says which). */
    DUPLICATE_IN_FILE,
    /** The campaign already had a lead with the number, from an earlier import. */
    DUPLICATE_IN_CAMPAIGN,
    /** The number is on the tenant's do-not-call list. */
    SUPPRESSED
  }

  public RejectedRow {
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(column, "column");
    Objects.requireNonNull(message, "message");
    fields = List.copyOf(fields);
    if (line < 1 || firstLine < 0) {
      throw new IllegalArgumentException("rejected row needs a line >= 1 and a firstLine >= 0");
    }
  }
}
