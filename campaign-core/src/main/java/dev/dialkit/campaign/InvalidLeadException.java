package dev.dialkit.campaign;

/**
 * A lead could not be accepted. {@link #row()} is the 1-based position in the import (the CSV line
 * number for CSV imports), {@link #field()} the offending field.
 */
public class InvalidLeadException extends DialkitException {
  private final long row;
  private final String field;
  private final String reason;

  public InvalidLeadException(long row, String field, String reason) {
    super("lead at row " + row + ": " + field + " " + reason);
    this.row = row;
    this.field = field;
    this.reason = reason;
  }

  public long row() {
    return row;
  }

  public String field() {
    return field;
  }

  public String reason() {
    return reason;
  }
}
