package dev.dialkit.campaign;

import dev.dialkit.campaign.spi.Untrusted;

/**
 * A lead could not be accepted. {@link #row()} is the 1-based position in the import (the CSV line
 * number for CSV imports), or 0 when the lead was refused as it was made ({@link NewLead}'s
 * constructor and factories), outside any import; {@link #field()} is the offending field ({@code
 * variables.greeting} for one variable) and {@link #reason()} what is wrong, with the value.
 *
 * <p>Lead data comes from the host's users, so the value in the reason is never raw: control
 * characters are escaped and it is capped, phone numbers are masked, and values too long to be
 * worth showing are given by their size.
 */
public class InvalidLeadException extends DialkitException {
  /** The most characters of a reason kept; it holds at most one value, itself capped. */
  private static final int MAX_REASON = 400;

  private final long row;
  private final String field;
  private final String reason;

  public InvalidLeadException(long row, String field, String reason) {
    super(message(row, field, reason));
    this.row = row;
    this.field = Untrusted.escape(String.valueOf(field), Untrusted.MAX_ECHO);
    this.reason = Untrusted.escape(String.valueOf(reason), MAX_REASON);
  }

  private static String message(long row, String field, String reason) {
    String where = row > 0 ? "lead at row " + row : "lead";
    return where
        + ": "
        + Untrusted.escape(String.valueOf(field), Untrusted.MAX_ECHO)
        + " "
        + Untrusted.escape(String.valueOf(reason), MAX_REASON);
  }

  /** This rejection at {@code row} of an import (1-based): for a lead refused as it was made. */
  public InvalidLeadException atRow(long row) {
    InvalidLeadException e = new InvalidLeadException(row, field, reason);
    e.initCause(this);
    return e;
  }

  /** The 1-based row of the import, or 0 if the lead was refused outside an import. */
  public long row() {
    return row;
  }

  /** The offending field: {@code phone}, {@code name}, {@code variables.greeting}... */
  public String field() {
    return field;
  }

  /**
   * What is wrong, with the value as it may be shown: {@code "must be at most 200 characters, was
   * 512 characters"}.
   */
  public String reason() {
    return reason;
  }
}
